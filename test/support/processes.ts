import { randomBytes } from 'node:crypto';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../server/src/infra/free-port';

export const ROOT = join(__dirname, '..', '..');

export interface Proc {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then resolves with the exit code (SIGKILL after the timeout). */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Starts a built entry point (dist/server/...) with exactly the given environment. */
export function startNode(script: string, env: Record<string, string>, args: string[] = []): Proc {
  const path = join(ROOT, 'dist', 'server', script);
  if (!existsSync(path))
    throw new Error(`${path} is missing: run npm run build first (npm test does)`);
  const child = spawn(process.execPath, [path, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    output: () => out,
    async stop(timeoutMs = 20_000) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls GET /api/health until 200 (or throws with the process output). */
export async function waitHealthy(
  url: string,
  proc: Proc,
  timeoutMs = 60_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null)
      throw new Error(`process exited (${proc.child.exitCode}):\n${proc.output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not healthy after ${timeoutMs} ms:\n${proc.output()}`);
}

export { freePort };

/** The environment of a production-like process of a test cluster (own Redis prefix). */
export function clusterEnv(databaseUrl: string, redisUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `vigie_c_${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    VIGIE_DEMO: '0',
    VIGIE_INLINE_WORKER: '0',
    SERVE_CLIENT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
}

/** Starts `count` API processes (dist/server/main.js) on free ports and waits until healthy. */
export async function startApis(
  env: Record<string, string>,
  count: number,
): Promise<{ procs: Proc[]; urls: string[] }> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await freePort());
  const urls = ports.map((p) => `http://127.0.0.1:${p}`);
  const procs = ports.map((p) => startNode('main.js', { ...env, PORT: String(p) }));
  await Promise.all(urls.map((u, i) => waitHealthy(u, procs[i])));
  return { procs, urls };
}
