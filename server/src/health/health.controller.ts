import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../common/decorators';
import { REDIS } from '../infra/redis.module';

const TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref()),
  ]);
}

async function check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await withTimeout(probe());
    return 'up';
  } catch {
    return 'down';
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '`{status: "ok", checks}` when PostgreSQL and Redis answer' })
  @ApiServiceUnavailableResponse({ description: '`{status: "error", checks}` otherwise' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    let workers: { worker: string; beatAt: string }[] = [];
    if (database === 'up') {
      const rows = (await this.dataSource.query(
        "SELECT worker, beat_at FROM worker_heartbeat WHERE beat_at > now() - interval '2 minutes' ORDER BY worker",
      )) as { worker: string; beat_at: Date }[];
      workers = rows.map((r) => ({ worker: r.worker, beatAt: r.beat_at.toISOString() }));
    }
    const ok = database === 'up' && redis === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks: { database, redis }, workers };
  }
}
