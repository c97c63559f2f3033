/**
 * The map scenario of `npm run bench` (issue 4, perf.md G9/G10): the real React MapView and a
 * bare Leaflet page (client/bench) built with Vite into a scratch folder, served by a small
 * `http` server that also answers the two API routes the map reads (reference layers from
 * server/src/reference/data, client config without tiles), measured in headless Chromium.
 *
 * Protocol: a warm-up of each page, then baseline and Vigie interleaved, a fresh browser context
 * (page, cache, renderer process) per round; then one pass of the Vigie page built with React's
 * profiling build and a commit probe, which counts what React renders (not timed against the
 * baseline: the probe walks the fiber tree at each commit).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { isLayerName, LAYER_FILES } from '../reference/reference-data';
import { interleave, type Paired } from './stats';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1600, height: 1000 };

export const MAP_PLAN = {
  rounds: 3,
  incidents: 10_000,
  /** live updates per second, and for how long */
  rate: 20,
  seconds: 5,
  /** after the last update: lets a pending re-index (≤ 250 ms on both pages) draw */
  settleMs: 400,
  /** idle window before the updates: what the page costs doing nothing (reported, not subtracted) */
  idleMs: 500,
  /** a component type with at least this many instances would be a per-marker component */
  markerComponentThreshold: 100,
};
export type MapPlan = typeof MAP_PLAN;

const REPO = resolve(__dirname, '../../..');
const BENCH_PAGES = join(REPO, 'client/bench');

// ------------------------------------------------------------------ what the pages report

interface LoadResult {
  scriptStart: number;
  incidentsDrawn: number;
  complete: number;
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
  redraws: number;
  incidentMarkers: number;
}
interface RunResult {
  updates: number;
  severityUpdates: number;
  moves: number;
  windowMs: number;
  lateP95: number;
  frames: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
  redraws: number;
}
interface CommitRecord {
  at: number;
  rendered: Record<string, number>;
  mounted: number;
}
interface ProbeDump {
  commits: CommitRecord[];
  profiler: { id: string; phase: string; actualDuration: number; at: number }[];
  census: { components: number; hosts: number; byName: [string, number][] };
}
interface PageGlobals {
  __bench: {
    ready(): Promise<LoadResult>;
    idle(ms: number): Promise<{ frames: number; redraws: number }>;
    run(o: { rate: number; seconds: number; settleMs: number }): Promise<RunResult>;
  };
  __reactProbe: {
    commits: CommitRecord[];
    profiler: ProbeDump['profiler'];
    census(): ProbeDump['census'];
  };
  performance: { now(): number };
}

/** One round's figures (ms unless said). */
type RoundFigures = {
  scriptStart: number;
  incidentsDrawn: number;
  complete: number;
  loadBusy: number;
  loadScript: number;
  loadLongTaskMs: number;
  loadLongestTask: number;
  heapMB: number;
  busyPerUpdate: number;
  scriptPerUpdate: number;
  idleBusyPerSecond: number;
  frameP95: number;
  frameMax: number;
  updateLongTaskMs: number;
  redrawsPerUpdate: number;
  incidentMarkers: number;
};

export interface ReactFigures {
  updates: number;
  commitsDuringUpdates: number;
  /** component name → renders during the updates */
  rendersDuringUpdates: [string, number][];
  mountsDuringUpdates: number;
  commitsAtLoad: number;
  profiler: { load: Record<string, number>; updates: Record<string, number> };
  census: ProbeDump['census'];
  markerComponentTypes: [string, number][];
  /** commits during the updates in which a per-marker component rendered */
  commitsTouchingMarkers: number;
}

export interface MapResults {
  plan: MapPlan;
  browser: string;
  buildSeconds: number;
  rounds: { [K in keyof RoundFigures]: Paired };
  react: ReactFigures;
  updates: { count: number; severity: number; moves: number; lateP95: number };
  errors: string[];
  seconds: number;
}

// ------------------------------------------------------------------ build and serve

/**
 * Two builds of client/bench: the timed pages as the app ships (production React, minified),
 * and the profiled Vigie page under /profiled/ with function names kept (the probe reports
 * components by name).
 */
export async function buildPages(outDir: string): Promise<void> {
  // Vite and its React plugin are ES modules: a real dynamic import from this CommonJS build
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const page = (name: string) => join(BENCH_PAGES, name);
  const common = {
    configFile: false as const,
    root: BENCH_PAGES,
    logLevel: 'error' as const,
    publicDir: false as const,
    plugins: [react()],
    resolve: {
      alias: {
        '@': join(REPO, 'client/src'),
        '@contracts': join(REPO, 'server/src/contracts'),
      },
    },
  };
  const options = { emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 1e6 };
  await build({
    ...common,
    base: '/',
    build: {
      ...options,
      outDir,
      rolldownOptions: {
        input: { bare: page('bare-map.html'), vigie: page('vigie-map.html') },
      },
    },
  });
  await build({
    ...common,
    base: '/profiled/',
    build: {
      ...options,
      outDir: join(outDir, 'profiled'),
      rolldownOptions: {
        input: { 'vigie-profiled': page('vigie-map-profiled.html') },
        output: { keepNames: true },
      },
    },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The built pages, plus the two routes of the API the map calls (no auth: no token is sent). */
export async function serve(root: string): Promise<{ server: Server; url: string }> {
  const dataDir = join(REPO, 'server/src/reference/data');
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, type: string, body: string | Buffer, cache = 'no-store') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache });
      res.end(body);
    };
    const layer = /^\/api\/reference\/layers\/([a-z]+)$/.exec(path)?.[1];
    const answer = async () => {
      if (layer !== undefined) {
        if (!isLayerName(layer)) return send(404, 'application/json', '{"code":"not_found"}');
        const text = await readFile(join(dataDir, LAYER_FILES[layer]), 'utf8');
        return send(200, 'application/geo+json', text, 'public, max-age=86400');
      }
      if (path === '/api/client-config') {
        return send(200, 'application/json', JSON.stringify({ mapTiles: null }));
      }
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep) || !existsSync(file)) return send(404, 'text/plain', '');
      send(200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    };
    answer().catch((e: unknown) => send(500, 'text/plain', String(e)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// ------------------------------------------------------------------ one page, one round

/** A page that never signals must fail the bench, not hang it. */
const PAGE_TIMEOUT_MS = 30_000;
function within<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`map bench: ${what} took more than ${PAGE_TIMEOUT_MS / 1000} s`)),
      PAGE_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

type Metrics = Record<string, number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}
/** ms of a cumulative CDP duration metric (seconds) between two snapshots */
const delta = (a: Metrics, b: Metrics, name: string) => ((b[name] ?? 0) - (a[name] ?? 0)) * 1000;

async function openPage(browser: Browser, url: string, errors: string[]) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page: Page = await context.newPage();
  const label = new URL(url).pathname;
  // an exception in a page invalidates its figures: the bench fails (console errors are listed)
  let failed: Error | null = null;
  page.on('pageerror', (e) => {
    failed ??= new Error(`map bench: ${label} threw: ${e.stack ?? e.message}`);
  });
  const check = <T>(value: T): T => {
    if (failed) throw failed;
    return value;
  };
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${label}: console: ${m.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  // thread ticks: CPU time of the renderer's main thread, not wall time (the machine is shared and
  // noisy; perf.md §4 prefers CPU figures for that reason)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const m0 = await metrics(cdp);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT_MS });
    const load = check(
      await within(
        page.evaluate(() => (globalThis as unknown as PageGlobals).__bench.ready()),
        `${label} first render`,
      ),
    );
    const m1 = await metrics(cdp);
    return { context, page, cdp, load, m0, m1, check };
  } catch (e) {
    await context.close();
    throw failed ?? e;
  }
}

async function measureRound(
  browser: Browser,
  url: string,
  plan: MapPlan,
  errors: string[],
  onUpdates?: (r: RunResult) => void,
): Promise<RoundFigures> {
  const { context, page, cdp, load, m0, m1, check } = await openPage(browser, url, errors);
  try {
    const idle = plan.idleMs;
    await page.evaluate((ms) => (globalThis as unknown as PageGlobals).__bench.idle(ms), idle);
    const m2 = await metrics(cdp);
    const run = check(
      await within(
        page.evaluate((o) => (globalThis as unknown as PageGlobals).__bench.run(o), {
          rate: plan.rate,
          seconds: plan.seconds,
          settleMs: plan.settleMs,
        }),
        `${url} live updates`,
      ),
    );
    const m3 = await metrics(cdp);
    onUpdates?.(run);
    return {
      scriptStart: load.scriptStart,
      incidentsDrawn: load.incidentsDrawn,
      complete: load.complete,
      loadBusy: delta(m0, m1, 'TaskDuration'),
      loadScript: delta(m0, m1, 'ScriptDuration'),
      loadLongTaskMs: load.longTaskMs,
      loadLongestTask: load.longestTaskMs,
      heapMB: (m1.JSHeapUsedSize ?? 0) / 2 ** 20,
      busyPerUpdate: delta(m2, m3, 'TaskDuration') / run.updates,
      scriptPerUpdate: delta(m2, m3, 'ScriptDuration') / run.updates,
      idleBusyPerSecond: (delta(m1, m2, 'TaskDuration') / idle) * 1000,
      frameP95: run.frameP95,
      frameMax: run.frameMax,
      updateLongTaskMs: run.longTaskMs,
      redrawsPerUpdate: run.redraws / run.updates,
      incidentMarkers: load.incidentMarkers,
    };
  } finally {
    await context.close();
  }
}

/** The profiled Vigie page: what React commits at load and per live update. */
async function countCommits(
  browser: Browser,
  url: string,
  plan: MapPlan,
  errors: string[],
): Promise<ReactFigures> {
  const { context, page, load, check } = await openPage(browser, url, errors);
  try {
    const start = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).performance.now(),
    );
    const run = check(
      await within(
        page.evaluate((o) => (globalThis as unknown as PageGlobals).__bench.run(o), {
          rate: plan.rate,
          seconds: plan.seconds,
          settleMs: plan.settleMs,
        }),
        `${url} live updates`,
      ),
    );
    const dump: ProbeDump = await page.evaluate(() => ({
      commits: (globalThis as unknown as PageGlobals).__reactProbe.commits,
      profiler: (globalThis as unknown as PageGlobals).__reactProbe.profiler,
      census: (globalThis as unknown as PageGlobals).__reactProbe.census(),
    }));
    const during = dump.commits.filter((c) => c.at >= start);
    const renders = new Map<string, number>();
    for (const c of during)
      for (const [name, n] of Object.entries(c.rendered))
        renders.set(name, (renders.get(name) ?? 0) + n);
    const phases = (from: number, to: number) => {
      const out: Record<string, number> = {};
      for (const p of dump.profiler)
        if (p.at >= from && p.at < to)
          out[`${p.id}:${p.phase}`] = (out[`${p.id}:${p.phase}`] ?? 0) + 1;
      return out;
    };
    const markerTypes = dump.census.byName.filter(([, n]) => n >= plan.markerComponentThreshold);
    const markerNames = new Set(markerTypes.map(([name]) => name));
    return {
      updates: run.updates,
      commitsDuringUpdates: during.length,
      rendersDuringUpdates: [...renders].sort((a, b) => b[1] - a[1]),
      mountsDuringUpdates: during.reduce((s, c) => s + c.mounted, 0),
      commitsAtLoad: dump.commits.filter((c) => c.at <= load.complete).length,
      profiler: { load: phases(0, start), updates: phases(start, Infinity) },
      census: dump.census,
      markerComponentTypes: markerTypes,
      commitsTouchingMarkers: during.filter((c) =>
        Object.keys(c.rendered).some((name) => markerNames.has(name)),
      ).length,
    };
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------ the scenario

export function mapBenchAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function runMapBench(plan: MapPlan = MAP_PLAN): Promise<MapResults> {
  const started = performance.now();
  let lap = 0;
  const step = (label?: string) => {
    const now = performance.now();
    if (lap) process.stdout.write(` ${((now - lap) / 1000).toFixed(1)} s\n`);
    lap = now;
    if (label) process.stdout.write(`  ${label}…`);
  };
  const outDir = await mkdtemp(join(tmpdir(), 'vigie-map-bench-'));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    step('M. build the two map pages (Vite)');
    await buildPages(outDir);
    const buildSeconds = (performance.now() - lap) / 1000;
    const served = await serve(outDir);
    server = served.server;
    const url = (page: string) => `${served.url}/${page}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const b = browser;
    const errors: string[] = [];

    step(`M. ${plan.rounds} rounds × (bare Leaflet, Vigie), ${plan.incidents} incidents`);
    // warm-up: the first page of a fresh browser pays for starting things that later ones do not
    const warmUp = { ...plan, seconds: 0.5, idleMs: 100 };
    await measureRound(b, url('bare-map.html'), warmUp, errors);
    await measureRound(b, url('vigie-map.html'), warmUp, errors);
    const runs: RunResult[] = [];
    const rounds = await interleave(
      plan.rounds,
      () => measureRound(b, url('bare-map.html'), plan, errors),
      () => measureRound(b, url('vigie-map.html'), plan, errors, (r) => runs.push(r)),
    );

    step('M. React commits (Vigie, profiling build + commit probe)');
    const react = await countCommits(b, url('profiled/vigie-map-profiled.html'), plan, errors);
    step();

    const first = runs[0];
    return {
      plan,
      browser: `Chromium ${browser.version()} headless (${CHROMIUM_ARGS.join(' ')}), ${VIEWPORT.width}×${VIEWPORT.height}`,
      buildSeconds,
      rounds,
      react,
      updates: {
        count: first?.updates ?? 0,
        severity: first?.severityUpdates ?? 0,
        moves: first?.moves ?? 0,
        lateP95: Math.max(...runs.map((r) => r.lateP95)),
      },
      errors,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await new Promise<void>((ok) => server!.close(() => ok()));
    await rm(outDir, { recursive: true, force: true });
  }
}
