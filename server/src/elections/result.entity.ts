import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Bureau } from './scrutin.entity';
import type { ResultStatus } from '../contracts/elections';

/** The results of one bureau (absent row: « non arrivé »). */
@Entity('election_result')
export class BureauResult {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  scrutinId!: string;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE' })
  bureau!: Bureau;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  bureauId!: string;

  @Column({ type: 'text' })
  status!: Exclude<ResultStatus, 'non_arrive'>;

  @Column({ type: 'int' })
  inscrits!: number;

  @Column({ type: 'int', nullable: true })
  emargements!: number | null;

  @Column({ type: 'int' })
  votants!: number;

  @Column({ type: 'int' })
  blancs!: number;

  @Column({ type: 'int' })
  nuls!: number;

  @Column({ type: 'int' })
  exprimes!: number;

  /** Votes by candidature id. */
  @Column({ type: 'jsonb' })
  voix!: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  warnings!: string[];

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'boolean', default: false })
  pvReceived!: boolean;

  @Column({ type: 'uuid' })
  enteredBy!: string;

  @Column({ type: 'text' })
  enteredByName!: string;

  @Column({ type: 'timestamptz' })
  enteredAt!: Date;

  /** Contre-appel logged since the last entry (allows the enterer to validate). */
  @Column({ type: 'uuid', nullable: true })
  callbackBy!: string | null;

  @Column({ type: 'text', nullable: true })
  callbackByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  callbackAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  callbackNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  validatedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  validatedByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  validatedAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** History of a bureau's result statuses (who, when, from, to, note). */
@Entity('election_result_event')
export class ResultEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE' })
  bureau!: Bureau;

  @Index()
  @Column({ type: 'uuid' })
  bureauId!: string;

  @Column({ type: 'text', nullable: true })
  from!: ResultStatus | null;

  @Column({ type: 'text' })
  to!: ResultStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}

/** Participation reported at a time slot (12:00, 17:00, …) for one bureau. */
@Entity('election_turnout')
@Unique(['bureauId', 'slot'])
export class Turnout {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  scrutinId!: string;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE' })
  bureau!: Bureau;

  @Column({ type: 'uuid' })
  bureauId!: string;

  @Column({ type: 'text' })
  slot!: string;

  @Column({ type: 'int' })
  votants!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  warnings!: string[];

  @Column({ type: 'uuid' })
  enteredBy!: string;

  @Column({ type: 'timestamptz' })
  enteredAt!: Date;
}

/**
 * Versioned legal values (deadlines, delays, thresholds, list sizes): the row in force for a
 * scrutin is the latest `effectiveFrom` on or before its date. `toConfirm` marks values the
 * domain notes flag [verify].
 */
@Entity('election_rule')
@Unique(['system', 'round', 'key', 'effectiveFrom'])
export class ElectionRule {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  /** Voting system, or `*` for every system. */
  @Column({ type: 'text' })
  system!: string;

  /** Round, or 0 for both. */
  @Column({ type: 'int', default: 0 })
  round!: number;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'text' })
  legalRef!: string;

  @Column({ type: 'boolean', default: false })
  toConfirm!: boolean;
}

/** Grid of political nuances per election (ministry circular), versioned. */
@Entity('election_nuance')
@Unique(['system', 'code', 'effectiveFrom'])
export class Nuance {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  system!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'text' })
  circular!: string;
}
