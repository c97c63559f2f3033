import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { escalationJobId } from '../server/src/paging/page-dispatcher';
import { PagingReconciler } from '../server/src/paging/reconciler.service';
import { QueueService } from '../server/src/queue/queue.service';
import { type FakeGateway, startFakeGateway } from './support/fake-gateway';
import { type FakeSmtp, startFakeSmtp } from './support/fake-smtp';
import { freePort } from './support/processes';
import { startTestApp, type TestApp } from './support/test-app';

const RECIPIENTS = 1000;

/**
 * Redis is flushed (FLUSHALL on a private redis-server: the shared one serves other test files)
 * in the middle of a 1,000-recipient page: the reconciler puts back what was lost, every
 * delivery goes out, none twice.
 */
describe('paging through a Redis flush', () => {
  let redisProcess: ChildProcess;
  let redis: Redis;
  let t: TestApp;
  let smtp: FakeSmtp;
  let gateway: FakeGateway;
  let pg: Client;

  beforeAll(async () => {
    const port = await freePort();
    redisProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    redis = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: 3, retryStrategy: (n) => (n > 50 ? null : 100) });
    await redis.ping();
    [smtp, gateway] = await Promise.all([startFakeSmtp(), startFakeGateway()]);
    t = await startTestApp({
      REDIS_URL: `redis://127.0.0.1:${port}`,
      VIGIE_INLINE_WORKER: true,
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_TOKEN: gateway.token,
      // slow enough to flush in the middle, fast enough for the test
      PAGING_RATE_EMAIL: 250,
      PAGING_RATE_SMS: 250,
      PAGING_RECONCILE_EVERY_SEC: 3600,
    });
    pg = new Client({ connectionString: t.config.DATABASE_URL });
    await pg.connect();
  }, 60_000);

  afterAll(async () => {
    await pg?.end();
    await t?.close();
    await Promise.all([smtp?.close(), gateway?.close()]);
    redis?.disconnect();
    redisProcess?.kill();
  });

  it('delivers every message exactly once when Redis is flushed mid-page', async () => {
    const sidpc = await t.userWithToken(['sidpc']);
    const ids = Array.from({ length: RECIPIENTS }, () => randomUUID());
    await pg.query(
      `INSERT INTO contact (id, name, function, mobile, email)
       SELECT id, 'Destinataire ' || n, 'agent', '+3362' || lpad(n::text, 7, '0'), 'd' || n || '@flush.test'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)`,
      [ids],
    );
    const res = await t.http
      .post('/api/pages')
      .set('Authorization', `Bearer ${sidpc.token}`)
      .send({
        title: 'Grand nombre',
        message: 'Page de 1 000 destinataires',
        severity: 'alerte',
        recipients: { contactIds: ids },
        channels: ['email', 'sms'],
        ackRequired: true,
        escalateAfterSec: 3600,
      });
    expect(res.status).toBe(202);
    const pageId = (res.body as { id: string }).id;
    const done = async () =>
      (
        await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM page_delivery WHERE page_id = $1 AND state IN ('sent', 'delivered')", [
          pageId,
        ])
      ).rows[0].n;

    // a quarter of the way: flush
    while ((await done()) < (RECIPIENTS * 2) / 4) await new Promise((r) => setTimeout(r, 20));
    await redis.flushall();
    const sentAtFlush = await done();
    expect(sentAtFlush).toBeLessThan(RECIPIENTS * 2 * 0.75);
    const queues = t.app.get(QueueService);
    expect(await queues.queue('paging-email').getWaitingCount()).toBe(0);
    // the escalation timers are gone (counter publications come back at once: workers keep running)
    expect((await queues.queue('paging').getJobs(['delayed', 'waiting'])).filter((j) => j.name === 'paging.escalate')).toEqual([]);

    // what the reconciler does every 15 s (and at worker start); the marker it keeps in Redis is
    // gone, so this pass checks every pending row whatever its age
    const report = await t.app.get(PagingReconciler).run();
    expect(report.full).toBe(true);
    expect(report.deliveries).toBeGreaterThan(0);
    expect(report.escalations).toBe(RECIPIENTS);

    const deadline = Date.now() + 40_000;
    while ((await done()) < RECIPIENTS * 2) {
      if (Date.now() > deadline) throw new Error(`only ${await done()} of ${RECIPIENTS * 2} deliveries after the flush`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would show up now

    // each address exactly once in the sinks
    const mails = smtp.messages.flatMap((m) => m.to);
    expect(mails).toHaveLength(RECIPIENTS);
    expect(new Set(mails).size).toBe(RECIPIENTS);
    const sms = gateway.accepted().map((r) => r.to);
    expect(sms).toHaveLength(RECIPIENTS);
    expect(new Set(sms).size).toBe(RECIPIENTS);
    // each row claimed once, nothing failed, nothing left
    const { rows } = await pg.query<{ state: string; attempts: number; n: number }>(
      'SELECT state, attempts, count(*)::int AS n FROM page_delivery WHERE page_id = $1 GROUP BY state, attempts',
      [pageId],
    );
    expect(rows).toEqual([{ state: 'sent', attempts: 1, n: RECIPIENTS * 2 }]);
    // the escalation timers are back, under their deterministic ids
    const { rows: targets } = await pg.query<{ id: string; generation: number }>('SELECT id, generation FROM page_target WHERE page_id = $1', [pageId]);
    const states = await Promise.all(targets.map((x) => queues.queue('paging').getJobState(escalationJobId(x.id, x.generation))));
    expect(new Set(states)).toEqual(new Set(['delayed']));
    // a second pass finds nothing to do
    expect(await t.app.get(PagingReconciler).run()).toEqual({ full: false, deliveries: 0, escalations: 0 });
  }, 60_000);
});
