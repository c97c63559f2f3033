/**
 * The bench's world: a scratch database and Redis prefix of its own, the Vigie app on a free
 * port, a raw `pg` pool on the same database, and a bare socket.io server (same version,
 * options and Redis adapter) with a minimal `http` create-incident handler as baseline.
 * Everything is torn down in reverse order, also when a step fails.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Client, Pool } from 'pg';
import { Server } from 'socket.io';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import type { AuthUser } from '../common/auth-user';
import { type AppConfig, parseConfig } from '../config/config';
import { runMigrations } from '../database/migrate';
import { TransactionRunner } from '../database/transaction';
import { createRedis } from '../infra/redis.module';
import { OutboxRelay } from '../realtime/outbox-relay';
import { UsersService } from '../users/users.service';

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** Rows the write scenarios update: one per concurrent writer, so only the outbox contends. */
export const BENCH_ROWS = 8;

export interface BenchEnv {
  app: INestApplication;
  config: AppConfig;
  url: string;
  /** A `viewer` (crisis reader): every console logs in with it. */
  token: string;
  /** A `cod_operator`: creates the crisis and the incidents, and writes the main courante. */
  cod: { token: string; user: AuthUser };
  /** Plain `pg` pool on the bench database, the app pool's size: the raw-SQL baselines. */
  raw: Pool;
  dataSource: DataSource;
  runner: TransactionRunner;
  bare: { io: Server; url: string };
  versions: { postgres: string; redis: string };
}

type Step = () => Promise<unknown>;

/** Builds the environment, runs `work` in it and always tears it down. */
export async function withBenchEnv<T>(work: (env: BenchEnv) => Promise<T>): Promise<T> {
  const undo: { name: string; step: Step }[] = [];
  try {
    return await work(await setUp((name, step) => undo.push({ name, step })));
  } finally {
    // A stray rejection while things close (see drainRelay) must not stop the cleanup.
    const stray = (e: unknown) =>
      process.stderr.write(`warning: unhandled rejection during teardown: ${String(e)}\n`);
    process.on('unhandledRejection', stray);
    for (const { name, step } of undo.reverse()) {
      await step().catch((e: unknown) =>
        process.stderr.write(`cleanup (${name}) failed: ${String(e)}\n`),
      );
    }
    process.off('unhandledRejection', stray);
  }
}

/**
 * Lets the relay publish what is pending before the app closes: Nest disposes the Socket.IO
 * adapter (and its Redis publisher) before the relay's onApplicationShutdown, so a flush still
 * running then publishes on a closed connection. Two calls: the first may only join a flush
 * in progress, which then starts another one.
 */
async function drainRelay(app: INestApplication): Promise<void> {
  const relay = app.get(OutboxRelay);
  await relay.wake();
  await relay.wake();
}

async function setUp(onTearDown: (name: string, step: Step) => void): Promise<BenchEnv> {
  const raw = parseConfig();
  const adminUrl = raw.DATABASE_URL ?? DEFAULT_PG_URL;
  const redisUrl = raw.REDIS_URL ?? DEFAULT_REDIS_URL;
  const suffix = randomBytes(4).toString('hex');
  const prefix = `vigie_bench_${suffix}`;

  const dbName = `vigie_bench_${suffix}`;
  const postgres = await admin(adminUrl, async (c) => {
    await c.query(`CREATE DATABASE ${dbName}`);
    return ((await c.query('SHOW server_version')).rows as [{ server_version: string }])[0]
      .server_version;
  });
  onTearDown('database', () =>
    admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)),
  );
  onTearDown('redis keys', () => dropRedisPrefix(redisUrl, prefix));
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  await runMigrations(dbUrl.toString());

  const config: AppConfig = {
    ...raw,
    NODE_ENV: 'test',
    PORT: 0,
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    VIGIE_DEMO: false,
    VIGIE_DEMO_PASSWORD: randomBytes(12).toString('hex'),
    VIGIE_INLINE_WORKER: false,
    SERVE_CLIENT: false,
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: false,
    LOGIN_RATE_LIMIT: 1000,
  };
  const app = await createApp(config);
  onTearDown('app', () => drainRelay(app).finally(() => app.close()));
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer() as { address(): AddressInfo }).address().port}`;

  const dataSource = app.get(DataSource);
  await dataSource.query(
    'CREATE TABLE bench_row (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0)',
  );
  await dataSource.query('INSERT INTO bench_row (id) SELECT generate_series(1, $1::int)', [
    BENCH_ROWS,
  ]);

  // scratch tables of the crisis-core baselines: an incident document, a main courante line
  await dataSource.query('CREATE TABLE bench_incident (id uuid PRIMARY KEY, body jsonb NOT NULL)');
  await dataSource.query(
    `CREATE TABLE bench_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, text text NOT NULL,
       recorded_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );

  const password = randomBytes(16).toString('hex');
  const users = app.get(UsersService);
  const email = 'bench@vigie.test';
  await users.create({ email, displayName: 'Bench', password, roles: ['viewer'], serviceId: null });
  const token = await login(url, email, password);
  const codEmail = 'bench-cod@vigie.test';
  const codUser = await users.create({
    email: codEmail,
    displayName: 'Bench COD',
    password,
    roles: ['cod_operator'],
    serviceId: null,
  });
  const cod = {
    token: await login(url, codEmail, password),
    user: {
      id: codUser.id,
      email: codUser.email,
      displayName: codUser.displayName,
      roles: codUser.roles,
      serviceId: codUser.serviceId,
    },
  };

  const rawPool = new Pool({
    connectionString: config.DATABASE_URL,
    max: 10,
    application_name: 'vigie-bench-raw',
  });
  rawPool.on('error', () => undefined);
  onTearDown('raw pool', () => rawPool.end());

  const bare = await bareServer(redisUrl, `${prefix}:bare:socket.io`, rawPool, onTearDown);
  const redis = new Redis(redisUrl, { connectionName: 'vigie-bench', maxRetriesPerRequest: 2 });
  const info = await redis.info('server').finally(() => redis.disconnect());
  const versions = { postgres, redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?' };

  return {
    app,
    config,
    url,
    token,
    cod,
    raw: rawPool,
    dataSource,
    runner: app.get(TransactionRunner),
    bare,
    versions,
  };
}

/**
 * Baseline server: plain socket.io on its own port, WebSocket only, the same Redis adapter
 * (its own channel key), every client in room `all`. No Nest, no auth, no outbox. Its HTTP
 * side answers `POST /api/incidents` (see bareCreateIncident) and nothing else.
 */
async function bareServer(
  redisUrl: string,
  key: string,
  raw: Pool,
  onTearDown: (name: string, step: Step) => void,
): Promise<{ io: Server; url: string }> {
  const pub = createRedis(redisUrl, { name: 'vigie-bench-bare-pub', forBullmq: true });
  const sub = pub.duplicate({ connectionName: 'vigie-bench-bare-sub' });
  for (const c of [pub, sub]) c.on('error', () => undefined);
  onTearDown('bare redis', () => Promise.allSettled([pub.quit(), sub.quit()]));
  // engine.io keeps this listener for whatever is not a socket.io request
  const http = createServer((req, res) => {
    bareCreateIncident(raw, io, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  });
  const io = new Server(http, { transports: ['websocket'], serveClient: false });
  io.adapter(createAdapter(pub, sub, { key }));
  io.on('connection', (socket) => void socket.join('all'));
  onTearDown('bare server', () => io.close());
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

interface BareIncidentInput {
  crisisId: string;
  title: string;
  kind: string;
  severity: string;
  location: { type: string; coordinates: unknown };
}

let bareIncidentSeq = 0;
const BARE_AUTHOR = randomUUID();

/**
 * What a design without Nest, validation, auth or outbox would do: parse the JSON body, one
 * autocommit INSERT through the raw pool, answer 201 with the incident, then `io.emit` a
 * payload shaped (and sized) like Vigie's `incident.created` (the incident, `seq`, `at`).
 * Response first, as in Vigie, where the relay emits only after its own read of the outbox:
 * so on both sides the response is not queued behind the consoles' frames.
 */
async function bareCreateIncident(
  raw: Pool,
  io: Server,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/api/incidents') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BareIncidentInput;
  const now = new Date().toISOString();
  const incident = {
    id: randomUUID(),
    crisisId: input.crisisId,
    title: input.title,
    kind: input.kind,
    severity: input.severity,
    status: 'signale',
    location: input.location,
    // what Vigie resolves here: the bench database has no commune reference loaded
    communeInsee: null,
    communeName: null,
    description: null,
    counters: {},
    exercise: false,
    version: 1,
    createdBy: BARE_AUTHOR,
    createdAt: now,
    updatedAt: now,
  };
  await raw.query('INSERT INTO bench_incident (id, body) VALUES ($1, $2)', [
    incident.id,
    JSON.stringify(incident),
  ]);
  const body = JSON.stringify(incident);
  res
    .writeHead(201, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    })
    .end(body);
  io.emit('incident.created', { ...incident, seq: ++bareIncidentSeq, at: now });
}

async function admin<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'vigie-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function dropRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { connectionName: 'vigie-bench-cleanup', maxRetriesPerRequest: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
