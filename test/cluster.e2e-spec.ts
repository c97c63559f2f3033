import { io, Socket } from 'socket.io-client';
import { dropRedisPrefix, TEST_REDIS_URL } from './support/env';
import { clusterEnv, Proc, startApis, startNode } from './support/processes';
import { createTestDatabase } from './support/test-app';

/**
 * Two API processes and one worker, as in production, on one PostgreSQL and one Redis: an
 * event written through one process reaches consoles connected to either.
 */
describe('several API processes and a worker', () => {
  const procs: Proc[] = [];
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let urls: string[];
  let env: Record<string, string>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    env = clusterEnv(db.url, TEST_REDIS_URL);
    const worker = startNode('worker.js', env);
    const apis = await startApis(env, 2);
    urls = apis.urls;
    procs.push(...apis.procs, worker);
  }, 90_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all(procs.map((p) => p.stop()));
    await db.drop();
    await dropRedisPrefix(env.REDIS_PREFIX);
  });

  it('creates an account with the CLI, then carries its events from one process to consoles on both', async () => {
    const cli = startNode(
      'cli/user.js',
      { ...env, VIGIE_USER_PASSWORD: 'cluster-admin-password' },
      ['create', '--email', 'admin@cluster.test', '--name', 'Admin cluster', '--roles', 'admin'],
    );
    expect(await new Promise((r) => cli.child.once('exit', r))).toBe(0);
    expect(JSON.parse(cli.output())).toMatchObject({
      email: 'admin@cluster.test',
      roles: ['admin'],
    });

    const login = await fetch(`${urls[0]}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@cluster.test', password: 'cluster-admin-password' }),
    });
    expect(login.status).toBe(200);
    const { accessToken, user } = (await login.json()) as {
      accessToken: string;
      user: { id: string };
    };

    // one console on each process: one of them is not the relay leader, so its event
    // crossed Redis
    const received = urls.map((url) => {
      const socket = io(url, {
        transports: ['websocket'],
        auth: { token: accessToken },
        reconnection: false,
      });
      sockets.push(socket);
      return new Promise<{ seq: number; displayName: string }>((resolve, reject) => {
        socket.once('connect_error', reject);
        socket.once('user.updated', resolve);
        socket.once('connect', () => undefined);
      });
    });
    await Promise.all(
      sockets.map(
        (s) => new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r()))),
      ),
    );
    const patch = await fetch(`${urls[1]}/api/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ displayName: 'Admin renommé' }),
    });
    expect(patch.status).toBe(200);
    const events = await Promise.all(received);
    expect(events.map((e) => e.displayName)).toEqual(['Admin renommé', 'Admin renommé']);
    expect(events[0].seq).toBe(events[1].seq);
  });

  it('runs the heartbeat job in the worker process', async () => {
    const deadline = Date.now() + 15_000;
    let workers: unknown[] = [];
    while (Date.now() < deadline && workers.length === 0) {
      workers = ((await (await fetch(`${urls[0]}/api/health`)).json()) as { workers: unknown[] })
        .workers;
      if (!workers.length) await new Promise((r) => setTimeout(r, 300));
    }
    expect(workers).toEqual([
      { worker: expect.stringMatching(/:\d+$/), beatAt: expect.any(String) },
    ]);
  });

  it('shuts every process down cleanly on SIGTERM', async () => {
    const codes = await Promise.all(procs.map((p) => p.stop()));
    expect(codes).toEqual([0, 0, 0]);
  });
});
