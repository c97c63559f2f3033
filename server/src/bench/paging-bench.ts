/**
 * Paging scenario of `npm run bench`: what Vigie's delivery pipeline costs over bare BullMQ,
 * both sides in this process, interleaved B,V per round, same Redis.
 *
 * - Enqueue: PageDispatcher.enqueueDeliveries of 5,000 existing `page_delivery` rows (ids only,
 *   zod-checked payload, deterministic job ids, addBulk in chunks of 500) vs one bare
 *   `Queue.addBulk` of 5,000 jobs with the same name, payload, job ids and options on a queue
 *   of its own prefix.
 * - Dispatch: the real DeliveryProcessor (claim UPDATE … RETURNING, render, provider, `sent`
 *   UPDATE, counters job) built with a fake provider that waits 10 ms, run by a BullMQ Worker
 *   at the SMS queue's concurrency (no rate limiter), vs a bare Worker at the same concurrency
 *   whose processor only waits 10 ms.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { type JobsOptions, Queue, Worker } from 'bullmq';
import { createRedis } from '../infra/redis.module';
import { DeliveryProcessor } from '../paging/delivery.processor';
import { deliveryJobId, type DeliveryRef, PageDispatcher } from '../paging/page-dispatcher';
import { PagingSettings } from '../paging/paging-settings';
import type { ChannelProvider } from '../paging/providers/provider';
import { TransactionRunner } from '../database/transaction';
import { JobHandlers } from '../queue/job-handlers';
import { JOBS } from '../queue/jobs';
import { QueueService } from '../queue/queue.service';
import type { BenchEnv } from './env';
import { row, table } from './report';
import { interleave, type Paired } from './stats';

export const PAGING_PLAN = {
  rounds: 3,
  enqueue: 5000,
  dispatch: 2000,
  /** The SMS queue's worker concurrency (queueWorkerOptions). */
  concurrency: 20,
  providerMs: 10,
};

const JOB = 'paging.send-sms' as const;
const QUEUE = JOBS[JOB].queue;

export interface PagingResults {
  enqueueMs: Paired;
  dispatchRate: Paired;
  sent: number;
  seconds: number;
}

/** The same options PageDispatcher gives a delivery job (severity `alerte`). */
function jobOptions(ref: DeliveryRef, retryBaseMs: number): JobsOptions {
  return {
    jobId: deliveryJobId(ref),
    priority: 5,
    attempts: 5,
    backoff: { type: 'exponential', delay: retryBaseMs, jitter: 0.3 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/** One page, `n` targets, one queued SMS delivery each: straight SQL (no directory needed). */
async function seed(env: BenchEnv, n: number): Promise<string> {
  const pageId = randomUUID();
  await env.dataSource.query(
    `INSERT INTO page (id, title, message, severity, channels, ack_required, escalate_after_sec, recipients, created_by, request_hash)
     VALUES ($1, 'Bench : alerte crue', $2, 'alerte', '{sms}', true, 300, '[]'::jsonb, $3, 'bench')`,
    [pageId, 'Montée rapide des eaux sur l’Allier, mise en vigilance des services. '.repeat(3), env.cod.user.id],
  );
  await env.dataSource.query(
    `INSERT INTO page_target (page_id, contact_id, name, function, mobile, via, reply_code)
     SELECT $1, gen_random_uuid(), 'Contact ' || i, 'Maire', '+3361' || lpad(i::text, 7, '0'), '{bench}', lpad(i::text, 4, '0')
     FROM generate_series(1, $2::int) i`,
    [pageId, n],
  );
  await env.dataSource.query(
    `INSERT INTO page_delivery (page_id, target_id, channel, escalation_level, address)
     SELECT page_id, id, 'sms', 1, mobile FROM page_target WHERE page_id = $1`,
    [pageId],
  );
  return pageId;
}

async function refs(env: BenchEnv, pageId: string, limit: number): Promise<DeliveryRef[]> {
  const rows = (await env.dataSource.query(
    `SELECT id, dispatch_gen AS "dispatchGen" FROM page_delivery WHERE page_id = $1 ORDER BY id LIMIT $2`,
    [pageId, limit],
  )) as { id: string; dispatchGen: number }[];
  return rows.map((r) => ({ ...r, channel: 'sms', severity: 'alerte' }));
}

/** Runs `worker` until `n` jobs completed; jobs/s from run() to the last completion. */
async function drain(worker: Worker, n: number): Promise<number> {
  let done = 0;
  let failed = 0;
  const finished = new Promise<void>((resolve, reject) => {
    worker.on('completed', () => {
      if (++done === n) resolve();
    });
    worker.on('failed', (_job, e) => {
      if (++failed === 1) reject(e);
    });
  });
  const t0 = performance.now();
  void worker.run();
  await finished;
  const rate = n / ((performance.now() - t0) / 1000);
  await worker.close();
  return rate;
}

export async function runPagingBench(env: BenchEnv): Promise<PagingResults> {
  const started = performance.now();
  const { app, config } = env;
  const { rounds, enqueue, dispatch, concurrency, providerMs } = PAGING_PLAN;
  const dispatcher = app.get(PageDispatcher);
  const settings = app.get(PagingSettings);
  const vigieQueue = app.get(QueueService).queue(QUEUE);

  const connection = createRedis(config.REDIS_URL, { forBullmq: true, name: 'vigie-bench-paging' });
  connection.on('error', () => undefined);
  const bareQueue = new Queue(QUEUE, { connection, prefix: `${config.REDIS_PREFIX}:barebull` });
  bareQueue.on('error', () => undefined);
  const workerConnections: ReturnType<typeof createRedis>[] = [];
  const newWorker = (prefix: string, work: ConstructorParameters<typeof Worker>[1]) => {
    const c = createRedis(config.REDIS_URL, { forBullmq: true, name: 'vigie-bench-paging-worker' });
    c.on('error', () => undefined);
    workerConnections.push(c);
    const w = new Worker(QUEUE, work, { connection: c, prefix, autorun: false, concurrency });
    w.on('error', () => undefined);
    return w;
  };

  try {
    const pageId = await seed(env, enqueue);
    const all = await refs(env, pageId, enqueue);

    // (a) enqueue: a fresh dispatchGen per round, so every round adds new job ids
    let gen = 100;
    const enqueueRound = async (side: 'baseline' | 'vigie') => {
      const batch = all.map((r) => ({ ...r, dispatchGen: gen }));
      gen += 1;
      const t0 = performance.now();
      if (side === 'vigie') await dispatcher.enqueueDeliveries(batch);
      else
        await bareQueue.addBulk(
          batch.map((r) => ({ name: JOB, data: { deliveryId: r.id }, opts: jobOptions(r, settings.retryBaseMs) })),
        );
      return { ms: performance.now() - t0 };
    };
    await enqueueRound('baseline');
    await enqueueRound('vigie');
    const enq = await interleave(
      rounds,
      () => enqueueRound('baseline'),
      () => enqueueRound('vigie'),
    );
    await Promise.all([vigieQueue.obliterate({ force: true }), bareQueue.obliterate({ force: true })]);

    // (b) dispatch: the real processor with a 10 ms fake provider vs a bare 10 ms processor
    const fake: ChannelProvider = {
      send: async () => {
        await sleep(providerMs);
        return { providerId: null };
      },
    };
    const processor = new DeliveryProcessor(
      app.get(JobHandlers),
      env.dataSource,
      app.get(TransactionRunner),
      dispatcher,
      settings,
      fake as never,
      fake as never,
      fake as never,
    );
    const subset = all.slice(0, dispatch);
    const ids = subset.map((r) => r.id);
    let sent = 0;
    const dispatchRound = async (side: 'baseline' | 'vigie') => {
      const batch = subset.map((r) => ({ ...r, dispatchGen: gen }));
      gen += 1;
      if (side === 'vigie') {
        await env.dataSource.query(
          `UPDATE page_delivery SET state = 'queued', attempts = 0, sent_at = NULL, lease_until = NULL WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        await dispatcher.enqueueDeliveries(batch);
        const worker = newWorker(`${config.REDIS_PREFIX}:bull`, async (job) =>
          processor.send(JOBS[JOB].schema.parse(job.data).deliveryId, {
            id: job.id,
            attempt: job.attemptsMade,
            attempts: job.opts.attempts ?? 1,
          }),
        );
        const rate = await drain(worker, dispatch);
        const [{ n }] = (await env.dataSource.query(
          `SELECT count(*)::int AS n FROM page_delivery WHERE id = ANY($1::uuid[]) AND state = 'sent' AND attempts = 1`,
          [ids],
        )) as [{ n: number }];
        sent = n;
        return { rate };
      }
      await bareQueue.addBulk(
        batch.map((r) => ({ name: JOB, data: { deliveryId: r.id }, opts: jobOptions(r, settings.retryBaseMs) })),
      );
      const worker = newWorker(`${config.REDIS_PREFIX}:barebull`, async () => {
        await sleep(providerMs);
        return 'sent';
      });
      return { rate: await drain(worker, dispatch) };
    };
    const disp = await interleave(
      rounds,
      () => dispatchRound('baseline'),
      () => dispatchRound('vigie'),
    );
    await Promise.all([vigieQueue.obliterate({ force: true }), bareQueue.obliterate({ force: true })]);

    return {
      enqueueMs: enq.ms,
      dispatchRate: disp.rate,
      sent,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await bareQueue.close().catch(() => undefined);
    await Promise.allSettled([connection, ...workerConnections].map((c) => c.quit()));
  }
}

export function printPagingReport(r: PagingResults): void {
  const p = PAGING_PLAN;
  const out = [
    '',
    `Protocol: bare BullMQ and Vigie interleaved B,V × ${p.rounds} (after one warm-up round for enqueue); medians of the rounds;`,
    '  ratio = median of the per-round ratios Vigie ÷ baseline [min–max]. Same process, same Redis.',
    '',
    table([
      ['metric', 'baseline', 'vigie', 'ratio'],
      row(`P1 enqueue ${p.enqueue.toLocaleString('en')} deliveries`, r.enqueueMs, 'ms'),
      row(
        `P2 dispatch ${p.dispatch.toLocaleString('en')}, ${p.providerMs} ms provider, concurrency ${p.concurrency}`,
        r.dispatchRate,
        'jobs/s',
      ),
    ]),
    '',
    `Check: ${r.sent}/${p.dispatch} deliveries of the last Vigie dispatch round are 'sent' after exactly one claim.`,
    '',
    'Baselines:',
    '  P1  one bare Queue.addBulk (no chunking) of the same jobs: name, payload {deliveryId}, job ids',
    '      `delivery-<id>-<gen>`, priority, attempts, backoff, retention; own Redis prefix. Vigie:',
    '      PageDispatcher.enqueueDeliveries of the rows (grouping by channel, zod check of each payload,',
    '      QueueService.addBulk in chunks of 500). A fresh dispatchGen per round: every job is new.',
    `  P2  a bare BullMQ Worker (concurrency ${p.concurrency}, no limiter) whose processor awaits ${p.providerMs} ms.`,
    '      Vigie: the same Worker settings running DeliveryProcessor.send (claim UPDATE … RETURNING with the',
    `      target and page, render with ack link, fake provider awaiting ${p.providerMs} ms, 'sent' UPDATE, counters`,
    '      job) on rows reset to `queued`. The SMS rate limit (PAGING_RATE_SMS) is left out on both sides.',
    `      Ideal: ${p.concurrency} × 1000 / ${p.providerMs} = ${(p.concurrency * 1000) / p.providerMs} jobs/s.`,
    '  No perf.md goal for paging: ratios only.',
    '',
    `Paging scenario: ${r.seconds.toFixed(1)} s.`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
