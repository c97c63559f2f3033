/** The bench's printout: machine, table of medians and ratios, perf.md goals. */
import type { LogbookVerifyResult } from '../contracts/crisis';
import { median, type Paired, ratios, verdict } from './stats';

export interface Results {
  plan: {
    rounds: number;
    writes: number;
    writers: number;
    latencyEvents: number;
    fanSockets: number;
    fanEvents: number;
    syncBehind: number;
    crisisRounds: number;
    incidents: number;
    incidentConsoles: number;
    appends: number;
    appendWriters: number;
  };
  serial: { rate: Paired; cpuPerTx: Paired };
  parallel: { rate: Paired; cpuPerTx: Paired };
  lat: { p50: Paired; p95: Paired; write50: Paired; delivery50: Paired };
  fan: { ms: Paired; cpuPer1k: Paired };
  sync: { ms: Paired };
  incident: { p50: Paired; p99: Paired; http50: Paired; cpuPer1k: Paired; bytes: Paired };
  append1: { rate: Paired; p99: Paired; cpuPerAppend: Paired };
  append8: { rate: Paired; p99: Paired; cpuPerAppend: Paired };
  chain: LogbookVerifyResult;
  machine: {
    cpus: number;
    model: string;
    node: string;
    postgres: string;
    redis: string;
    pinned: string;
  };
  seconds: number;
}

const num = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const times = (x: number) => `${x.toFixed(2)}×`;

export function row(label: string, p: Paired, unit: string): string[] {
  const r = ratios(p);
  return [
    label,
    `${num(median(p.baseline))}${unit ? ` ${unit}` : ''}`,
    `${num(median(p.vigie))}${unit ? ` ${unit}` : ''}`,
    `${times(r.median)} [${r.min.toFixed(2)}–${r.max.toFixed(2)}]`,
  ];
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ');
  return [
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.slice(1).map(line),
  ].join('\n');
}

/** An absolute guard on Vigie's median over the rounds. */
function guard(label: string, p: Paired, limit: number, unit: string): string {
  const v = median(p.vigie);
  return `  ${v <= limit ? 'PASS' : 'FAIL'}  ${label} ≤ ${limit} ${unit}: ${num(v)} ${unit}`;
}

function chainLine(c: LogbookVerifyResult): string {
  return c.valid
    ? `Main courante chain after the run: VALID, ${c.entries} entries verified (LogbookService.verify, every hash recomputed).`
    : `Main courante chain after the run: INVALID at entry ${c.firstBrokenEntryId} (index ${c.index}, ${c.reason}), ` +
        `${c.entries} entries: the bench fails.`;
}

export function goal(
  label: string,
  p: Paired,
  target: number,
  direction: 'atLeast' | 'atMost',
): string {
  const v = verdict(p, target, direction);
  const sign = direction === 'atLeast' ? '≥' : '≤';
  return `  ${v.pass ? 'PASS' : 'FAIL'}  ${label} ${sign} ${times(target)}: ${times(v.ratio)} (${v.missed}/${v.pairs} pairs miss)`;
}

export function printReport(r: Results): void {
  const { plan, machine: m } = r;
  const out = [
    '',
    `Machine: ${m.cpus} CPUs (${m.model}), Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}; ${m.pinned}`,
    `Protocol: baseline and Vigie interleaved B,V × ${plan.rounds} (1–4) and × ${plan.crisisRounds} (5–6) after a short ` +
      `warm-up; values are the medians of the rounds; ratio = median of the per-round ratios Vigie ÷ baseline [min–max].`,
    'Events: 1–4 `user.updated`, ~1 KB JSON, room `all`; 5 `incident.created` (the incident + seq + at). ' +
      'Consoles: socket.io-client (WebSocket) in a separate process.',
    '',
    table([
      ['metric', 'baseline', 'vigie', 'ratio'],
      row(`1a write, 1 writer (${plan.writes} tx)`, r.serial.rate, 'tx/s'),
      row('     server CPU per tx', r.serial.cpuPerTx, 'ms'),
      row(`1b write, ${plan.writers} writers (${plan.writes} tx)`, r.parallel.rate, 'tx/s'),
      row('     server CPU per tx', r.parallel.cpuPerTx, 'ms'),
      row(`2  write start → console, p50 (${plan.latencyEvents} events)`, r.lat.p50, 'ms'),
      row('2  write start → console, p95', r.lat.p95, 'ms'),
      row('     of which write (start → commit), p50', r.lat.write50, 'ms'),
      row('     of which delivery (commit → console), p50', r.lat.delivery50, 'ms'),
      row(
        `3  fan-out ${plan.fanEvents} events → ${plan.fanSockets} consoles, all in`,
        r.fan.ms,
        'ms',
      ),
      row('     server CPU per 1,000 deliveries', r.fan.cpuPer1k, 'ms'),
      row(`4  sync replay, ${plan.syncBehind} events behind`, r.sync.ms, 'ms'),
      row(
        `5  POST incident → ${plan.incidentConsoles} consoles, p50 (${plan.incidents} incidents × ${plan.incidentConsoles})`,
        r.incident.p50,
        'ms',
      ),
      row('5  POST incident → consoles, p99', r.incident.p99, 'ms'),
      row('     of which HTTP request → response, p50', r.incident.http50, 'ms'),
      row('     server CPU per 1,000 deliveries', r.incident.cpuPer1k, 'ms'),
      row('     payload received by a console', r.incident.bytes, 'B'),
      row(`6a main courante append, 1 writer (${plan.appends})`, r.append1.rate, '/s'),
      row('     per append, p99', r.append1.p99, 'ms'),
      row('     server CPU per append', r.append1.cpuPerAppend, 'ms'),
      row(
        `6b main courante append, ${plan.appendWriters} writers (${plan.appends})`,
        r.append8.rate,
        '/s',
      ),
      row('     per append, p99', r.append8.p99, 'ms'),
      row('     server CPU per append', r.append8.cpuPerAppend, 'ms'),
    ]),
    '',
    chainLine(r.chain),
    '',
    'Baselines (same Node process; 1–4 also the same pool and rows):',
    '  1   the same one-row UPDATE in a TypeORM transaction, no event. Vigie: TransactionRunner.run with one',
    '      tx.emit (counter row lock + outbox INSERT, then after commit an autocommit pg_notify and the in-process',
    '      wake-up of the relay, which publishes meanwhile).',
    `      1b: ${plan.writers} writers on ${plan.writers} distinct rows, so only the outbox counter row is contended.`,
    '  2,3 the same write, then io.to("all").emit of the same payload on a bare socket.io server (same version,',
    '      WebSocket only, same Redis adapter), i.e. "commit, then emit directly" with no outbox and no relay.',
    '      The "delivery" line isolates the raw emit → console hop (baseline) from the relay path (Vigie).',
    `      3: the ${plan.fanEvents} writes come from ${plan.writers} concurrent writers; CPU is this Node process only.`,
    `  4   Vigie: socket "sync" pages (500) until more:false, timed by the console; baseline: the same`,
    '      SELECT seq, type, at, data … ORDER BY seq LIMIT 501 pages through the app pool (no socket, no audit).',
    `  5   the console process POSTs ${plan.incidents} incidents one after the other (the next once every console has the`,
    '      previous one), keep-alive HTTP, same body and bearer header on both sides; latency = request sent → each',
    "      console's reception, over every (incident × console). Vigie: POST /api/incidents (guards, zod, commune lookup,",
    '      TypeORM transaction with the crisis row lock + outbox, relay, gateway emit to the crisis rooms). Baseline: a',
    '      minimal node `http` handler in this process: JSON.parse, one autocommit INSERT of the incident (jsonb) through',
    '      a raw pg.Pool, 201, then io.emit of the same-shaped payload on the bare socket.io server (same Redis adapter).',
    '      Both sides answer before the consoles\' frames go out, so "request → response" is each side\'s write path.',
    '  6   Vigie: LogbookService.append on one crisis (head row lock held to commit, sha256 chain, entry + head in one',
    '      statement, outbox event; NOTIFY after commit). Baseline: raw pg.Pool (10 connections, as the app pool)',
    '      autocommit INSERT of a text of the same size (~460 chars) into a scratch table. Same writers on both sides.',
    '',
    'Goals from perf.md §4 (FAIL only if the median ratio misses AND a majority of pairs miss; exit code 0 either way):',
    goal(
      'G7(b) write rate with the outbox (NOTIFY now after commit), 8 writers,',
      r.parallel.rate,
      0.9,
      'atLeast',
    ),
    goal('G8 end to end, write + emit (proxy: p95, 1 console, no HTTP)', r.lat.p95, 2, 'atMost'),
    `  ${median(r.lat.p50.vigie) <= 200 ? 'PASS' : 'FAIL'}  G8 absolute guard p50 ≤ 200 ms: ` +
      `${num(median(r.lat.p50.vigie))} ms (1 console, not 500)`,
    goal(
      `G8 end to end, POST incident → ${plan.incidentConsoles} consoles, p99`,
      r.incident.p99,
      2,
      'atMost',
    ),
    guard(
      `G8 absolute guard, POST → ${plan.incidentConsoles} consoles, p50`,
      r.incident.p50,
      200,
      'ms',
    ),
    guard(
      `G8 absolute guard, POST → ${plan.incidentConsoles} consoles, p99`,
      r.incident.p99,
      1000,
      'ms',
    ),
    goal(
      'G1 fan-out vs bare socket.io, p99 (proxy: time for the burst to reach all)',
      r.fan.ms,
      1.5,
      'atMost',
    ),
    goal('G1 server CPU per 1,000 deliveries', r.fan.cpuPer1k, 1.3, 'atMost'),
    goal(
      `G1 (proxy: write path included) POST → ${plan.incidentConsoles} consoles, p50`,
      r.incident.p50,
      1.2,
      'atMost',
    ),
    goal(
      `G1 (proxy: write path included) POST → ${plan.incidentConsoles} consoles, p99`,
      r.incident.p99,
      1.5,
      'atMost',
    ),
    goal('G1 server CPU per 1,000 incident deliveries', r.incident.cpuPer1k, 1.3, 'atMost'),
    guard(`G1 absolute guard, ${plan.incidentConsoles} consoles, p99`, r.incident.p99, 250, 'ms'),
    goal(`G6 append rate, 1 writer (${plan.appends}, not 10,000)`, r.append1.rate, 0.5, 'atLeast'),
    goal(`G6 append p99, 1 writer`, r.append1.p99, 2, 'atMost'),
    goal(
      `G6 append rate, ${plan.appendWriters} writers (${plan.appends}, not 10,000)`,
      r.append8.rate,
      0.5,
      'atLeast',
    ),
    goal(`G6 append p99, ${plan.appendWriters} writers`, r.append8.p99, 2, 'atMost'),
    guard('G6 absolute guard, single append (1 writer) p99', r.append1.p99, 20, 'ms'),
    '  n/a   sync replay: no perf.md goal (G3 is resync after a server restart, not measured here)',
    '',
    `Total ${r.seconds.toFixed(1)} s.`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
