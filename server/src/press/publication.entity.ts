import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ActNature } from '../contracts/press';

/** A numbered issue of the recueil des actes administratifs: `RAA n° 63-2027-014`. */
@Entity()
@Index(['year', 'seq'], { unique: true })
export class RaaIssue {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  /** Number of the issue in its year, from 1. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  /** Publication date (Paris calendar day); null while the issue is being assembled. */
  @Column({ type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  appealDeadline!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** An administrative act (arrêté…) of the register. */
@Entity()
export class AdministrativeAct {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'date' })
  signedAt!: string;

  @Column({ type: 'text' })
  signatory!: string;

  /** Basis of the signature: the arrêté de délégation. */
  @Column({ type: 'text', nullable: true })
  delegation!: string | null;

  @Column({ type: 'text' })
  service!: string;

  @Column({ type: 'text' })
  nature!: ActNature;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'bytea', nullable: true, select: false })
  pdf!: Buffer | null;

  @Column({ type: 'boolean', default: false })
  hasPdf!: boolean;

  @ManyToOne(() => RaaIssue, { nullable: true, onDelete: 'RESTRICT' })
  raaIssue!: RaaIssue | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  raaIssueId!: string | null;

  /** Order of the act in its issue (table of contents). */
  @Column({ type: 'int', nullable: true })
  raaPosition!: number | null;

  /** Set only once the act is published in a RAA issue. */
  @Column({ type: 'date', nullable: true })
  enforceableAt!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
