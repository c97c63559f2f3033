import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel, CreatePageRequest, PageCounts, PageSeverity } from '../contracts/paging';
import { Crisis } from '../crises/crisis.entity';
import { User } from '../users/user.entity';

/** A page (alerte): what was sent, to whom it was asked to go, and by whom. Targets are frozen at send time. */
@Entity()
@Index('UQ_page_idempotency', ['createdBy', 'idempotencyKey'], { unique: true })
@Index(['createdAt'])
export class Page {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'text' })
  severity!: PageSeverity;

  /** In the order chosen: also the order of fallback when a channel fails for good. */
  @Column({ type: 'text', array: true })
  channels!: Channel[];

  @Column({ type: 'boolean' })
  ackRequired!: boolean;

  @Column({ type: 'int' })
  escalateAfterSec!: number;

  /** The recipients as asked (groups, services, communes...), for the record. */
  @Column({ type: 'jsonb' })
  recipients!: CreatePageRequest['recipients'];

  @ManyToOne(() => Crisis, { nullable: true, onDelete: 'RESTRICT' })
  crisis!: Crisis | null;

  @Column({ type: 'uuid', nullable: true })
  crisisId!: string | null;

  /** Copied from the crisis: every message is prefixed EXERCICE. */
  @Column({ type: 'boolean', default: false })
  exercise!: boolean;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator!: User;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** `Idempotency-Key` of the request that created the page (unique per creator). */
  @Column({ type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /** SHA-256 of the request body: the same key with another body is refused (409). */
  @Column({ type: 'text' })
  requestHash!: string;

  /** Counters last published in `page.updated` (the throttled publisher compares against them). */
  @Column({ type: 'jsonb', nullable: true })
  publishedCounts!: PageCounts | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastRepagedAt!: Date | null;
}
