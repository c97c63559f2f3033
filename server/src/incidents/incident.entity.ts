import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Counters, Incident as IncidentDto } from '../contracts/crisis';
import { Crisis } from '../crises/crisis.entity';

/**
 * Something happening somewhere during a crisis: a GeoJSON Point, or a Polygon for an affected
 * area. The bounding box columns serve map viewport queries; `version` guards concurrent edits.
 */
@Entity()
@Index(['crisisId', 'minLon', 'maxLon', 'minLat', 'maxLat'])
export class Incident {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Crisis, { onDelete: 'RESTRICT' })
  crisis!: Crisis;

  @Column({ type: 'uuid' })
  crisisId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: IncidentDto['kind'];

  @Column({ type: 'text' })
  severity!: IncidentDto['severity'];

  @Column({ type: 'text' })
  status!: IncidentDto['status'];

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'jsonb' })
  location!: IncidentDto['location'];

  @Column({ type: 'double precision' })
  minLon!: number;

  @Column({ type: 'double precision' })
  minLat!: number;

  @Column({ type: 'double precision' })
  maxLon!: number;

  @Column({ type: 'double precision' })
  maxLat!: number;

  /** Resolved from the location; null outside the Puy-de-Dôme. */
  @Column({ type: 'text', nullable: true })
  communeInsee!: string | null;

  @Column({ type: 'text', nullable: true })
  communeName!: string | null;

  /** Bilan: keys from COUNTER_KEYS, integers ≥ 0; absent keys were never reported. */
  @Column({ type: 'jsonb', default: {} })
  counters!: Counters;

  /** Copied from the crisis. */
  @Column({ type: 'boolean' })
  exercise!: boolean;

  /** 1 at creation, +1 on every change; PATCH must quote the current one. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
