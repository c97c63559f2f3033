import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { freePort } from './free-port';

export interface LocalRedisHandle {
  url: string;
  stop(): Promise<void>;
}

/** True when something answers PING with PONG on host:port within the timeout. */
export function redisAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => finish(data.toString().startsWith('+PONG')));
  });
}

export class RedisUnavailableError extends Error {}

/**
 * Redis for a single-machine start: the one on 127.0.0.1:6379 when it answers, otherwise a
 * private `redis-server` from PATH with its data under `<dataDir>/redis` (append-only file on,
 * so queued notifications survive a restart).
 */
export async function startLocalRedis(
  dataDir: string,
  log: (message: string) => void,
  usual = { host: '127.0.0.1', port: 6379 },
): Promise<LocalRedisHandle> {
  if (await redisAnswers(usual.host, usual.port)) {
    log(`Using the Redis server on ${usual.host}:${usual.port}`);
    return { url: `redis://${usual.host}:${usual.port}`, stop: () => Promise.resolve() };
  }
  if (spawnSync('redis-server', ['--version']).error) {
    throw new RedisUnavailableError(
      'No Redis answers on 127.0.0.1:6379 and no `redis-server` is on PATH.\n' +
        'Install one (Debian/Ubuntu: `sudo apt-get install -y redis-server`) or set REDIS_URL=redis://host:port.',
    );
  }
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '',
      '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let i = 0; i < 100; i++) {
    if (await redisAnswers('127.0.0.1', port, 200)) {
      log(`Private redis-server started on 127.0.0.1:${port} (data in ${dir})`);
      return {
        url: `redis://127.0.0.1:${port}`,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server did not start on 127.0.0.1:${port}`);
}
