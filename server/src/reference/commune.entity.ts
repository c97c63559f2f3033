import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MultiPolygon, Polygon } from 'geojson';
import type { ForceKind } from '../contracts/territory';

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

  /** Cantons the commune belongs to (several only when it is split: Clermont-Ferrand). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cantonCodes!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  circonscriptionCodes!: string[];

  @Column({ type: 'text', nullable: true })
  epciSiren!: string | null;

  /** Competent security force: `police` or `gendarmerie`. */
  @Column({ type: 'text', nullable: true })
  forceKind!: ForceKind | null;

  /** Commissariat or brigade. */
  @Column({ type: 'text', nullable: true })
  forceUnit!: string | null;

  /** Circonscription de sécurité publique or compagnie de gendarmerie. */
  @Column({ type: 'text', nullable: true })
  forceZone!: string | null;
}
