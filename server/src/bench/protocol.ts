/**
 * IPC between the bench (server side) and its console process (socket.io clients). Times
 * cross the process boundary as `process.hrtime.bigint()` strings: both processes read the
 * same CLOCK_MONOTONIC on Linux, so they can be subtracted.
 */

/** The event every scenario sends; its `id` names the run and the event (`<tag>-<k>`). */
export const BENCH_EVENT = 'user.updated';

/** The crisis-core scenario's event: the consoles match each incident by its title. */
export const INCIDENT_EVENT = 'incident.created';

/**
 * `echo`: every received event is reported at once (latency). `count`: events whose id
 * starts with a watched tag are counted over the group; one report when all have arrived.
 * `incident`: the sockets listen to `incident.created`; the console process itself posts the
 * incidents over HTTP (op `incidents`) and times each from its request to each socket's
 * reception, so both ends of the measure read one clock in one process.
 */
export type GroupMode = 'echo' | 'count' | 'incident';

export type Request =
  | {
      rid: number;
      op: 'connect';
      group: string;
      url: string;
      token?: string;
      n: number;
      mode: GroupMode;
    }
  | { rid: number; op: 'close'; group: string }
  | { rid: number; op: 'watch'; group: string; tag: string; events: number }
  | { rid: number; op: 'sync'; group: string; since: number }
  | {
      rid: number;
      op: 'incidents';
      group: string;
      /** Full URL of the create endpoint (Vigie's or the bare server's). */
      url: string;
      token: string;
      /** The request body; each incident's `title` is `<tag>-<k>` and added here. */
      body: Record<string, unknown>;
      tag: string;
      count: number;
      /** Per incident: the whole group must have it within this time. */
      timeoutMs: number;
    };

export type Reply =
  | { rid: number; op: 'ok' }
  | { rid: number; op: 'synced'; ms: number; events: number; pages: number }
  | {
      rid: number;
      op: 'delivered';
      /** ms from sending the request to each socket's reception, every (incident × socket). */
      latencies: number[];
      /** ms from sending each request to the end of its response. */
      http: number[];
      /** Size of the JSON payload a socket received (the last incident's). */
      bytes: number;
    }
  | { rid: number; op: 'error'; message: string };

export type Report =
  | { op: 'recv'; id: string; t: string }
  | { op: 'drained'; tag: string; t: string; delivered: number };

export type ChildMessage = Reply | Report;

export function isReply(m: ChildMessage): m is Reply {
  return 'rid' in m;
}
