import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { startLocalRedis } from '../server/src/infra/local-redis';
import { dropRedisPrefix } from './support/env';
import { freePort, startNode, waitHealthy } from './support/processes';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The zero-setup start: no DATABASE_URL, no REDIS_URL. The console runs the embedded
 * PostgreSQL with its data under the data directory, seeds the demo, keeps data across
 * restarts and leaves no postgres behind when stopped.
 */
describe('start with embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-start-'));
  chmodSync(dataDir, 0o755);
  const prefix = `vigie_s_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropRedisPrefix(prefix);
  });

  const start = async () => {
    const port = await freePort();
    const proc = startNode('main.js', { PORT: String(port), VIGIE_DATA_DIR: dataDir, REDIS_PREFIX: prefix, COOKIE_SECURE: '0' });
    const url = `http://127.0.0.1:${port}`;
    return { proc, url, health: await waitHealthy(url, proc, 90_000) };
  };
  const login = (url: string, email: string, password: string) =>
    fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('starts healthy, serves the demo, survives a restart and stops its database', async () => {
    const first = await start();
    expect(first.health).toMatchObject({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    const { demoPassword } = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { demoPassword: string };
    expect(first.proc.output()).toContain(`Mot de passe : ${demoPassword}`);
    const res = await login(first.url, 'admin@vigie.test', demoPassword);
    expect(res.status).toBe(200);
    const { accessToken } = (await res.json()) as { accessToken: string };
    const created = await fetch(`${first.url}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ email: 'persist@vigie.test', displayName: 'Persistant', password: 'survives-restarts', roles: ['viewer'] }),
    });
    expect(created.status).toBe(201);
    const communes = await fetch(`${first.url}/api/reference/communes`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(((await communes.json()) as unknown[]).length).toBe(463);

    const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(postmaster)).toBe(true);
    expect(await first.proc.stop()).toBe(0);
    expect(alive(postmaster)).toBe(false);

    const second = await start();
    expect((await login(second.url, 'persist@vigie.test', 'survives-restarts')).status).toBe(200);
    expect(await second.proc.stop()).toBe(0);
    const leftovers = execFileSync('ps', ['-eo', 'args']).toString().split('\n').filter((l) => l.includes(dataDir));
    expect(leftovers).toEqual([]);
  }, 180_000);

  it('starts a private redis-server when none answers on the usual port', async () => {
    const closed = await freePort();
    const redis = await startLocalRedis(join(dataDir, 'r'), () => undefined, { host: '127.0.0.1', port: closed });
    try {
      expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(redis.url).not.toBe(`redis://127.0.0.1:${closed}`);
      const client = new Redis(redis.url);
      expect(await client.ping()).toBe('PONG');
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      client.disconnect();
    } finally {
      await redis.stop();
    }
  });
});
