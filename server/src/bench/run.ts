/**
 * `npm run bench`: what the outbox costs, each figure as a ratio to a baseline measured in
 * the same run, baseline and Vigie interleaved (perf.md §4). Prints PASS/FAIL against the
 * perf.md goals that apply but exits 0 whatever they say; exits 1 only if the bench crashes.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConsolePool } from './console-pool';
import { type BenchEnv, withBenchEnv } from './env';
import { printReport, type Results } from './report';
import { ensureOutbox, fanOut, latency, replay, type Side, writeRate } from './scenarios';
import { interleave } from './stats';

const PLAN = {
  rounds: 5,
  writes: 500,
  writers: 8,
  latencyEvents: 200,
  fanSockets: 200,
  fanEvents: 100,
  syncBehind: 5000,
};

/** Read before pinning: afterwards this process sees only its own CPU. */
const CPUS = availableParallelism();

/** perf.md §4: server on CPU 0, consoles on CPU 1, the same for both sides. Best effort. */
function pin(pid: number | undefined, cpu: number): boolean {
  if (pid === undefined || CPUS < 2) return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function both<T extends Record<string, number>>(f: (side: Side, round: number) => Promise<T>) {
  return [(r: number) => f('baseline', r), (r: number) => f('vigie', r)] as const;
}

async function measure(
  env: BenchEnv,
  pool: ConsolePool,
): Promise<Omit<Results, 'plan' | 'machine' | 'seconds'>> {
  const { rounds } = PLAN;
  const step = (label: string) => process.stdout.write(`  ${label}…\n`);

  step('1. write cost');
  await writeRate(env, 'baseline', 'warm', 100, 1);
  await writeRate(env, 'vigie', 'warm', 100, 1);
  const serial = await interleave(
    rounds,
    ...both((s, r) => writeRate(env, s, `W${s[0]}${r}`, PLAN.writes, 1)),
  );
  const parallel = await interleave(
    rounds,
    ...both((s, r) => writeRate(env, s, `C${s[0]}${r}`, PLAN.writes, PLAN.writers)),
  );

  step('2. commit → console latency');
  await pool.connect('lat-vigie', env.url, 1, 'echo', env.token);
  await pool.connect('lat-bare', env.bare.url, 1, 'echo');
  await latency(env, pool, 'baseline', 'warm-b', 20);
  await latency(env, pool, 'vigie', 'warm-v', 20);
  const lat = await interleave(
    rounds,
    ...both((s, r) => latency(env, pool, s, `L${s[0]}${r}`, PLAN.latencyEvents)),
  );
  await pool.close('lat-vigie');
  await pool.close('lat-bare');

  step(`3. fan-out to ${PLAN.fanSockets} consoles`);
  await pool.connect('fan-vigie', env.url, PLAN.fanSockets, 'count', env.token);
  await pool.connect('fan-bare', env.bare.url, PLAN.fanSockets, 'count');
  await fanOut(env, pool, 'baseline', 'warm-b-', PLAN.fanSockets, 20);
  await fanOut(env, pool, 'vigie', 'warm-v-', PLAN.fanSockets, 20);
  const fan = await interleave(
    rounds,
    ...both((s, r) => fanOut(env, pool, s, `F${s[0]}${r}-`, PLAN.fanSockets, PLAN.fanEvents)),
  );
  await pool.close('fan-vigie');
  await pool.close('fan-bare');

  step('4. sync replay');
  const head = await ensureOutbox(env, PLAN.syncBehind);
  const since = head - PLAN.syncBehind;
  await pool.connect('sync', env.url, 1, 'count', env.token);
  await replay(env, pool, 'baseline', since, PLAN.syncBehind);
  await replay(env, pool, 'vigie', since, PLAN.syncBehind);
  const sync = await interleave(
    rounds,
    ...both((s) => replay(env, pool, s, since, PLAN.syncBehind)),
  );
  await pool.close('sync');

  return { serial, parallel, lat, fan, sync };
}

async function main(): Promise<void> {
  const started = performance.now();
  const pinned = pin(process.pid, 0);
  process.stdout.write(
    'Vigie outbox bench (setting up a scratch database, the app and 1 console process)\n',
  );
  await withBenchEnv(async (env) => {
    const pool = ConsolePool.start();
    try {
      const consolesPinned = pin(pool.pid, 1);
      const results = await measure(env, pool);
      printReport({
        ...results,
        plan: PLAN,
        seconds: (performance.now() - started) / 1000,
        machine: {
          cpus: CPUS,
          model: cpus()[0]?.model.trim() ?? '?',
          node: process.version,
          postgres: env.versions.postgres,
          redis: env.versions.redis,
          pinned: pinned && consolesPinned ? 'server on CPU 0, consoles on CPU 1' : 'not pinned',
        },
      });
    } finally {
      await pool.stop();
    }
  });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(
      `bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  },
);
