import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import type { Server } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { ClientToServerEvents, ServerToClientEvents } from '../contracts/realtime';
import { OUTBOX_CHANNEL } from '../database/transaction';
import { OutboxNotifier } from './outbox-notifier';

const RELAY_LOCK = 6_300_002;
const BATCH = 500;

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Called for each published event, after its emission (the gateway reacts to some). */
export type PublishedListener = (type: string, data: Record<string, unknown>) => void;

/**
 * Publishes committed outbox events to Socket.IO in seq order. One relay in the cluster is
 * the leader (session advisory lock on its own connection); the others stand by and take
 * over within a poll interval if it dies. The leader wakes on NOTIFY from any process, on a
 * commit in this process, and polls as a fallback. Delivery is at least once: clients drop
 * any seq they already applied.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private client?: Client;
  private leader = false;
  private published = 0;
  private io?: IoServer;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private again = false;
  private stopped = false;
  private unsubscribe?: () => void;
  private readonly listeners: PublishedListener[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifier: OutboxNotifier,
  ) {}

  /** The gateway hands over its server once Socket.IO is initialised. */
  attach(io: IoServer): void {
    this.io = io;
  }

  onPublished(listener: PublishedListener): void {
    this.listeners.push(listener);
  }

  get isLeader(): boolean {
    return this.leader;
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = this.notifier.subscribe(() => void this.wake());
    this.schedule(0);
  }

  /** Runs before Nest disposes the Socket.IO adapter: no publish on a closed Redis connection. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.flushing;
    await this.disconnect();
  }

  /** Publishes what is pending now (tests and the in-process notifier use it). */
  wake(): Promise<void> {
    if (!this.leader || this.stopped) return Promise.resolve();
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      if (this.again) {
        this.again = false;
        void this.wake();
      }
    });
    return this.flushing;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    try {
      if (!this.leader) await this.tryLead();
      if (this.leader) await this.wake();
    } catch (e) {
      this.logger.warn(`relay: ${String(e)}`);
      await this.disconnect();
    }
    this.schedule(this.leader ? 1000 : 2000);
  }

  private async tryLead(): Promise<void> {
    if (!this.client) {
      const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'vigie-relay' });
      client.on('error', (e) => {
        this.logger.warn(`relay connection lost: ${e.message}`);
        void this.disconnect();
      });
      client.on('notification', () => void this.wake());
      await client.connect();
      this.client = client;
    }
    const [{ locked }] = (await this.client.query('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK]))
      .rows as [{ locked: boolean }];
    if (!locked) return;
    await this.client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    const [{ seq }] = (await this.client.query("SELECT seq FROM outbox_cursor WHERE name = 'relay'"))
      .rows as [{ seq: string }];
    this.published = Number(seq);
    this.leader = true;
    this.logger.log(`leading the outbox relay from seq ${this.published}`);
  }

  private async flush(): Promise<void> {
    const client = this.client;
    if (!client || !this.io) return;
    for (;;) {
      const { rows } = await client.query<{
        seq: string;
        type: string;
        audience: string[];
        data: Record<string, unknown>;
        at: Date;
      }>('SELECT seq, type, audience, data, at FROM outbox_event WHERE seq > $1 ORDER BY seq LIMIT $2', [
        this.published,
        BATCH,
      ]);
      if (rows.length === 0) return;
      for (const row of rows) {
        const payload = { ...row.data, seq: Number(row.seq), at: row.at.toISOString() };
        (this.io.to(row.audience) as unknown as { emit(e: string, p: unknown): void }).emit(row.type, payload);
        for (const l of this.listeners) l(row.type, row.data);
      }
      this.published = Number(rows[rows.length - 1].seq);
      await client.query("UPDATE outbox_cursor SET seq = $1 WHERE name = 'relay' AND seq < $1", [this.published]);
      if (rows.length < BATCH) return;
    }
  }

  private async disconnect(): Promise<void> {
    this.leader = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
