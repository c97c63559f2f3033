import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { SYNC_PAGE_SIZE, SyncedEvent, SyncResponse } from '../contracts/realtime';
import { roomsFor } from './rooms';

/** Beyond this many events behind, a client refetches instead of replaying. */
export const SYNC_RESET_AFTER = 20_000;

interface Row {
  head: string;
  floor: string | null;
  seq: string | null;
  type: string | null;
  at: Date | null;
  data: Record<string, unknown> | null;
}

@Injectable()
export class SyncService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Latest committed seq. */
  async head(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT value FROM outbox_counter WHERE id = 1')) as [
      { value: string },
    ];
    return Number(row.value);
  }

  /**
   * Everything the user may see after `since`, in seq order. One statement, so the head, the
   * retention floor and the events come from the same snapshot.
   */
  async since(user: AuthUser, since: number): Promise<SyncResponse> {
    const rows = (await this.dataSource.query(
      `WITH c AS (SELECT value AS head, (SELECT min(seq) FROM outbox_event) AS floor
                  FROM outbox_counter WHERE id = 1)
       SELECT c.head, c.floor, e.seq, e.type, e.at, e.data
       FROM c LEFT JOIN LATERAL (
         SELECT seq, type, at, data FROM outbox_event
         WHERE seq > $1 AND seq <= c.head AND audience && $2::text[]
         ORDER BY seq LIMIT $3
       ) e ON true`,
      [since, roomsFor(user), SYNC_PAGE_SIZE + 1],
    )) as Row[];
    const head = Number(rows[0].head);
    const floor = rows[0].floor === null ? head + 1 : Number(rows[0].floor);
    if (since > head || since < floor - 1 || head - since > SYNC_RESET_AFTER) {
      return { reset: true, head };
    }
    const events: SyncedEvent[] = rows
      .filter((r) => r.seq !== null)
      .map((r) => ({
        type: r.type as SyncedEvent['type'],
        seq: Number(r.seq),
        at: r.at!.toISOString(),
        data: r.data as SyncedEvent['data'],
      }));
    if (events.length > SYNC_PAGE_SIZE) {
      events.length = SYNC_PAGE_SIZE;
      return { events, head: events[events.length - 1].seq, more: true };
    }
    return { events, head, more: false };
  }
}
