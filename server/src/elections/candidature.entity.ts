import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Scrutin } from './scrutin.entity';
import type { CandidateMember, CandidatureKind, CandidatureStatus } from '../contracts/elections';

/** A candidate (with remplaçant), a binôme or a list deposited for one circonscription. */
@Entity('election_candidature')
@Index(['scrutinId', 'circonscription'])
export class Candidature {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Scrutin, { onDelete: 'CASCADE' })
  scrutin!: Scrutin;

  @Column({ type: 'uuid' })
  scrutinId!: string;

  @Column({ type: 'text' })
  circonscription!: string;

  @Column({ type: 'text' })
  kind!: CandidatureKind;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  etiquette!: string | null;

  /** Nuance given by the préfet, from the grid in force (NULL when none). */
  @Column({ type: 'text', nullable: true })
  nuance!: string | null;

  /** Panel number (drawn by lot); unique per circonscription when set. */
  @Column({ type: 'int', nullable: true })
  panel!: number | null;

  @Column({ type: 'timestamptz' })
  depositedAt!: Date;

  /** Candidate or mandataire who deposited. */
  @Column({ type: 'text' })
  depositor!: string;

  /** Deposit deadline in force when it was deposited. */
  @Column({ type: 'timestamptz' })
  deadline!: Date;

  /** Members (rank, role, sex, civil state). */
  @Column({ type: 'jsonb' })
  members!: CandidateMember[];

  @Column({ type: 'text', default: 'deposee' })
  status!: CandidatureStatus;

  @Column({ type: 'text', nullable: true })
  provisionalReceiptNo!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  provisionalReceiptAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  definitiveReceiptNo!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  definitiveReceiptAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  refusalMotive!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  refusedAt!: Date | null;

  /** End of the window to seize the tribunal administratif. */
  @Column({ type: 'timestamptz', nullable: true })
  appealUntil!: Date | null;

  /** When the tribunal must have ruled (otherwise the receipt is issued). */
  @Column({ type: 'timestamptz', nullable: true })
  courtRulesBy!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  appealLodgedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  appealOutcome!: string | null;

  @Column({ type: 'text', nullable: true })
  appealNote!: string | null;

  /** Average age of the members at polling day (ties in seat allocation). */
  @Column({ type: 'real', nullable: true })
  averageAge!: number | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** History of a candidature's statuses (who, when, from, to, note). */
@Entity('election_candidature_event')
export class CandidatureEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Candidature, { onDelete: 'CASCADE' })
  candidature!: Candidature;

  @Index()
  @Column({ type: 'uuid' })
  candidatureId!: string;

  @Column({ type: 'text', nullable: true })
  from!: CandidatureStatus | null;

  @Column({ type: 'text' })
  to!: CandidatureStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
