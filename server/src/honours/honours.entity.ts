import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type {
  CeremonyDto,
  Distinction,
  DossierDto,
  DossierStatus,
  EligibilityResult,
  PromotionStatus,
  RuleSet,
} from '../contracts/honours';

/**
 * One version of a distinction's rules (thresholds, gaps, reductions, promotions and cut-offs,
 * authority, competence, exclusions, contingents, arrêté text), in force from `effectiveFrom`.
 * A change of the texts adds a row; rows are never edited by the application.
 */
@Entity()
@Unique(['distinction', 'effectiveFrom'])
export class HonoursRuleSet {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  distinction!: Distinction;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'jsonb' })
  rules!: RuleSet;

  /** Paths of the values still to confirm against the texts ([verify]). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  toConfirm!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A promotion of one distinction (1 January, 14 July…), its contingents and its arrêté. */
@Entity()
@Unique(['distinction', 'date'])
export class HonoursPromotion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  distinction!: Distinction;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text', default: 'ouverte' })
  status!: PromotionStatus;

  /** Maximum of dossiers retained per échelon; an échelon absent is not limited. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  contingents!: Record<string, number>;

  /** `2027-0042`: year of the arrêté and its number in that year. */
  @Column({ type: 'text', nullable: true, unique: true })
  arreteNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  arreteDate!: string | null;

  @Column({ type: 'date', nullable: true })
  publishedAt!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A dossier: the candidate, the distinction and échelon asked, the facts the eligibility is
 * computed from, the opinions (outcomes only: never criminal-record content) and the state.
 */
@Entity()
@Index(['distinction', 'echelon', 'personKey'])
@Index(['promotionId', 'status'])
export class HonoursDossier {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `MHT-2027-00042`. */
  @Column({ type: 'text', unique: true })
  reference!: string;

  @Column({ type: 'text' })
  distinction!: Distinction;

  @Column({ type: 'text' })
  echelon!: string;

  @Column({ type: 'text', default: 'depose' })
  status!: DossierStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  statusSince!: Date;

  /** Last name, first name (folded) and birth date: how duplicates are found. */
  @Index()
  @Column({ type: 'text' })
  personKey!: string;

  @Column({ type: 'jsonb' })
  candidate!: Omit<DossierDto['candidate'], 'communeName'>;

  @Index()
  @Column({ type: 'text' })
  communeInsee!: string;

  @Column({ type: 'text' })
  lastName!: string;

  @Column({ type: 'jsonb' })
  proposer!: DossierDto['proposer'];

  @Column({ type: 'text' })
  channel!: DossierDto['channel'];

  @Column({ type: 'date' })
  filedAt!: string;

  @ManyToOne(() => HonoursPromotion, { onDelete: 'RESTRICT', nullable: true })
  promotion!: HonoursPromotion | null;

  @Column({ type: 'uuid', nullable: true })
  promotionId!: string | null;

  /** Facts the eligibility is computed from. */
  @Column({ type: 'jsonb' })
  facts!: Pick<
    DossierDto,
    'servicePeriods' | 'held' | 'reductions' | 'categories' | 'children' | 'actDate'
  >;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  documents!: DossierDto['documents'];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  opinions!: DossierDto['opinions'];

  /** Last computed eligibility, with its explanation. */
  @Column({ type: 'jsonb' })
  eligibility!: EligibilityResult;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  warnings!: string[];

  /** Line number in the arrêté (alphabetical within the article). */
  @Column({ type: 'integer', nullable: true })
  arreteRank!: number | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** History of a dossier's states: who, when, from, to, note. */
@Entity()
export class HonoursDossierTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => HonoursDossier, { onDelete: 'CASCADE' })
  dossier!: HonoursDossier;

  @Index()
  @Column({ type: 'uuid' })
  dossierId!: string;

  @Column({ type: 'text', nullable: true })
  from!: DossierStatus | null;

  @Column({ type: 'text' })
  to!: DossierStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** null: Vigie itself (purge, import). */
  @Column({ type: 'uuid', nullable: true })
  by!: string | null;

  @Column({ type: 'text' })
  byName!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}

/** A ceremony (or, for LH/ONM, a réception) where insignia are presented. */
@Entity()
export class HonoursCeremony {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: CeremonyDto['kind'];

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'timestamptz' })
  date!: Date;

  @Column({ type: 'text' })
  place!: string;

  @Column({ type: 'text', nullable: true })
  communeInsee!: string | null;

  @Column({ type: 'text' })
  presiding!: string;

  @Column({ type: 'text', nullable: true })
  delegate!: string | null;

  @Column({ type: 'text', nullable: true })
  delegateGrade!: string | null;

  @Column({ type: 'text', default: 'prevue' })
  status!: CeremonyDto['status'];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  dossierIds!: string[];

  @Column({ type: 'timestamptz', nullable: true })
  invitationsSentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
