import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CodLevel, CounterKey } from '../contracts/crisis';
import type { SitrepDiffusion, SitrepEntry, SitrepPaging, SitrepSection, SitrepStatus, SitrepTasks } from '../contracts/direction';
import { Crisis } from '../crises/crisis.entity';

/**
 * A point de situation: numbered per crisis, generated from the main courante (promoted
 * entries since the previous point), the bilan and its deltas, tasks and paging; free text per
 * cellule; validated by the authority before diffusion. What was generated is frozen here.
 */
@Entity()
@Index('UQ_situation_report_number', ['crisisId', 'number'], { unique: true })
// at most one draft per crisis
@Index('UQ_situation_report_draft', ['crisisId'], { unique: true, where: `status = 'draft'` })
export class SituationReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Crisis, { onDelete: 'RESTRICT' })
  crisis?: Crisis;

  @Column({ type: 'uuid' })
  crisisId!: string;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: SitrepStatus;

  @Column({ type: 'boolean' })
  exercise!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  periodStart!: Date | null;

  @Column({ type: 'timestamptz' })
  generatedAt!: Date;

  @Column({ type: 'text' })
  codLevel!: CodLevel;

  @Column({ type: 'jsonb' })
  bilan!: Record<CounterKey, number>;

  @Column({ type: 'jsonb' })
  previousBilan!: Record<CounterKey, number>;

  @Column({ type: 'jsonb' })
  entries!: SitrepEntry[];

  @Column({ type: 'jsonb' })
  tasks!: SitrepTasks;

  @Column({ type: 'jsonb' })
  paging!: SitrepPaging;

  @Column({ type: 'jsonb' })
  sections!: Record<SitrepSection, string>;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'text' })
  createdByName!: string;

  @Column({ type: 'timestamptz', nullable: true })
  validatedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  validatedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  validatedByName!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  diffusions!: SitrepDiffusion[];
}

/** History of a point de situation: generated, each edit (version), validated, diffused. */
@Entity()
export class SituationReportEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => SituationReport, { onDelete: 'RESTRICT' })
  report?: SituationReport;

  @Index()
  @Column({ type: 'uuid' })
  reportId!: string;

  @Column({ type: 'text' })
  action!: 'generated' | 'edited' | 'validated' | 'diffused';

  @Column({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;
}

/** When the next point de situation of a crisis is due, and the reminder sent for it. */
@Entity()
export class SitrepSchedule {
  @PrimaryColumn({ type: 'uuid' })
  crisisId!: string;

  @ManyToOne(() => Crisis, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'crisis_id' })
  crisis?: Crisis;

  @Column({ type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  intervalMinutes!: number | null;

  /** Who set the schedule: the reminder page is sent in their name. */
  @Column({ type: 'uuid', nullable: true })
  scheduledBy!: string | null;

  @Column({ type: 'text', nullable: true })
  scheduledByName!: string | null;

  /** The `nextDueAt` the situation cellule was reminded of (reminded once per due time). */
  @Column({ type: 'timestamptz', nullable: true })
  remindedFor!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;
}
