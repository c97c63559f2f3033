/**
 * `npm run bench`: what the outbox and the crisis core (incident → consoles, main courante)
 * cost, each figure as a ratio to a baseline measured in the same run, baseline and Vigie
 * interleaved (perf.md §4); then, when /usr/bin/chromium exists, the map console against a bare
 * Leaflet page (map-bench.ts). Prints PASS/FAIL against the perf.md goals that apply but exits 0
 * whatever they say; exits 1 only if the bench crashes or the main courante's chain does not
 * verify after the run (a correctness failure, not a performance one).
 *
 * Then the paging scenario (paging-bench.ts): enqueue and dispatch of deliveries against bare
 * BullMQ, in a scratch environment of its own.
 *
 * `npm run bench -- --map-only` runs the map scenario alone; `-- --no-map` skips it;
 * `-- --paging-only` runs the paging scenario alone; `-- --no-paging` skips it.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConsolePool } from './console-pool';
import {
  appendRate,
  createCrisis,
  INCIDENT_GROUPS,
  incidentFanOut,
  verifyChain,
} from './crisis-scenarios';
import { type BenchEnv, withBenchEnv } from './env';
import { CHROMIUM, mapBenchAvailable, runMapBench } from './map-bench';
import { printMapReport } from './map-report';
import { PAGING_PLAN, printPagingReport, runPagingBench } from './paging-bench';
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
  /** Rounds of the crisis-core scenarios (5 and 6). */
  crisisRounds: 5,
  incidents: 50,
  incidentConsoles: 500,
  appends: 400,
  appendWriters: 8,
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

/** Chromium spreads its processes over every CPU: give them back before the map scenario. */
function unpin(pid: number): void {
  if (CPUS < 2) return;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', `0-${CPUS - 1}`, String(pid)], { stdio: 'ignore' });
  } catch {
    // not pinned, or no taskset: nothing to undo
  }
}

function both<T extends Record<string, number>>(f: (side: Side, round: number) => Promise<T>) {
  return [(r: number) => f('baseline', r), (r: number) => f('vigie', r)] as const;
}

async function measure(
  env: BenchEnv,
  pool: ConsolePool,
): Promise<Omit<Results, 'plan' | 'machine' | 'seconds'>> {
  const { rounds, crisisRounds } = PLAN;
  // each section's label, then its duration once done (no label: the last one is done)
  let lap = 0;
  const step = (label?: string) => {
    const now = performance.now();
    if (lap) process.stdout.write(` ${((now - lap) / 1000).toFixed(1)} s\n`);
    lap = now;
    if (label) process.stdout.write(`  ${label}…`);
  };

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

  const consoles = PLAN.incidentConsoles;
  step(`5. incident created over HTTP → ${consoles} consoles`);
  const crisisId = await createCrisis(env);
  await pool.connect(INCIDENT_GROUPS.vigie, env.url, consoles, 'incident', env.token);
  await pool.connect(INCIDENT_GROUPS.baseline, env.bare.url, consoles, 'incident');
  await incidentFanOut(env, pool, crisisId, 'baseline', 'warm-b', 5, consoles);
  await incidentFanOut(env, pool, crisisId, 'vigie', 'warm-v', 5, consoles);
  const incident = await interleave(
    crisisRounds,
    ...both((s, r) =>
      incidentFanOut(env, pool, crisisId, s, `I${s[0]}${r}`, PLAN.incidents, consoles),
    ),
  );
  await pool.close(INCIDENT_GROUPS.vigie);
  await pool.close(INCIDENT_GROUPS.baseline);

  step('6. main courante append');
  await appendRate(env, crisisId, 'baseline', 50, 1);
  await appendRate(env, crisisId, 'vigie', 50, 1);
  const append1 = await interleave(
    crisisRounds,
    ...both((s) => appendRate(env, crisisId, s, PLAN.appends, 1)),
  );
  const append8 = await interleave(
    crisisRounds,
    ...both((s) => appendRate(env, crisisId, s, PLAN.appends, PLAN.appendWriters)),
  );
  const chain = await verifyChain(env, crisisId);
  step();

  return { serial, parallel, lat, fan, sync, incident, append1, append8, chain };
}

async function serverScenarios(): Promise<void> {
  const started = performance.now();
  const pinned = pin(process.pid, 0);
  process.stdout.write(
    'Vigie bench: outbox and crisis core (setting up a scratch database, the app and 1 console process)\n',
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
      // printed above; a broken chain is a correctness failure: the bench fails
      if (!results.chain.valid)
        throw new Error(`main courante chain invalid: ${JSON.stringify(results.chain)}`);
    } finally {
      await pool.stop();
    }
  });
}

async function pagingScenario(): Promise<void> {
  process.stdout.write(
    `\nVigie bench: paging (${PAGING_PLAN.enqueue.toLocaleString('en')} deliveries enqueued, ` +
      `${PAGING_PLAN.dispatch.toLocaleString('en')} dispatched, vs bare BullMQ)\n`,
  );
  await withBenchEnv(async (env) => printPagingReport(await runPagingBench(env)));
}

async function mapScenario(): Promise<void> {
  if (!mapBenchAvailable()) {
    process.stdout.write(`\nMap scenario skipped: ${CHROMIUM} not found.\n`);
    return;
  }
  unpin(process.pid);
  process.stdout.write(
    `\nVigie bench: map console (${cpus().length} CPUs, ${cpus()[0]?.model.trim() ?? '?'}; ` +
      'React MapView vs bare Leaflet in headless Chromium)\n',
  );
  printMapReport(await runMapBench());
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  if (args.has('--paging-only')) {
    await pagingScenario();
    return;
  }
  if (!args.has('--map-only')) await serverScenarios();
  if (!args.has('--map-only') && !args.has('--no-paging')) await pagingScenario();
  if (!args.has('--no-map')) await mapScenario();
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
