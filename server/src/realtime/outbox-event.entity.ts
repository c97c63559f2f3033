import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Transactional outbox: written in the same transaction as the change it describes. `seq`
 * comes from the single-row `outbox_counter`, incremented under its row lock at the end of
 * the transaction, so seq order is commit order and the numbering has no gaps.
 */
@Entity()
export class OutboxEvent {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  type!: string;

  /** Rooms that may see the event (`all`, `role:<role>`, `user:<id>`). */
  @Column({ type: 'text', array: true })
  audience!: string[];

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}

@Entity()
export class OutboxCounter {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  /** Last seq handed out (committed once the transaction that took it commits). */
  @Column({ type: 'bigint' })
  value!: string;
}

/**
 * How far the relay has published. A row of its own, so the relay's bookkeeping never
 * waits on (or holds) the counter row that writers lock.
 */
@Entity()
export class OutboxCursor {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint' })
  seq!: string;
}
