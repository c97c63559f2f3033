/**
 * IPC between the bench (server side) and its console process (socket.io clients). Times
 * cross the process boundary as `process.hrtime.bigint()` strings: both processes read the
 * same CLOCK_MONOTONIC on Linux, so they can be subtracted.
 */

/** The event every scenario sends; its `id` names the run and the event (`<tag>-<k>`). */
export const BENCH_EVENT = 'user.updated';

/**
 * `echo`: every received event is reported at once (latency). `count`: events whose id
 * starts with a watched tag are counted over the group; one report when all have arrived.
 */
export type GroupMode = 'echo' | 'count';

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
  | { rid: number; op: 'sync'; group: string; since: number };

export type Reply =
  | { rid: number; op: 'ok' }
  | { rid: number; op: 'synced'; ms: number; events: number; pages: number }
  | { rid: number; op: 'error'; message: string };

export type Report =
  | { op: 'recv'; id: string; t: string }
  | { op: 'drained'; tag: string; t: string; delivered: number };

export type ChildMessage = Reply | Report;

export function isReply(m: ChildMessage): m is Reply {
  return 'rid' in m;
}
