import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Channel, PageSeverity } from '../contracts/paging';
import { REDIS } from '../infra/redis.module';
import { JobHandlers } from '../queue/job-handlers';
import { QueueService } from '../queue/queue.service';
import { JOBS } from '../queue/jobs';
import { type DeliveryRef, deliveryJobId, type EscalationTimer, escalationJobId, PageDispatcher, SEND_JOB } from './page-dispatcher';

/** Most rows looked at per run (the next run takes the rest). */
const BATCH = 5000;
/** Job states in which the job will still run (or is running). */
const LIVE = new Set(['waiting', 'delayed', 'prioritized', 'active', 'waiting-children']);

export interface ReconcileReport {
  full: boolean;
  deliveries: number;
  escalations: number;
}

/**
 * Makes Redis agree with PostgreSQL again. Every 15 s (a BullMQ job scheduler) and when workers
 * start: each delivery still `queued` after the grace period (or `sending` with an expired
 * lease) and each pending escalation timer whose job is missing is enqueued again under its
 * deterministic id; a job BullMQ already finished while the row is still pending gets a new
 * dispatch generation (a finished id is never run twice). When the marker key is missing —
 * Redis was flushed or restarted empty — every pending row is checked at once, whatever its
 * age. Re-enqueueing can never send twice: the worker claims the row before sending.
 */
@Injectable()
export class PagingReconciler implements OnModuleInit {
  private readonly logger = new Logger('PagingReconciler');
  private readonly markerKey: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: JobHandlers,
    private readonly queues: QueueService,
    private readonly dispatcher: PageDispatcher,
  ) {
    this.markerKey = `${config.REDIS_PREFIX}:paging:reconciled`;
  }

  onModuleInit(): void {
    this.handlers.register('paging.reconcile', () => this.run());
    this.handlers.every('paging-reconcile', 'paging.reconcile', this.config.PAGING_RECONCILE_EVERY_SEC * 1000);
    this.handlers.onWorkersStarted(() => this.run({ full: true }));
  }

  async run(options: { full?: boolean } = {}): Promise<ReconcileReport> {
    const full = options.full === true || (await this.redis.exists(this.markerKey)) === 0;
    const grace = full ? 0 : this.config.PAGING_RECONCILE_GRACE_SEC;
    const deliveries = await this.deliveries(grace);
    const escalations = await this.escalations(grace);
    if (full) {
      // debounced counter publications were in Redis too
      const pages = (await this.dataSource.query(`SELECT id FROM page WHERE created_at > now() - interval '1 day'`)) as { id: string }[];
      await this.dispatcher.touchCounts(pages.map((p) => p.id));
    }
    await this.redis.set(this.markerKey, new Date().toISOString());
    if (deliveries || escalations) this.logger.log(`re-enqueued ${deliveries} deliveries and ${escalations} escalation timers${full ? ' (full pass)' : ''}`);
    return { full, deliveries, escalations };
  }

  private async deliveries(graceSec: number): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.channel, d.dispatch_gen AS "dispatchGen", p.severity, d.not_before AS "notBefore"
       FROM page_delivery d JOIN page p ON p.id = d.page_id
       WHERE (d.state = 'queued' AND d.queued_at <= now() - make_interval(secs => $1))
          OR (d.state = 'sending' AND d.lease_until < now())
       ORDER BY d.queued_at LIMIT $2`,
      [graceSec, BATCH],
    )) as { id: string; channel: Channel; dispatchGen: number; severity: PageSeverity; notBefore: Date | null }[];
    const lost: DeliveryRef[] = [];
    const states = await Promise.all(
      rows.map((r) => this.queues.queue(JOBS[SEND_JOB[r.channel]].queue).getJobState(deliveryJobId(r))),
    );
    for (const [i, r] of rows.entries()) {
      const state = states[i];
      if (LIVE.has(state)) continue;
      if (state === 'unknown') lost.push(r);
      else {
        // completed or failed in BullMQ while the row is still pending: a new job id
        const [bumped] = (await this.dataSource.query(
          `UPDATE page_delivery SET dispatch_gen = dispatch_gen + 1 WHERE id = $1 AND dispatch_gen = $2 RETURNING dispatch_gen AS "dispatchGen"`,
          [r.id, r.dispatchGen],
        )) as [{ dispatchGen: number }[], number];
        if (bumped.length) lost.push({ ...r, dispatchGen: bumped[0].dispatchGen });
      }
    }
    if (lost.length) await this.dispatcher.enqueueDeliveries(lost);
    return lost.length;
  }

  private async escalations(graceSec: number): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT id AS "targetId", generation, next_escalation_at AS at FROM page_target
       WHERE next_escalation_at IS NOT NULL AND acknowledged_at IS NULL
         AND ($1 = 0 OR next_escalation_at <= now() - make_interval(secs => $1))
       ORDER BY next_escalation_at LIMIT $2`,
      [graceSec, BATCH],
    )) as EscalationTimer[];
    const queue = this.queues.queue('paging');
    const states = await Promise.all(rows.map((r) => queue.getJobState(escalationJobId(r.targetId, r.generation))));
    const lost: EscalationTimer[] = [];
    for (const [i, r] of rows.entries()) {
      const state = states[i];
      if (LIVE.has(state)) continue;
      if (state === 'unknown') lost.push(r);
      else {
        // the job ran (or failed) but the timer is still pending: fence it off with a new generation
        const [bumped] = (await this.dataSource.query(
          `UPDATE page_target SET generation = generation + 1
           WHERE id = $1 AND generation = $2 AND acknowledged_at IS NULL AND next_escalation_at IS NOT NULL RETURNING generation`,
          [r.targetId, r.generation],
        )) as [{ generation: number }[], number];
        if (bumped.length) lost.push({ ...r, generation: bumped[0].generation });
      }
    }
    if (lost.length) await this.dispatcher.scheduleEscalations(lost);
    return lost.length;
  }
}
