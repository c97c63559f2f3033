/**
 * Every queue, job name and payload schema in one place. A processor decodes the payload
 * with the schema; the worker refuses to start if a job name has no handler.
 */
import type { JobsOptions, WorkerOptions } from 'bullmq';
import { z } from 'zod';
import type { AppConfig } from '../config/config';

/**
 * `paging-<channel>`: one queue per paging channel, so each has its own rate limit and
 * concurrency; `paging`: escalation timers, the reconciler and the throttled counters.
 */
export const QUEUES = ['system', 'paging', 'paging-email', 'paging-sms', 'paging-voice', 'paging-push', 'paging-inapp'] as const;
export type QueueName = (typeof QUEUES)[number];

const delivery = z.object({ deliveryId: z.uuid() }).strict();

export const JOBS = {
  'system.heartbeat': {
    queue: 'system',
    schema: z.object({}).strict(),
  },
  /** Repeatable: reports tasks past their due time once (`task.overdue`). */
  'tasks.overdue-scan': {
    queue: 'system',
    schema: z.object({}).strict(),
  },
  /** Sends one `page_delivery` row (claim first: a job that runs twice sends once). */
  'paging.send-email': { queue: 'paging-email', schema: delivery },
  'paging.send-sms': { queue: 'paging-sms', schema: delivery },
  'paging.send-voice': { queue: 'paging-voice', schema: delivery },
  'paging.send-push': { queue: 'paging-push', schema: delivery },
  'paging.send-inapp': { queue: 'paging-inapp', schema: delivery },
  /** Delayed timer of a target's escalation, fenced by the target's generation. */
  'paging.escalate': {
    queue: 'paging',
    schema: z.object({ targetId: z.uuid(), generation: z.number().int().min(0) }).strict(),
  },
  /** Repeatable: re-enqueues the deliveries and timers Redis lost. */
  'paging.reconcile': { queue: 'paging', schema: z.object({}).strict() },
  /** Debounced: publishes a page's counters (`page.updated`) when they changed. */
  'paging.counts': { queue: 'paging', schema: z.object({ pageId: z.uuid() }).strict() },
  /** Repeatable: reminds urgent decisions left waiting and points de situation coming due. */
  'direction.scan': { queue: 'system', schema: z.object({}).strict() },
  /** Repeatable (daily): deletes closed honours dossiers past their retention period (RGPD). */
  'honours.retention-purge': { queue: 'system', schema: z.object({}).strict() },
  /** Repeatable: J-3 / due-date reminders and overdue escalation of interventions. */
  'interventions.reminder-scan': { queue: 'system', schema: z.object({}).strict() },
  /** Repeatable (daily): deletes interventions past their retention period. */
  'interventions.purge': { queue: 'system', schema: z.object({}).strict() },
  /** Repeatable (daily): revision alerts of the SDIS framework documents (SDACR, RO). */
  'fire-rescue.document-scan': { queue: 'system', schema: z.object({}).strict() },
} as const satisfies Record<string, { queue: QueueName; schema: z.ZodType }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['schema']>;
/** `attempt`: attempts already made (0 on the first run); `attempts`: how many the job may make. */
export interface JobMeta {
  id?: string;
  attempt: number;
  attempts: number;
}
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, meta: JobMeta) => Promise<unknown>;

/** Set once: retried with backoff, failed jobs kept for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

export const HEARTBEAT_EVERY_MS = 30_000;

type QueueWorkerOptions = Pick<WorkerOptions, 'concurrency' | 'limiter' | 'lockDuration'>;

/** Worker settings per queue: paging channels get their own rate limit (shared by every worker process). */
export function queueWorkerOptions(queue: QueueName, config: AppConfig): QueueWorkerOptions {
  const perSecond = (max: number) => ({ max, duration: 1000 });
  switch (queue) {
    case 'system':
    case 'paging':
      return { concurrency: 16 };
    case 'paging-email':
      return { concurrency: 10, limiter: perSecond(config.PAGING_RATE_EMAIL) };
    case 'paging-sms':
      return { concurrency: 20, limiter: perSecond(config.PAGING_RATE_SMS) };
    // a call may keep the gateway busy: longer lock
    case 'paging-voice':
      return { concurrency: 10, limiter: perSecond(config.PAGING_RATE_VOICE), lockDuration: 60_000 };
    case 'paging-push':
      return { concurrency: 50, limiter: perSecond(config.PAGING_RATE_PUSH) };
    case 'paging-inapp':
      return { concurrency: 20, limiter: perSecond(config.PAGING_RATE_INAPP) };
  }
}
