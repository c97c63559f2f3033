/**
 * The crisis-core measurements. 5: an incident created over real HTTP until every one of the
 * consoles has `incident.created` (Vigie: Nest + validation + TypeORM transaction + outbox +
 * relay + gateway; baseline: a minimal `http` handler, one raw INSERT, `io.emit` on the bare
 * server). 6: main courante appends through LogbookService with its hash chain, against raw
 * single-row autocommit INSERTs of a text of the same size.
 */
import { performance } from 'node:perf_hooks';
import type { LogbookVerifyResult } from '../contracts/crisis';
import { LogbookService } from '../logbook/logbook.service';
import type { ConsolePool } from './console-pool';
import type { BenchEnv } from './env';
import type { Side } from './scenarios';
import { percentile } from './stats';

/** The incident console groups, one per side. */
export const INCIDENT_GROUPS: Record<Side, string> = {
  baseline: 'inc-bare',
  vigie: 'inc-vigie',
};

/** Opens the crisis the scenarios write to, as a COD operator would. */
export async function createCrisis(env: BenchEnv): Promise<string> {
  const res = await fetch(`${env.url}/api/crises`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${env.cod.token}` },
    body: JSON.stringify({ title: 'Bench: crue de l’Allier', kind: 'inondation' }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/crises: HTTP ${res.status} ${text}`);
  return (JSON.parse(text) as { id: string }).id;
}

/**
 * 5. `count` incidents created one after the other; for each (incident × console), the time
 * from sending the request to that console's reception of `incident.created`. The console
 * process sends the requests and reads both clocks; this process serves them (and pays the
 * server CPU counted per 1,000 deliveries).
 */
export async function incidentFanOut(
  env: BenchEnv,
  pool: ConsolePool,
  crisisId: string,
  side: Side,
  tag: string,
  count: number,
  consoles: number,
) {
  const url = `${side === 'vigie' ? env.url : env.bare.url}/api/incidents`;
  const body = {
    crisisId,
    kind: 'inondation',
    severity: 'moyenne',
    location: { type: 'Point', coordinates: [3.087, 45.777] },
  };
  const cpu = process.cpuUsage();
  const r = await pool.incidents(INCIDENT_GROUPS[side], url, env.cod.token, body, tag, count);
  const used = process.cpuUsage(cpu);
  if (r.latencies.length !== count * consoles)
    throw new Error(`${tag}: ${r.latencies.length} deliveries, expected ${count * consoles}`);
  return {
    p50: percentile(r.latencies, 50),
    p99: percentile(r.latencies, 99),
    http50: percentile(r.http, 50),
    cpuPer1k: (used.user + used.system) / 1000 / (r.latencies.length / 1000),
    bytes: r.bytes,
  };
}

/** ~460 chars (~485 B UTF-8), a main courante line as typed; `k` keeps each one distinct. */
function entryText(k: number): string {
  const head = `Point de situation n° ${k} : `;
  return (
    head + 'Crue de l’Allier, cote relevée au pont de Cournon, évacuation en cours. '.repeat(6)
  );
}

const LOG_INSERT = 'INSERT INTO bench_log (text) VALUES ($1)';

/**
 * 6. `n` appends to one crisis' main courante from `writers` concurrent writers. Vigie:
 * LogbookService.append (head row lock, hash, entry + head in one statement, outbox event,
 * commit, NOTIFY after). Baseline: one autocommit INSERT of the same text through the raw pool.
 */
export async function appendRate(
  env: BenchEnv,
  crisisId: string,
  side: Side,
  n: number,
  writers: number,
) {
  const logbook = env.app.get(LogbookService);
  const latencies: number[] = [];
  const one = async (k: number) => {
    const t0 = performance.now();
    if (side === 'vigie') {
      await logbook.append(
        crisisId,
        { text: entryText(k), category: 'information', cellule: 'situation' },
        env.cod.user,
      );
    } else {
      await env.raw.query(LOG_INSERT, [entryText(k)]);
    }
    latencies.push(performance.now() - t0);
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let k = w; k < n; k += writers) await one(k);
    }),
  );
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  // CPU of this process (Nest services, TypeORM, pg, hashing, the relay meanwhile), not PostgreSQL's
  return {
    rate: n / (elapsed / 1000),
    p99: percentile(latencies, 99),
    cpuPerAppend: (used.user + used.system) / 1000 / n,
  };
}

/** The whole chain walked and every hash recomputed (LogbookService.verify). */
export function verifyChain(env: BenchEnv, crisisId: string): Promise<LogbookVerifyResult> {
  return env.app.get(LogbookService).verify(crisisId);
}
