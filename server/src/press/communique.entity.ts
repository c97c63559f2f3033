import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CommuniqueKind, CommuniqueStatus } from '../contracts/press';

/** A communiqué (or invitation, dossier de presse, alerte): one row, its current version. */
@Entity()
@Index(['status', 'publishedAt'])
export class Communique {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `CP-2026-0042`, numbered per year at creation. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: CommuniqueKind;

  @Column({ type: 'text' })
  theme!: string;

  /** Markdown subset (see markdown.ts), never HTML. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', default: 'brouillon' })
  status!: CommuniqueStatus;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'text' })
  authorName!: string;

  @Column({ type: 'uuid', nullable: true })
  validatedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  validatedByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  validatedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  embargoUntil!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  crisisId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  visitId!: string | null;

  /** Directory contact groups e-mailed on publication. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  pressListIds!: string[];

  @Column({ type: 'boolean', default: true })
  website!: boolean;

  /** An EXERCICE communiqué never reaches a real channel (no e-mail, not on the public feed). */
  @Column({ type: 'boolean', default: false })
  exercise!: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: { name: string; url: string }[];

  /** +1 on every saved change of content; the version history keeps each one. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  pageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** Every saved content of a communiqué: title and body as they were at that version. */
@Entity()
@Index(['communiqueId', 'version'], { unique: true })
export class CommuniqueVersion {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Communique, { onDelete: 'CASCADE' })
  communique!: Communique;

  @Column({ type: 'uuid' })
  communiqueId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;
}

/** Workflow history users see: who moved the communiqué, when, from, to, with which note. */
@Entity()
export class CommuniqueTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Communique, { onDelete: 'CASCADE' })
  communique!: Communique;

  @Index()
  @Column({ type: 'uuid' })
  communiqueId!: string;

  @Column({ type: 'text', nullable: true })
  from!: CommuniqueStatus | null;

  @Column({ type: 'text' })
  to!: CommuniqueStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
