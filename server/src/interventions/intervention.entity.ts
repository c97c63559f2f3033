import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type {
  Intervention as InterventionDto,
  InterventionStatus,
  LetterKind,
} from '../contracts/interventions';
import { Contact } from '../directory/contact.entity';
import { Service } from '../directory/service.entity';

/**
 * An elected official's request on behalf of a citizen, a company or an association (affaire
 * réservée). Personal data: cabinet staff, director and admin; a service sees only the ones
 * routed to it. Purged after the retention period of the rule table.
 */
@Entity()
@Index(['officialId', 'receivedOn'])
@Index(['serviceId', 'status'])
export class Intervention {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `INT-2026-0042`: unique, numbered per reception year. */
  @Column({ type: 'text', unique: true })
  reference!: string;

  @Column({ type: 'date' })
  receivedOn!: string;

  @Column({ type: 'text' })
  channel!: InterventionDto['channel'];

  @ManyToOne(() => Contact, { onDelete: 'RESTRICT' })
  official!: Contact;

  @Column({ type: 'uuid' })
  officialId!: string;

  @Column({ type: 'text' })
  beneficiaryKind!: InterventionDto['beneficiaryKind'];

  @Column({ type: 'text' })
  beneficiaryName!: string;

  @Column({ type: 'text', nullable: true })
  beneficiaryCommuneInsee!: string | null;

  @Column({ type: 'text' })
  theme!: InterventionDto['theme'];

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text', nullable: true })
  caseReference!: string | null;

  @ManyToOne(() => Service, { nullable: true, onDelete: 'RESTRICT' })
  service!: Service | null;

  @Column({ type: 'uuid', nullable: true })
  serviceId!: string | null;

  @Column({ type: 'date', nullable: true })
  transmittedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'date', nullable: true })
  elementsReceivedOn!: string | null;

  @Column({ type: 'text' })
  signatory!: InterventionDto['signatory'];

  @Column({ type: 'text', default: 'enregistree' })
  status!: InterventionStatus;

  @Column({ type: 'date', nullable: true })
  ackSentOn!: string | null;

  @Column({ type: 'date', nullable: true })
  holdingReplySentOn!: string | null;

  @Column({ type: 'date', nullable: true })
  finalReplySentOn!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: InterventionDto['outcome'];

  @Column({ type: 'text', default: 'normale' })
  confidentiality!: InterventionDto['confidentiality'];

  /** Set when the overdue escalation to the director was sent (for the current due date). */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  /** Final reply or classement: the retention period runs from here. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Every status an intervention went through: who, when, from, to, note (workflow history). */
@Entity()
export class InterventionTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Intervention, { onDelete: 'CASCADE' })
  intervention!: Intervention;

  @Index()
  @Column({ type: 'uuid' })
  interventionId!: string;

  @Column({ type: 'text', nullable: true })
  from!: InterventionStatus | null;

  @Column({ type: 'text' })
  to!: InterventionStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Service the intervention was routed to by this move, if any. */
  @Column({ type: 'text', nullable: true })
  serviceName!: string | null;
}

/** A letter produced from a template (accusé de réception, réponse d'attente, réponse définitive). */
@Entity()
export class InterventionLetter {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Intervention, { onDelete: 'CASCADE' })
  intervention!: Intervention;

  @Index()
  @Column({ type: 'uuid' })
  interventionId!: string;

  @Column({ type: 'text' })
  kind!: LetterKind;

  /** The paragraph the Cabinet added to the template. */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'text' })
  createdByName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A reminder sent (J-3, échéance, retard): once per intervention, kind and due date. */
@Entity()
@Unique('UQ_intervention_reminder', ['interventionId', 'kind', 'dueDate'])
export class InterventionReminder {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Intervention, { onDelete: 'CASCADE' })
  intervention!: Intervention;

  @Column({ type: 'uuid' })
  interventionId!: string;

  /** `before:3`, `due`, `overdue`. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'timestamptz' })
  sentAt!: Date;
}

/**
 * Delays and retention of interventions, versioned: the row in force is the latest whose
 * `effectiveFrom` is not after the day. Internal service levels, not law: `toConfirm` says the
 * Cabinet must confirm them (routine.md §2.3 marks the retention [verify]).
 */
@Entity()
export class InterventionRule {
  @PrimaryGeneratedColumn('identity', { type: 'int' })
  id!: number;

  @Column({ type: 'date', unique: true })
  effectiveFrom!: string;

  /** Due date given to the service when none is set: reception + N days. */
  @Column({ type: 'int' })
  defaultDueDays!: number;

  @Column({ type: 'int', array: true })
  reminderDaysBefore!: number[];

  /** Years after closure before the intervention is purged. */
  @Column({ type: 'int' })
  retentionYears!: number;

  @Column({ type: 'boolean' })
  toConfirm!: boolean;

  @Column({ type: 'text' })
  source!: string;
}
