import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** Append-only: a database trigger refuses UPDATE and DELETE on this table. */
@Entity()
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorEmail!: string | null;

  /** `POST /api/auth/login`, `socket sync`, `cli user:create`... */
  @Column({ type: 'text' })
  action!: string;

  /** What the action touched, e.g. the route with its ids. */
  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ type: 'text' })
  outcome!: AuditOutcome;

  @Column({ type: 'int', nullable: true })
  status!: number | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  /** Small structured context (never passwords, tokens or personal data bodies). */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
