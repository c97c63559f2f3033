import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { GroupMode } from './protocol';
import { type ChildMessage, isReply, type Reply, type Report, type Request } from './protocol';

type Pending = { resolve(reply: Reply): void; reject(e: Error): void };
type Without<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** Drives the console process (consoles.ts): connects socket groups, waits for their reports. */
export class ConsolePool {
  private rid = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly received = new Map<string, bigint>();
  private readonly waiters = new Map<string, (t: bigint) => void>();
  private exited?: Error;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: ChildMessage) => (isReply(m) ? this.onReply(m) : this.onReport(m)));
    child.on('exit', (code, signal) => {
      this.exited = new Error(`console process exited (${signal ?? code})`);
      for (const p of this.pending.values()) p.reject(this.exited);
      this.pending.clear();
    });
  }

  static start(): ConsolePool {
    return new ConsolePool(
      fork(join(__dirname, 'consoles.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async connect(
    group: string,
    url: string,
    n: number,
    mode: GroupMode,
    token?: string,
  ): Promise<void> {
    await this.request({ op: 'connect', group, url, n, mode, token });
  }

  async close(group: string): Promise<void> {
    await this.request({ op: 'close', group });
  }

  /** Arms a `count` group: `drained(tag)` resolves once every socket got `events` events tagged `tag`. */
  async watch(group: string, tag: string, events: number): Promise<void> {
    await this.request({ op: 'watch', group, tag, events });
  }

  async sync(group: string, since: number): Promise<{ ms: number; events: number; pages: number }> {
    const reply = await this.request({ op: 'sync', group, since });
    if (reply.op !== 'synced') throw new Error(`unexpected reply ${reply.op}`);
    return reply;
  }

  /**
   * Has the console process create `count` incidents one by one through `url` and time each
   * from its request to its reception by every socket of `group` (an `incident` group).
   */
  async incidents(
    group: string,
    url: string,
    token: string,
    body: Record<string, unknown>,
    tag: string,
    count: number,
  ): Promise<{ latencies: number[]; http: number[]; bytes: number }> {
    const reply = await this.request({
      op: 'incidents',
      group,
      url,
      token,
      body,
      tag,
      count,
      timeoutMs: 10_000,
    });
    if (reply.op !== 'delivered') throw new Error(`unexpected reply ${reply.op}`);
    return reply;
  }

  /** hrtime at which the console received event `id` (echo groups) or drained tag `id` (count groups). */
  arrival(id: string, timeoutMs: number): Promise<bigint> {
    const known = this.received.get(id);
    if (known !== undefined) {
      this.received.delete(id);
      return Promise.resolve(known);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        reject(new Error(`${id}: not received by the consoles within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(id, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  }

  stop(): Promise<void> {
    if (this.exited || this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 3000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.disconnect();
    });
  }

  private request(body: Without<Request, 'rid'>): Promise<Reply> {
    if (this.exited) return Promise.reject(this.exited);
    const rid = ++this.rid;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(rid, { resolve, reject });
      this.child.send({ ...body, rid } as Request);
    }).then((reply) => {
      if (reply.op === 'error') throw new Error(`consoles: ${reply.message}`);
      return reply;
    });
  }

  private onReply(reply: Reply): void {
    const p = this.pending.get(reply.rid);
    this.pending.delete(reply.rid);
    p?.resolve(reply);
  }

  private onReport(report: Report): void {
    const id = report.op === 'recv' ? report.id : report.tag;
    const t = BigInt(report.t);
    const waiter = this.waiters.get(id);
    if (waiter) {
      this.waiters.delete(id);
      waiter(t);
    } else {
      this.received.set(id, t);
    }
  }
}
