import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Cellule, CodLevel } from '../contracts/crisis';

/** The department's COD: one row (id 1). */
@Entity()
export class CodState {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'text' })
  level!: CodLevel;

  @Column({ type: 'timestamptz' })
  since!: Date;

  @Column({ type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  changedByName!: string | null;

  @Column({ type: 'uuid', nullable: true })
  crisisId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}

/** History of every COD transition. */
@Entity()
export class CodTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  from!: CodLevel;

  @Column({ type: 'text' })
  to!: CodLevel;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', nullable: true })
  crisisId!: string | null;

  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;

  @Index()
  @Column({ type: 'timestamptz' })
  at!: Date;
}

/** Someone signed in at a COD position (cellule); signedOutAt is set when they leave. */
@Entity()
@Index(['userId'], { unique: true, where: 'signed_out_at IS NULL' })
export class CodPosition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  cellule!: Cellule;

  @Column({ type: 'text', nullable: true })
  function!: string | null;

  @Column({ type: 'timestamptz' })
  signedInAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  signedOutAt!: Date | null;
}
