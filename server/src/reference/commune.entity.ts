import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MultiPolygon, Polygon } from 'geojson';

/** A commune of the Puy-de-Dôme (COG 2026), with its outline for point-in-polygon lookups. */
@Entity()
export class Commune {
  /** INSEE code, e.g. `63113` (Clermont-Ferrand). */
  @PrimaryColumn({ type: 'text' })
  insee!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Population municipale (INSEE, in force 1 January 2026). */
  @Column({ type: 'int' })
  population!: number;

  /** INSEE arrondissement code, `631` to `635`. */
  @Index()
  @Column({ type: 'text' })
  arrondissement!: string;

  @Column({ type: 'text' })
  arrondissementName!: string;

  @Column({ type: 'text', array: true })
  postcodes!: string[];

  /** Interior point for labels and markers, [lon, lat]. */
  @Column({ type: 'double precision' })
  labelLon!: number;

  @Column({ type: 'double precision' })
  labelLat!: number;

  /** Bounding box [minLon, minLat, maxLon, maxLat] of the outline. */
  @Column({ type: 'double precision', array: true })
  bbox!: number[];

  @Column({ type: 'jsonb' })
  outline!: Polygon | MultiPolygon;
}
