import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import type { Task } from '../server/src/contracts/crisis';
import { dropRedisPrefix, TEST_REDIS_URL } from './support/env';
import { clusterEnv, Proc, startApis, startNode } from './support/processes';
import { createTestDatabase } from './support/test-app';

const PASSWORD = 'cluster-task-password';

/**
 * Two API processes on one PostgreSQL and one Redis: a task moved through one process
 * reaches the consoles on the other, and only those allowed to see it.
 */
describe('tasks across two API processes', () => {
  const procs: Proc[] = [];
  const sockets: Socket[] = [];
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let urls: string[];

  const createUser = async (email: string, roles: string, service?: string) => {
    const args = ['create', '--email', email, '--name', email.split('@')[0], '--roles', roles];
    const cli = startNode(
      'cli/user.js',
      { ...env, VIGIE_USER_PASSWORD: PASSWORD },
      service ? [...args, '--service', service] : args,
    );
    const code = await new Promise((r) => cli.child.once('exit', r));
    if (code !== 0) throw new Error(`cli user create ${email}: ${cli.output()}`);
  };
  const login = async (url: string, email: string) => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const post = async (url: string, token: string, path: string, body: object) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const console_ = async (url: string, token: string) => {
    const socket = io(url, {
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const seen: { type: string; task: Task & { seq: number } }[] = [];
    for (const type of ['task.created', 'task.updated'])
      socket.on(type, (task: Task & { seq: number }) => seen.push({ type, task }));
    return seen;
  };
  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(
      `INSERT INTO service (code, name, kind) VALUES ('T-SDIS', 'SDIS 63', 'secours'), ('T-SAMU', 'SAMU 63', 'sante')`,
    );
    await pg.end();
    env = clusterEnv(db.url, TEST_REDIS_URL);
    const apis = await startApis(env, 2);
    urls = apis.urls;
    procs.push(...apis.procs);
    await createUser('cod@cluster.test', 'cod_operator');
    await createUser('sdis@cluster.test', 'service_liaison', 'T-SDIS');
    await createUser('samu@cluster.test', 'service_liaison', 'T-SAMU');
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all(procs.map((p) => p.stop()));
    await db.drop();
    await dropRedisPrefix(env.REDIS_PREFIX);
  });

  it('carries a task acknowledged on B to a COD console on A, and not to another service', async () => {
    const [a, b] = urls;
    const codToken = await login(a, 'cod@cluster.test');
    const sdisToken = await login(b, 'sdis@cluster.test');
    const samuToken = await login(a, 'samu@cluster.test');
    const crisis = await post(a, codToken, '/api/crises', {
      title: 'Crue de la Dore',
      kind: 'inondation',
    });
    expect(crisis.status).toBe(201);
    const services = (await (
      await fetch(`${a}/api/services`, { headers: { Authorization: `Bearer ${codToken}` } })
    ).json()) as {
      id: string;
      code: string;
    }[];
    const serviceId = (code: string) => services.find((s) => s.code === code)!.id;

    const codConsole = await console_(a, codToken);
    const samuConsole = await console_(a, samuToken);
    const created = await post(a, codToken, '/api/tasks', {
      crisisId: crisis.body.id,
      serviceId: serviceId('T-SDIS'),
      title: 'Évacuation du camping des Rives',
      priority: 'urgente',
    });
    expect(created.status).toBe(201);

    const acknowledged = await post(
      b,
      sdisToken,
      `/api/tasks/${String(created.body.id)}/transitions`,
      { to: 'acknowledged' },
    );
    expect(acknowledged.status).toBe(200);
    await until(() => codConsole.some((e) => e.type === 'task.updated'), 'task.updated on A');
    const update = codConsole.find((e) => e.type === 'task.updated')!.task;
    expect(update).toMatchObject({
      id: created.body.id,
      status: 'acknowledged',
      version: 2,
      acknowledgedAt: expect.any(String),
    });
    expect(update.seq).toBeGreaterThan(codConsole[0].task.seq);

    // a SAMU task created through B reaches SAMU's console on A; SDIS's never did
    const own = await post(b, codToken, '/api/tasks', {
      crisisId: crisis.body.id,
      serviceId: serviceId('T-SAMU'),
      title: 'Renfort au PMA',
      priority: 'haute',
    });
    expect(own.status).toBe(201);
    await until(() => samuConsole.length > 0, 'task.created for SAMU on A');
    expect(samuConsole.map((e) => [e.type, e.task.id])).toEqual([['task.created', own.body.id]]);
  });
});
