import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { registry } from '../metrics/metrics';
import { QUEUES } from './jobs';
import { QueueService } from './queue.service';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;
const SCRAPE_TIMEOUT_MS = 1000;

const sources = new Set<QueueService>();

/** Jobs per queue and state, read from Redis on each scrape (once per process: several apps may share it in tests). */
new Gauge({
  name: 'vigie_queue_jobs',
  help: 'BullMQ jobs per queue and state (waiting, active, delayed, failed, prioritized)',
  labelNames: ['queue', 'state'],
  registers: [registry],
  async collect() {
    this.reset();
    const [source] = sources;
    if (!source) return;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), SCRAPE_TIMEOUT_MS).unref());
    const counts = await Promise.race([
      Promise.all(QUEUES.map(async (q) => [q, await source.queue(q).getJobCounts(...STATES)] as const)),
      timeout,
    ]).catch(() => null);
    // Redis unreachable: no sample rather than a stalled scrape
    if (!counts) return;
    for (const [queue, byState] of counts) {
      for (const state of STATES) this.set({ queue, state }, byState[state] ?? 0);
    }
  },
});

/** Registers this process' queues as the source of the `vigie_queue_jobs` gauge. */
@Injectable()
export class QueueMetrics implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly queues: QueueService) {}

  onModuleInit(): void {
    sources.add(this.queues);
  }

  onApplicationShutdown(): void {
    sources.delete(this.queues);
  }
}
