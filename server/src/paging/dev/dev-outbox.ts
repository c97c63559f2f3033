import type Redis from 'ioredis';

/** What the development sinks received (`GET /api/paging/dev/outbox`). */
export interface DevOutboxEntry {
  at: string;
  channel: 'email' | 'sms' | 'voice';
  to: string;
  subject: string | null;
  text: string;
  reference: string | null;
}

const KEEP = 200;

/**
 * The development sinks' log, in Redis (capped), so the API shows what a separate worker
 * process sent too.
 */
export class DevOutbox {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  record(entry: DevOutboxEntry): void {
    this.redis
      .multi()
      .lpush(this.key, JSON.stringify(entry))
      .ltrim(this.key, 0, KEEP - 1)
      .exec()
      .catch(() => undefined);
  }

  async list(): Promise<DevOutboxEntry[]> {
    return (await this.redis.lrange(this.key, 0, KEEP - 1)).map((s) => JSON.parse(s) as DevOutboxEntry);
  }
}
