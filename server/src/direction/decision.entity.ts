import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionStatus, DecisionUrgency } from '../contracts/direction';
import { Crisis } from '../crises/crisis.entity';

/** A decision asked of the authority (directeur de cabinet, préfet) within a crisis. */
@Entity()
@Index(['crisisId', 'requestedAt'])
// what the reminder scan looks for: urgent, open, not yet reminded
@Index('IDX_decision_reminder_scan', ['requestedAt'], {
  where: `reminded_at IS NULL AND urgency = 'urgente' AND status IN ('pending', 'more_info')`,
})
export class Decision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Crisis, { onDelete: 'RESTRICT' })
  crisis?: Crisis;

  @Column({ type: 'uuid' })
  crisisId!: string;

  /** The incident the decision is about, if any (no foreign key: another module's table). */
  @Column({ type: 'uuid', nullable: true })
  incidentId!: string | null;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'text', nullable: true })
  context!: string | null;

  @Column({ type: 'jsonb' })
  options!: string[];

  @Column({ type: 'text' })
  urgency!: DecisionUrgency;

  @Column({ type: 'text', default: 'pending' })
  status!: DecisionStatus;

  /** Copied from the crisis. */
  @Column({ type: 'boolean' })
  exercise!: boolean;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'text' })
  requestedByName!: string;

  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'text', nullable: true })
  answeredByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  chosenOption!: number | null;

  @Column({ type: 'text', nullable: true })
  answerNote!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  /** The page sent to the authority (no foreign key: the paging module's table). */
  @Column({ type: 'uuid', nullable: true })
  pageId!: string | null;

  /** +1 on every change. */
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** History of a decision: its request (from null), answers and complements. */
@Entity()
export class DecisionStep {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Decision, { onDelete: 'RESTRICT' })
  decision?: Decision;

  @Index()
  @Column({ type: 'uuid' })
  decisionId!: string;

  @Column({ type: 'text', nullable: true })
  from!: DecisionStatus | null;

  @Column({ type: 'text' })
  to!: DecisionStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'int', nullable: true })
  optionIndex!: number | null;
}
