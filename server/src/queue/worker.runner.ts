import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { hostname } from 'node:os';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { createRedis } from '../infra/redis.module';
import { JobHandlers } from './job-handlers';
import { HEARTBEAT_EVERY_MS, JobName, JOBS, QUEUES, queueWorkerOptions } from './jobs';
import { QueueService } from './queue.service';

export const WORKER_ID = `${hostname()}:${process.pid}`;

/**
 * Schedulers live in Redis: a flush (or a Redis restarted without persistence) loses them. The
 * workers upsert them again this often; an upsert of an unchanged scheduler keeps its next run.
 */
const RESCHEDULE_EVERY_MS = 15_000;

/** Runs the BullMQ processors: in `npm run worker`, or inside the API for a single-machine start. */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  /** BullMQ does not close a connection it was given. */
  private readonly connections: Redis[] = [];
  private rescheduleTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: JobHandlers,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = this.handlers.missing();
    if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
    for (const queue of QUEUES) {
      const connection = createRedis(this.config.REDIS_URL, { forBullmq: true, name: `vigie-worker-${queue}` });
      this.connections.push(connection);
      const worker = new Worker(
        queue,
        (job) =>
          this.dispatch(job.name, job.data, {
            id: job.id,
            attempt: job.attemptsMade,
            attempts: job.opts.attempts ?? 1,
          }),
        {
          connection,
          prefix: `${this.config.REDIS_PREFIX}:bull`,
          autorun: true,
          ...queueWorkerOptions(queue, this.config),
        },
      );
      worker.on('error', (e) => this.logger.warn(`worker ${queue}: ${e.message}`));
      worker.on('failed', (job, e) => this.logger.warn(`job ${job?.name} ${job?.id} failed: ${e.message}`));
      this.workers.push(worker);
    }
    await this.schedule();
    this.rescheduleTimer = setInterval(() => {
      this.schedule().catch((e: unknown) => this.logger.warn(`schedulers: ${String(e)}`));
    }, RESCHEDULE_EVERY_MS);
    this.rescheduleTimer.unref();
    for (const hook of this.handlers.workersStarted()) {
      hook().catch((e: unknown) => this.logger.warn(`worker start hook: ${String(e)}`));
    }
    this.logger.log(`processing ${QUEUES.join(', ')} as ${WORKER_ID}`);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.rescheduleTimer);
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled(this.connections.map((c) => c.quit()));
  }

  /** Upserts the heartbeat and every scheduler features registered (idempotent; an `every` job runs at once the first time). */
  private async schedule(): Promise<void> {
    await this.queues
      .queue('system')
      .upsertJobScheduler('heartbeat', { every: HEARTBEAT_EVERY_MS }, { name: 'system.heartbeat', data: {} });
    for (const s of this.handlers.schedules()) {
      await this.queues.queue(JOBS[s.name].queue).upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.name, data: {} });
    }
  }

  private async dispatch(name: string, data: unknown, meta: { id?: string; attempt: number; attempts: number }): Promise<unknown> {
    const handler = this.handlers.get(name);
    const definition = JOBS[name as JobName] as (typeof JOBS)[JobName] | undefined;
    if (!handler || !definition) throw new UnrecoverableError(`unknown job ${name}`);
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success) {
      throw new UnrecoverableError(`invalid payload for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return handler(parsed.data, meta);
  }
}
