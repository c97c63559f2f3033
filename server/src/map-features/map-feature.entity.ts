import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { CommuneRef, MapFeature as MapFeatureDto, SiteRef } from '../contracts/crisis';
import { Crisis } from '../crises/crisis.entity';
import { Incident } from '../incidents/incident.entity';

/**
 * A perimeter, zone, point or route drawn on the crisis map, with its impact computed when it
 * was saved. Immutable: to change one, delete it and draw it again. Deletion is soft so the
 * history of what was drawn remains.
 */
@Entity()
@Index(['crisisId', 'minLon', 'maxLon', 'minLat', 'maxLat'])
export class MapFeature {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Crisis, { onDelete: 'RESTRICT' })
  crisis!: Crisis;

  @Column({ type: 'uuid' })
  crisisId!: string;

  @Column({ type: 'text' })
  kind!: MapFeatureDto['kind'];

  @Column({ type: 'text', nullable: true })
  label!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @ManyToOne(() => Incident, { nullable: true, onDelete: 'RESTRICT' })
  incident!: Incident | null;

  @Column({ type: 'uuid', nullable: true })
  incidentId!: string | null;

  @Column({ type: 'jsonb' })
  geometry!: MapFeatureDto['geometry'];

  @Column({ type: 'double precision' })
  minLon!: number;

  @Column({ type: 'double precision' })
  minLat!: number;

  @Column({ type: 'double precision' })
  maxLon!: number;

  @Column({ type: 'double precision' })
  maxLat!: number;

  /** Communes the geometry touches, sorted by INSEE code, populations as of the save. */
  @Column({ type: 'jsonb' })
  affectedCommunes!: CommuneRef[];

  @Column({ type: 'int' })
  affectedPopulation!: number;

  /** Reference sites (hospitals) inside the area. */
  @Column({ type: 'jsonb' })
  sites!: SiteRef[];

  /** Copied from the crisis. */
  @Column({ type: 'boolean' })
  exercise!: boolean;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deletedBy!: string | null;
}
