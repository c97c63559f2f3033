/**
 * Every queue, job name and payload schema in one place. A processor decodes the payload
 * with the schema; the worker refuses to start if a job name has no handler.
 */
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

export const QUEUES = ['system'] as const;
export type QueueName = (typeof QUEUES)[number];

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
} as const satisfies Record<string, { queue: QueueName; schema: z.ZodType }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['schema']>;
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, meta: { id?: string; attempt: number }) => Promise<unknown>;

/** Set once: retried with backoff, failed jobs kept for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

export const HEARTBEAT_EVERY_MS = 30_000;
