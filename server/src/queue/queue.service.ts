import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { parseOrThrow } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { createRedis } from '../infra/redis.module';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayload, JOBS, QueueName } from './jobs';

/** Producer side: typed, validated `add` on the queue a job name belongs to. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private connection?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async add<N extends JobName>(name: N, payload: JobPayload<N>, options: JobsOptions = {}): Promise<string | undefined> {
    const data = parseOrThrow(JOBS[name].schema, payload);
    const job = await this.queue(JOBS[name].queue).add(name, data, options);
    return job.id;
  }

  /**
   * Adds many jobs of one name in chunks (one round trip per chunk). Jobs whose `jobId` already
   * exists are ignored by BullMQ: re-adding a batch is idempotent.
   */
  async addBulk<N extends JobName>(
    name: N,
    jobs: { payload: JobPayload<N>; options?: JobsOptions }[],
    chunkSize = 500,
  ): Promise<void> {
    const queue = this.queue(JOBS[name].queue);
    for (let i = 0; i < jobs.length; i += chunkSize) {
      await queue.addBulk(
        jobs.slice(i, i + chunkSize).map((j) => ({ name, data: parseOrThrow(JOBS[name].schema, j.payload), opts: j.options })),
      );
    }
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      this.connection ??= createRedis(this.config.REDIS_URL, { forBullmq: true, name: 'vigie-queue' });
      this.connection.on('error', () => undefined);
      queue = new Queue(name, {
        connection: this.connection,
        prefix: `${this.config.REDIS_PREFIX}:bull`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    await this.connection?.quit().catch(() => undefined);
  }
}
