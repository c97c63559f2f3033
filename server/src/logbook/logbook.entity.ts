import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
} from 'typeorm';
import type { Cellule, LOGBOOK_CATEGORIES } from '../contracts/crisis';
import { Crisis } from '../crises/crisis.entity';

export type LogbookCategory = (typeof LOGBOOK_CATEGORIES)[number];
export type LogbookSource = 'user' | 'system';

/**
 * One entry of a crisis' main courante. Append-only: a database trigger refuses UPDATE, DELETE
 * and TRUNCATE; a correction is a new entry pointing to the corrected one. Each entry stores
 * the hash of the previous one (see chain.ts).
 */
@Entity()
@Index(['crisisId', 'index'], { unique: true })
@Check(`"index" >= 1`)
@Check(`"source" IN ('user', 'system')`)
export class LogbookEntry {
  /** Chosen by the service before insert: it is part of the hashed fields. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Crisis, { onDelete: 'RESTRICT' })
  crisis?: Crisis;

  @Column({ type: 'uuid' })
  crisisId!: string;

  /** Position in the crisis' chain, from 1, without gaps. */
  @Column({ type: 'int' })
  index!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  category!: LogbookCategory;

  @Column({ type: 'text' })
  cellule!: Cellule;

  /** Null for entries Vigie writes on its own. */
  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  /** The author's name as it was when the entry was written. */
  @Column({ type: 'text' })
  authorName!: string;

  /** Server clock, read after the chain lock: time order is chain order. */
  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  occurredAt!: Date | null;

  /** Links to other modules' records (no foreign key: those tables are theirs). */
  @Column({ type: 'uuid', nullable: true })
  incidentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  taskId!: string | null;

  @ManyToOne(() => LogbookEntry, { nullable: true, onDelete: 'RESTRICT' })
  correctsEntry?: LogbookEntry | null;

  /** The corrected entry, always of the same crisis. */
  @Column({ type: 'uuid', nullable: true })
  correctsEntryId!: string | null;

  @Column({ type: 'text' })
  source!: LogbookSource;

  /** Copied from the crisis: an exercise's entries are marked EXERCICE everywhere. */
  @Column({ type: 'boolean' })
  exercise!: boolean;

  @Column({ type: 'text' })
  prevHash!: string;

  /** sha256, hex. */
  @Column({ type: 'text' })
  hash!: string;

  @OneToOne(() => LogbookPromotion, (p) => p.entry)
  promotion?: LogbookPromotion | null;
}

/**
 * Where each crisis' chain ends. Its row is locked (SELECT ... FOR UPDATE) by every append, so
 * concurrent writers form one chain; `verify` also checks the chain ends where the head says.
 */
@Entity()
export class LogbookHead {
  @PrimaryColumn({ type: 'uuid' })
  crisisId!: string;

  @OneToOne(() => Crisis, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'crisis_id' })
  crisis?: Crisis;

  @Column({ type: 'int' })
  lastIndex!: number;

  @Column({ type: 'text' })
  lastHash!: string;

  @Column({ type: 'uuid', nullable: true })
  lastEntryId!: string | null;
}

/** An entry promoted to the "fil de situation": recorded beside it, never by changing it. */
@Entity()
export class LogbookPromotion {
  @PrimaryColumn({ type: 'uuid' })
  entryId!: string;

  @OneToOne(() => LogbookEntry, (e) => e.promotion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id' })
  entry?: LogbookEntry;

  @Column({ type: 'uuid' })
  promotedBy!: string;

  @Column({ type: 'timestamptz' })
  promotedAt!: Date;
}
