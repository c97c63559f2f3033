import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import type { Channel, PageSeverity } from '../contracts/paging';
import type { JobName } from '../queue/jobs';
import { QueueService } from '../queue/queue.service';
import { PagingSettings } from './paging-settings';

/** A delivery to enqueue: its id and the dispatch generation that names its job. */
export interface DeliveryRef {
  id: string;
  channel: Channel;
  dispatchGen: number;
  severity: PageSeverity;
  /** Held by quiet hours until then (the job is delayed); null or absent: now. */
  notBefore?: Date | null;
}

export interface EscalationTimer {
  targetId: string;
  generation: number;
  at: Date;
}

export const SEND_JOB: Record<Channel, JobName> = {
  email: 'paging.send-email',
  sms: 'paging.send-sms',
  voice: 'paging.send-voice',
  push: 'paging.send-push',
  inapp: 'paging.send-inapp',
} as const;

/** Crisis pages jump the queues (BullMQ: lower is sooner). */
const PRIORITY: Record<PageSeverity, number> = { crise: 1, alerte: 5, information: 10 };

/**
 * Deterministic job ids (BullMQ refuses `:` in custom ids): adding the same delivery twice is a
 * no-op while its job exists; the reconciler bumps `dispatchGen` when BullMQ already finished
 * a job whose row is still pending (a finished id is never run again).
 */
export const deliveryJobId = (d: { id: string; dispatchGen: number }) => `delivery-${d.id}-${d.dispatchGen}`;
export const escalationJobId = (targetId: string, generation: number) => `escalate-${targetId}-${generation}`;
export const countsDedupId = (pageId: string) => `counts-${pageId}`;

const AFTER_COMMIT_WAIT_MS = 5000;

/** Counters are published at most every this often per page. */
export const COUNTS_THROTTLE_MS = 500;

/**
 * Puts committed work on the queues: ids only, after the transaction, in bulk. Losing this
 * step (Redis down, crash between commit and enqueue) loses nothing: the reconciler finds
 * the rows still `queued` and the timers still due.
 */
@Injectable()
export class PageDispatcher {
  private readonly logger = new Logger('Paging');

  constructor(
    private readonly queues: QueueService,
    private readonly settings: PagingSettings,
  ) {}

  async enqueueDeliveries(refs: readonly DeliveryRef[]): Promise<void> {
    const byJob = new Map<JobName, DeliveryRef[]>();
    for (const r of refs) {
      const list = byJob.get(SEND_JOB[r.channel]) ?? [];
      list.push(r);
      byJob.set(SEND_JOB[r.channel], list);
    }
    for (const [name, list] of byJob) {
      await this.queues.addBulk(
        name as 'paging.send-email',
        list.map((r) => ({ payload: { deliveryId: r.id }, options: this.deliveryOptions(r) })),
      );
    }
  }

  async scheduleEscalations(timers: readonly EscalationTimer[]): Promise<void> {
    const now = Date.now();
    await this.queues.addBulk(
      'paging.escalate',
      timers.map((t) => ({
        payload: { targetId: t.targetId, generation: t.generation },
        options: {
          jobId: escalationJobId(t.targetId, t.generation),
          delay: Math.max(0, t.at.getTime() - now),
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      })),
    );
  }

  /**
   * Asks for the page's counters to be published within COUNTS_THROTTLE_MS. Deduplicated: while a
   * publication is pending, more changes join it; while one runs, one more is kept for after it
   * (keepLastIfActive), so the last change is always published and a page of 1,000 targets
   * gives at most about two events per second instead of one per state change.
   */
  async touchCounts(pageIds: Iterable<string>): Promise<void> {
    for (const pageId of new Set(pageIds)) {
      await this.queues
        .add('paging.counts', { pageId }, {
          delay: COUNTS_THROTTLE_MS,
          deduplication: { id: countsDedupId(pageId), keepLastIfActive: true },
          removeOnComplete: true,
          removeOnFail: { count: 100 },
          attempts: 3,
        })
        .catch((e: unknown) => this.logger.warn(`counts of page ${pageId} not scheduled: ${String(e)}`));
    }
  }

  /**
   * After a commit: enqueues, waiting at most AFTER_COMMIT_WAIT_MS (BullMQ connections queue
   * commands while Redis is away: an HTTP request must not hang on it). Failures are logged;
   * the reconciler makes up for them.
   */
  async afterCommit(work: { deliveries?: readonly DeliveryRef[]; timers?: readonly EscalationTimer[]; pages?: Iterable<string> }): Promise<void> {
    const run = async () => {
      try {
        if (work.deliveries?.length) await this.enqueueDeliveries(work.deliveries);
        if (work.timers?.length) await this.scheduleEscalations(work.timers);
      } catch (e) {
        this.logger.warn(`enqueue failed, the reconciler will retry: ${String(e)}`);
      }
      if (work.pages) await this.touchCounts(work.pages);
    };
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([run(), new Promise<void>((resolve) => (timer = setTimeout(resolve, AFTER_COMMIT_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private deliveryOptions(r: DeliveryRef): JobsOptions {
    return {
      jobId: deliveryJobId(r),
      priority: PRIORITY[r.severity],
      ...(r.notBefore && r.notBefore.getTime() > Date.now() ? { delay: r.notBefore.getTime() - Date.now() } : {}),
      attempts: 5,
      backoff: { type: 'exponential', delay: this.settings.retryBaseMs, jitter: 0.3 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
  }
}
