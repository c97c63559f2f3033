import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel, DeliveryPurpose, DeliveryState } from '../contracts/paging';
import { Page } from './page.entity';
import { PageTarget } from './page-target.entity';

/**
 * One message to one target on one channel in one round. The row is the truth; the BullMQ
 * job only carries its id (`delivery-<id>-<dispatchGen>`). A worker claims the row
 * (`queued` → `sending`, with a lease) before calling the provider, so a job that runs twice
 * sends once; states only move forward (see delivery-state.ts).
 */
@Entity()
@Index('UQ_page_delivery_round', ['targetId', 'channel', 'level'], { unique: true })
@Index(['pageId', 'state'])
@Index(['state', 'queuedAt'])
export class PageDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Page, { onDelete: 'CASCADE' })
  page!: Page;

  @Column({ type: 'uuid' })
  pageId!: string;

  @ManyToOne(() => PageTarget, { onDelete: 'CASCADE' })
  target!: PageTarget;

  @Column({ type: 'uuid' })
  targetId!: string;

  @Column({ type: 'text' })
  channel!: Channel;

  /** Send round of the target (1 at creation, +1 per re-page or escalation step): the escalation level of this message. */
  @Column({ type: 'int', name: 'escalation_level' })
  level!: number;

  @Column({ type: 'text', default: 'page' })
  purpose!: DeliveryPurpose;

  /** E.164 number, e-mail address(es), `user:<id>` for push and in-app. */
  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'text', default: 'queued' })
  state!: DeliveryState;

  /** Claims (provider calls started). */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Part of the job id: bumped when the reconciler must enqueue a job BullMQ already finished. */
  @Column({ type: 'int', default: 1 })
  dispatchGen!: number;

  /** Held by quiet hours (heures de silence) until then; null: send at once. */
  @Column({ type: 'timestamptz', nullable: true })
  notBefore!: Date | null;

  /** A `sending` row whose lease expired was abandoned by a crashed worker: it may be claimed again. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  providerId!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  queuedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt!: Date | null;
}
