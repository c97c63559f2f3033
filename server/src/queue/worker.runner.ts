import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import { hostname } from 'node:os';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { createRedis } from '../infra/redis.module';
import { JobHandlers } from './job-handlers';
import { HEARTBEAT_EVERY_MS, JobName, JOBS, QUEUES } from './jobs';
import { QueueService } from './queue.service';

export const WORKER_ID = `${hostname()}:${process.pid}`;

/** Runs the BullMQ processors: in `npm run worker`, or inside the API for a single-machine start. */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: JobHandlers,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = this.handlers.missing();
    if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
    for (const queue of QUEUES) {
      const worker = new Worker(queue, (job) => this.dispatch(job.name, job.data, job.id, job.attemptsMade), {
        connection: createRedis(this.config.REDIS_URL, { forBullmq: true, name: `vigie-worker-${queue}` }),
        prefix: `${this.config.REDIS_PREFIX}:bull`,
        concurrency: 16,
        autorun: true,
      });
      worker.on('error', (e) => this.logger.warn(`worker ${queue}: ${e.message}`));
      worker.on('failed', (job, e) => this.logger.warn(`job ${job?.name} ${job?.id} failed: ${e.message}`));
      this.workers.push(worker);
    }
    await this.queues
      .queue('system')
      .upsertJobScheduler('heartbeat', { every: HEARTBEAT_EVERY_MS, immediately: true }, { name: 'system.heartbeat', data: {} });
    this.logger.log(`processing ${QUEUES.join(', ')} as ${WORKER_ID}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
  }

  private async dispatch(name: string, data: unknown, id: string | undefined, attempt: number): Promise<unknown> {
    const handler = this.handlers.get(name);
    const definition = JOBS[name as JobName] as (typeof JOBS)[JobName] | undefined;
    if (!handler || !definition) throw new UnrecoverableError(`unknown job ${name}`);
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success) {
      throw new UnrecoverableError(`invalid payload for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return handler(parsed.data, { id, attempt });
  }
}
