/**
 * The bench's consoles: a child process holding the socket.io clients, so decoding on the
 * client side does not share the server's event loop (and can be pinned to the other CPU).
 * Driven over IPC by console-pool.ts; see protocol.ts.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { SyncResponse } from '../contracts/realtime';
import {
  BENCH_EVENT,
  type ChildMessage,
  type GroupMode,
  INCIDENT_EVENT,
  type Request,
} from './protocol';

interface Watch {
  tag: string;
  events: number;
  /** Distinct ids seen by each socket (a duplicate must not stand in for a missing event). */
  seen: Set<string>[];
  complete: number;
  delivered: number;
}

/** The incident an `incident` group waits for: one at a time, the requests are sequential. */
interface Expect {
  title: string;
  /** hrtime (ms) of each socket's first reception; NaN until then. */
  times: number[];
  got: number;
  payload?: unknown;
  done(): void;
}

interface Group {
  sockets: Socket[];
  mode: GroupMode;
  watch?: Watch;
  expect?: Expect;
}

const groups = new Map<string, Group>();

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

function send(message: ChildMessage): void {
  process.send?.(message);
}

function connectOne(url: string, token: string | undefined): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    auth: token === undefined ? {} : { token },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no connection to ${url} within 10 s`)),
      10_000,
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

async function connect(
  name: string,
  url: string,
  token: string | undefined,
  n: number,
  mode: GroupMode,
) {
  const group: Group = { sockets: [], mode };
  groups.set(name, group);
  // a few handshakes at a time: each one is authenticated against the database
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, () => connectOne(url, token)),
    );
    group.sockets.push(...batch);
  }
  group.sockets.forEach((socket, i) => {
    if (mode === 'incident') {
      socket.on(INCIDENT_EVENT, (payload: { title?: unknown }) => onIncident(group, i, payload));
      return;
    }
    socket.on(BENCH_EVENT, (payload: { id: string }) => {
      if (group.mode === 'echo') {
        send({ op: 'recv', id: payload.id, t: String(process.hrtime.bigint()) });
        return;
      }
      const watch = group.watch;
      if (!watch || !payload.id.startsWith(watch.tag)) return;
      watch.delivered += 1;
      const seen = watch.seen[i];
      if (seen.has(payload.id)) return;
      seen.add(payload.id);
      if (seen.size === watch.events && ++watch.complete === group.sockets.length) {
        send({
          op: 'drained',
          tag: watch.tag,
          t: String(process.hrtime.bigint()),
          delivered: watch.delivered,
        });
        group.watch = undefined;
      }
    });
  });
}

function onIncident(group: Group, i: number, payload: { title?: unknown }): void {
  const t = nowMs();
  const expect = group.expect;
  // a duplicate (at-least-once delivery) must not stand in for another socket's reception
  if (!expect || payload.title !== expect.title || !Number.isNaN(expect.times[i])) return;
  expect.times[i] = t;
  expect.payload ??= payload;
  if (++expect.got === group.sockets.length) expect.done();
}

/** Arms the group for `title`; `arrived` resolves once every socket has it. */
function expectIncident(group: Group, title: string, timeoutMs: number) {
  let cancel: () => void = () => undefined;
  const arrived = new Promise<Expect>((resolve, reject) => {
    const timer = setTimeout(() => {
      group.expect = undefined;
      reject(
        new Error(
          `${title}: ${expect.got}/${group.sockets.length} consoles within ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
    const expect: Expect = {
      title,
      times: group.sockets.map(() => NaN),
      got: 0,
      done: () => {
        clearTimeout(timer);
        group.expect = undefined;
        resolve(expect);
      },
    };
    cancel = () => {
      clearTimeout(timer);
      group.expect = undefined;
    };
    group.expect = expect;
  });
  // awaited only once the response is in: a timeout meanwhile must not be an unhandled rejection
  arrived.catch(() => undefined);
  return { arrived, cancel };
}

/**
 * Creates `count` incidents one after the other through `url` (real HTTP, keep-alive), each
 * once the previous one has reached every socket of the group and its response is in.
 */
async function postIncidents(request: Extract<Request, { op: 'incidents' }>) {
  const group = getGroup(request.group);
  if (group.mode !== 'incident') throw new Error(`group ${request.group} is not an incident group`);
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${request.token}`,
  };
  const latencies: number[] = [];
  const http: number[] = [];
  let bytes = 0;
  for (let k = 0; k < request.count; k++) {
    const title = `${request.tag}-${k}`;
    const { arrived, cancel } = expectIncident(group, title, request.timeoutMs);
    const t0 = nowMs();
    try {
      const res = await fetch(request.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...request.body, title }),
        signal: AbortSignal.timeout(request.timeoutMs),
      });
      const text = await res.text();
      http.push(nowMs() - t0);
      if (res.status !== 201) throw new Error(`POST ${request.url}: HTTP ${res.status} ${text}`);
    } catch (e) {
      cancel();
      throw e;
    }
    const expect = await arrived;
    for (const t of expect.times) latencies.push(Math.round((t - t0) * 1000) / 1000);
    bytes = Buffer.byteLength(JSON.stringify(expect.payload));
  }
  return { latencies, http, bytes };
}

/** Pages through `sync` from `since` until `more: false`, as a reconnecting console does. */
async function replay(group: Group, since: number) {
  const socket = group.sockets[0];
  let cursor = since;
  let events = 0;
  let pages = 0;
  const start = performance.now();
  for (let guard = 0; guard < 1000; guard++) {
    const response = (await socket.timeout(10_000).emitWithAck('sync', { since: cursor })) as
      SyncResponse | { error: { message: string } };
    if ('error' in response) throw new Error(`sync: ${response.error.message}`);
    if ('reset' in response) throw new Error(`sync: reset at ${cursor}`);
    pages += 1;
    events += response.events.length;
    cursor = response.head;
    if (!response.more) return { ms: performance.now() - start, events, pages };
  }
  throw new Error('sync: more than 1000 pages');
}

function getGroup(name: string): Group {
  const group = groups.get(name);
  if (!group) throw new Error(`no group ${name}`);
  return group;
}

async function handle(request: Request): Promise<ChildMessage> {
  switch (request.op) {
    case 'connect':
      await connect(request.group, request.url, request.token, request.n, request.mode);
      return { rid: request.rid, op: 'ok' };
    case 'close': {
      for (const socket of groups.get(request.group)?.sockets ?? []) socket.disconnect();
      groups.delete(request.group);
      return { rid: request.rid, op: 'ok' };
    }
    case 'watch': {
      const group = getGroup(request.group);
      const seen = group.sockets.map(() => new Set<string>());
      group.watch = { tag: request.tag, events: request.events, seen, complete: 0, delivered: 0 };
      return { rid: request.rid, op: 'ok' };
    }
    case 'sync':
      return {
        rid: request.rid,
        op: 'synced',
        ...(await replay(getGroup(request.group), request.since)),
      };
    case 'incidents':
      return { rid: request.rid, op: 'delivered', ...(await postIncidents(request)) };
  }
}

process.on('message', (request: Request) => {
  handle(request)
    .then(send)
    .catch((e: unknown) =>
      send({ rid: request.rid, op: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
});
// the bench ends this process by closing the IPC channel
process.on('disconnect', () => {
  for (const group of groups.values()) for (const socket of group.sockets) socket.disconnect();
  process.exit(0);
});
