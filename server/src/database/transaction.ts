import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DomainEventMap, DomainEventType } from '../contracts/realtime';
import { OutboxNotifier } from '../realtime/outbox-notifier';

export const OUTBOX_CHANNEL = 'vigie_outbox';

interface PendingEvent {
  type: DomainEventType;
  data: object;
  audience: string[];
  /** Filled with the event's seq when the outbox is written (at the end of the transaction). */
  recorded?: RecordedEvent;
}

export interface RecordedEvent {
  seq: number;
}

/** What a domain service gets inside a transaction: the manager and the event recorder. */
export interface Tx {
  manager: EntityManager;
  /**
   * Records a domain event; it is written to the outbox at commit and published after. The
   * returned object holds the event's `seq` once the transaction has committed.
   */
  emit<T extends DomainEventType>(type: T, data: DomainEventMap[T], audience: string[]): RecordedEvent;
}

/**
 * Runs domain work in one transaction and writes its events to the outbox last: the counter
 * row lock taken there is held only until commit, so concurrent writers get their `seq` in
 * commit order and a reader never sees seq N+1 before seq N.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: OutboxNotifier,
  ) {}

  async run<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    let wrote = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const events: PendingEvent[] = [];
      const value = await work({
        manager,
        emit: (type, data, audience) => {
          if (audience.length === 0) throw new Error(`event ${type} has no audience`);
          const recorded = { seq: 0 };
          events.push({ type, data, audience, recorded });
          return recorded;
        },
      });
      wrote = await writeOutbox(manager, events);
      return value;
    });
    if (wrote) {
      this.notifier.committed();
      // wake a relay leading in another process; after commit, so the NOTIFY queue lock is not
      // taken inside the writers' critical section. If this is lost, the relay's poll catches up.
      this.dataSource.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']).catch(() => undefined);
    }
    return result;
  }

  /**
   * Reads in one REPEATABLE READ snapshot and returns the outbox head of that snapshot: a
   * client applies the events with a greater seq on top of what it read.
   */
  async snapshot<R>(read: (manager: EntityManager) => Promise<R>): Promise<{ data: R; seq: number }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const data = await read(manager);
      const [{ value }] = (await manager.query('SELECT value FROM outbox_counter WHERE id = 1')) as [{ value: string }];
      return { data, seq: Number(value) };
    });
  }
}

export async function writeOutbox(manager: EntityManager, events: PendingEvent[]): Promise<boolean> {
  if (events.length === 0) return false;
  const [{ value }] = (await manager.query(
    'WITH c AS (UPDATE outbox_counter SET value = value + $1 WHERE id = 1 RETURNING value) SELECT value FROM c',
    [events.length],
  )) as [{ value: string }];
  const first = BigInt(value) - BigInt(events.length) + 1n;
  events.forEach((e, i) => {
    if (e.recorded) e.recorded.seq = Number(first) + i;
  });
  await manager.query(
    `INSERT INTO outbox_event (seq, type, audience, data)
     SELECT s, t, a::text[], d FROM unnest($1::bigint[], $2::text[], $3::text[], $4::jsonb[]) AS u(s, t, a, d)`,
    [
      events.map((_, i) => String(first + BigInt(i))),
      events.map((e) => e.type),
      // unnest flattens nested arrays: pass each audience as a text[] literal
      events.map((e) => toPgArray(e.audience)),
      events.map((e) => JSON.stringify(e.data)),
    ],
  );
  return true;
}

function toPgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
