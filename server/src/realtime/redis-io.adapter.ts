import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/config';
import { createRedis } from '../infra/redis.module';

/**
 * Socket.IO server on the HTTP port with the Redis adapter, so that an event published by
 * any API process reaches the consoles connected to every other one.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub;
  private readonly sub;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
    this.pub = createRedis(config.REDIS_URL, { name: 'vigie-io-pub', forBullmq: true });
    this.sub = this.pub.duplicate({ connectionName: 'vigie-io-sub' });
    for (const c of [this.pub, this.sub]) c.on('error', () => undefined);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      transports: ['websocket'],
      serveClient: false,
      allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, ok: boolean) => void) =>
        callback(null, this.originAllowed(req)),
    }) as Server;
    server.adapter(createAdapter(this.pub, this.sub, { key: `${this.config.REDIS_PREFIX}:socket.io` }));
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  /** Browsers send Origin: accept our own host and configured origins; tools send none. */
  private originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin) return true;
    if (this.config.CORS_ORIGINS.includes(origin)) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }
}
