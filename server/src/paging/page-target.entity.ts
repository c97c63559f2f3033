import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Page } from './page.entity';

export const ACK_VIAS = ['console', 'link', 'sms'] as const;
export type AckVia = (typeof ACK_VIAS)[number];

/**
 * One person a page reaches, frozen at send time (contact snapshot, why they are paged), with
 * their acknowledgement and escalation state. `generation` is the fencing token of the
 * escalation timer: every acknowledgement, escalation step or re-page increments it, and a
 * timer whose generation is not the current one does nothing.
 */
@Entity()
@Index('UQ_page_target_contact', ['pageId', 'contactId'], { unique: true })
@Index(['userId'])
@Index(['mobile'])
@Index(['nextEscalationAt'])
export class PageTarget {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Page, { onDelete: 'CASCADE' })
  page!: Page;

  @Column({ type: 'uuid' })
  pageId!: string;

  /** The directory contact (no foreign key: the snapshot outlives changes to the directory). */
  @Column({ type: 'uuid' })
  contactId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  function!: string;

  @Column({ type: 'uuid', nullable: true })
  serviceId!: string | null;

  @Column({ type: 'text', nullable: true })
  communeInsee!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** E.164. */
  @Column({ type: 'text', nullable: true })
  mobile!: string | null;

  @Column({ type: 'text', nullable: true })
  landline!: string | null;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  deputyContactId!: string | null;

  /** `contact`, `group:<name>`, `service:<code>`, `commune:<insee>`, `escalation`. */
  @Column({ type: 'text', array: true })
  via!: string[];

  /** The target who did not acknowledge, for a deputy paged by escalation. */
  @ManyToOne(() => PageTarget, { nullable: true, onDelete: 'CASCADE' })
  escalatedFrom!: PageTarget | null;

  @Column({ type: 'uuid', nullable: true })
  escalatedFromId!: string | null;

  /** 1 paged, 2 deputy paged, 3 duty officers alerted. */
  @Column({ type: 'int', default: 1 })
  escalationLevel!: number;

  @Column({ type: 'int', default: 0 })
  generation!: number;

  /** When the pending escalation timer fires; null when none is pending. */
  @Column({ type: 'timestamptz', nullable: true })
  nextEscalationAt!: Date | null;

  /** Four digits quoted in SMS replies (`OK 1234`) when a number has several open pages. */
  @Column({ type: 'text' })
  replyCode!: string;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  acknowledgedVia!: AckVia | null;

  /** The user who recorded it from the console (the person, or an officer on their behalf). */
  @Column({ type: 'uuid', nullable: true })
  acknowledgedByUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  acknowledgedByName!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
