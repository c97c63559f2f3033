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

  /** Last seq the relay published to Socket.IO. */
  @Column({ type: 'bigint' })
  published!: string;
}
