/**
 * The four measurements. Each side of a round does the same work except what is measured:
 * baseline = the same write through the same pool without the outbox, and (for delivery) a
 * direct emit on the bare socket.io server; vigie = TransactionRunner + outbox + relay.
 */
import { performance } from 'node:perf_hooks';
import type { DomainEventMap } from '../contracts/realtime';
import type { ConsolePool } from './console-pool';
import { BENCH_ROWS, type BenchEnv } from './env';
import { BENCH_EVENT } from './protocol';
import { percentile } from './stats';

export type Side = 'baseline' | 'vigie';

const UPDATE = 'UPDATE bench_row SET n = n + 1 WHERE id = $1';
/** ~1 KB of JSON per event, as perf.md's G1 payload. */
const PADDING = 'x'.repeat(880);

function payload(id: string): DomainEventMap[typeof BENCH_EVENT] {
  return {
    id,
    email: 'bench@vigie.test',
    displayName: PADDING,
    roles: ['viewer'],
    disabled: false,
  };
}

const msSince = (t0: bigint, t1: bigint = process.hrtime.bigint()) => Number(t1 - t0) / 1e6;

/** One transaction updating one row, no event. */
async function plainWrite(env: BenchEnv, row: number): Promise<void> {
  await env.dataSource.transaction(async (m) => {
    await m.query(UPDATE, [row]);
  });
}

/** The same transaction through the domain path, recording one event. */
async function outboxWrite(env: BenchEnv, row: number, id: string): Promise<void> {
  await env.runner.run(async (tx) => {
    await tx.manager.query(UPDATE, [row]);
    tx.emit(BENCH_EVENT, payload(id), ['all']);
  });
}

let bareSeq = 0;
/** What a design without outbox would do after its commit: emit straight to the room. */
function bareEmit(env: BenchEnv, id: string): void {
  env.bare.io
    .to('all')
    .emit(BENCH_EVENT, { ...payload(id), seq: ++bareSeq, at: new Date().toISOString() });
}

/** `n` transactions spread over `writers` concurrent writers, each on its own row. */
async function spread(
  n: number,
  writers: number,
  one: (row: number, k: number) => Promise<void>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let k = w; k < n; k += writers) await one((w % BENCH_ROWS) + 1, k);
    }),
  );
}

/** 1. Write cost: transactions per second, with or without one outbox event each. */
export async function writeRate(
  env: BenchEnv,
  side: Side,
  tag: string,
  n: number,
  writers: number,
) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await spread(n, writers, (row, k) =>
    side === 'vigie' ? outboxWrite(env, row, `${tag}-${k}`) : plainWrite(env, row),
  );
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  // CPU of this process (TypeORM, pg, and for Vigie the relay running meanwhile), not PostgreSQL's
  return { rate: n / (elapsed / 1000), cpuPerTx: (used.user + used.system) / 1000 / n };
}

/**
 * 2. Start of the write → reception by a console, `n` events one after the other. Split at
 * the moment the write call returns (commit) into `write` and `delivery`.
 */
export async function latency(
  env: BenchEnv,
  pool: ConsolePool,
  side: Side,
  tag: string,
  n: number,
) {
  const total: number[] = [];
  const write: number[] = [];
  const delivery: number[] = [];
  for (let k = 0; k < n; k++) {
    const id = `${tag}-${k}`;
    const t0 = process.hrtime.bigint();
    let committed: bigint;
    if (side === 'vigie') {
      await outboxWrite(env, 1, id);
      committed = process.hrtime.bigint();
    } else {
      await plainWrite(env, 1);
      committed = process.hrtime.bigint();
      bareEmit(env, id);
    }
    const received = await pool.arrival(id, 5000);
    total.push(msSince(t0, received));
    write.push(msSince(t0, committed));
    delivery.push(msSince(committed, received));
  }
  return {
    p50: percentile(total, 50),
    p95: percentile(total, 95),
    write50: percentile(write, 50),
    delivery50: percentile(delivery, 50),
  };
}

/**
 * 3. Fan-out: a burst of `events` writes (8 concurrent writers) while `sockets` consoles
 * listen; time until every console has every event, and the server's CPU per 1,000
 * deliveries (this process: Nest, relay, bare server; not PostgreSQL or Redis).
 */
export async function fanOut(
  env: BenchEnv,
  pool: ConsolePool,
  side: Side,
  tag: string,
  sockets: number,
  events: number,
) {
  const group = side === 'vigie' ? 'fan-vigie' : 'fan-bare';
  await pool.watch(group, tag, events);
  const drained = pool.arrival(tag, 30_000);
  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await spread(events, 8, async (row, k) => {
    if (side === 'vigie') return outboxWrite(env, row, `${tag}${k}`);
    await plainWrite(env, row);
    bareEmit(env, `${tag}${k}`);
  });
  const done = await drained;
  const used = process.cpuUsage(cpu);
  return {
    ms: msSince(t0, done),
    cpuPer1k: (used.user + used.system) / 1000 / ((sockets * events) / 1000),
  };
}

const SYNC_SQL =
  'SELECT seq, type, at, data FROM outbox_event WHERE seq > $1 ORDER BY seq LIMIT $2';

/**
 * 4. Replay of `behind` events: `sync` over Socket.IO (500 per page, until `more: false`)
 * vs the same pages read with a plain SELECT through the app's pool. Both fetch 501 rows a
 * page to learn whether more follow, so both make the same number of round trips.
 */
export async function replay(
  env: BenchEnv,
  pool: ConsolePool,
  side: Side,
  since: number,
  expected: number,
) {
  if (side === 'vigie') {
    const r = await pool.sync('sync', since);
    if (r.events !== expected)
      throw new Error(`sync returned ${r.events} events, expected ${expected}`);
    return { ms: r.ms };
  }
  const start = performance.now();
  let cursor = since;
  let events = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const rows = (await env.dataSource.query(SYNC_SQL, [cursor, 501])) as { seq: string }[];
    const page = rows.slice(0, 500);
    events += page.length;
    if (rows.length <= 500) break;
    cursor = Number(page[page.length - 1].seq);
  }
  if (events !== expected)
    throw new Error(`SELECT returned ${events} events, expected ${expected}`);
  return { ms: performance.now() - start };
}

/** Makes sure the outbox holds at least `n` events (the write scenarios usually did). */
export async function ensureOutbox(env: BenchEnv, n: number): Promise<number> {
  const head = async () =>
    Number(
      (
        (await env.dataSource.query('SELECT value FROM outbox_counter WHERE id = 1')) as [
          { value: string },
        ]
      )[0].value,
    );
  for (let guard = 0; guard < 100 && (await head()) < n; guard++) {
    await env.runner.run(async (tx) => {
      for (let k = 0; k < 500; k++) tx.emit(BENCH_EVENT, payload(`fill-${guard}-${k}`), ['all']);
      return Promise.resolve();
    });
  }
  return head();
}
