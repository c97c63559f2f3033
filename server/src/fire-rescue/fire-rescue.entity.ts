import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type {
  CisCategory,
  DocumentState,
  FrameworkDocumentKind,
  StatNature,
} from '../contracts/fire-rescue';
import { Commune } from '../reference/commune.entity';

/** A centre d'incendie et de secours of the SDIS 63. */
@Entity()
export class Cis {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable short code, e.g. `CIS-RIOM`. */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  category!: CisCategory;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  commune!: Commune;

  @Index()
  @Column({ type: 'text' })
  communeInsee!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  /** Groupement territorial of the SDIS. */
  @Column({ type: 'text', nullable: true })
  groupement!: string | null;

  @Column({ type: 'int', default: 0 })
  staffProfessional!: number;

  @Column({ type: 'int', default: 0 })
  staffVolunteer!: number;

  /** Demo data placed where a real centre is not certain. */
  @Column({ type: 'boolean', default: false })
  fictitious!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * First-call sector: the commune is the key, so a commune belongs to one CIS at most by
 * construction; the coverage report lists the ones in none.
 */
@Entity()
export class CisSectorCommune {
  @PrimaryColumn({ type: 'text' })
  communeInsee!: string;

  @ManyToOne(() => Commune, { onDelete: 'CASCADE' })
  commune!: Commune;

  @ManyToOne(() => Cis, { onDelete: 'CASCADE' })
  cis!: Cis;

  @Index()
  @Column({ type: 'uuid' })
  cisId!: string;
}

/** SDACR, règlement opérationnel, CoTRRiM: one row per approved version. */
@Entity()
@Unique('UQ_framework_document_version', ['kind', 'version'])
export class FrameworkDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: FrameworkDocumentKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ type: 'date' })
  approvedOn!: string;

  @Column({ type: 'text', nullable: true })
  arreteReference!: string | null;

  @Column({ type: 'date' })
  revisionDueOn!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** Last alert stage published (`revision_proche`, `revision_depassee`), so each is sent once. */
  @Column({ type: 'text', nullable: true })
  alertedState!: DocumentState | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Yearly interventions of the SDIS by nature (DGSCGC statistics). */
@Entity()
@Unique('UQ_fire_stat_year_nature', ['year', 'nature'])
export class FireStat {
  @PrimaryGeneratedColumn('identity', { type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  nature!: StatNature;

  @Column({ type: 'int' })
  count!: number;
}

/**
 * Revision period and alert window of each kind of framework document, versioned. The
 * periods are not fixed by a text the notes could confirm: `toConfirm` (routine.md §8.3 [inf]).
 */
@Entity()
@Unique('UQ_fire_rescue_rule', ['kind', 'effectiveFrom'])
export class FireRescueRule {
  @PrimaryGeneratedColumn('identity', { type: 'int' })
  id!: number;

  @Column({ type: 'text' })
  kind!: FrameworkDocumentKind;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'int' })
  revisionYears!: number;

  @Column({ type: 'int' })
  alertMonthsBefore!: number;

  @Column({ type: 'boolean' })
  toConfirm!: boolean;

  @Column({ type: 'text' })
  source!: string;
}
