import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { createApp } from '../../server/src/app.factory';
import { AppConfig, parseConfig } from '../../server/src/config/config';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/src/contracts/realtime';
import type { Role } from '../../server/src/contracts/roles';
import { UsersService } from '../../server/src/users/users.service';
import { databaseUrl, dropRedisPrefix, templateDb, TEST_PG_URL, TEST_REDIS_URL } from './env';

export const TEST_PASSWORD = 'correct-horse-battery-63';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A database of its own for one test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vigie_t_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`);
  await admin.end();
  return {
    url: databaseUrl(name),
    drop: async () => {
      const c = new Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Configuration for one test file: its own database and Redis key prefix. */
export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  const raw = parseConfig({});
  return {
    ...raw,
    NODE_ENV: 'test',
    PORT: 0,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `vigie_t_${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    VIGIE_DEMO: false,
    VIGIE_DEMO_PASSWORD: TEST_PASSWORD,
    VIGIE_INLINE_WORKER: false,
    SERVE_CLIENT: false,
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: false,
    LOGIN_RATE_LIMIT: 1000,
    ...overrides,
  };
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  http: ReturnType<typeof request>;
  /**
   * Creates a user with TEST_PASSWORD and returns a bearer token for it (`displayName` defaults
   * to « Test <roles> »).
   */
  userWithToken(
    roles: Role[],
    extra?: { serviceId?: string; displayName?: string },
  ): Promise<{ id: string; email: string; token: string }>;
  login(email: string, password?: string): Promise<string>;
  socket(token: string | undefined, options?: { autoConnect?: boolean }): TestSocket;
  close(): Promise<void>;
}

export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, overrides);
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): { port: number } }).address();
  const url = `http://127.0.0.1:${address.port}`;
  const sockets: TestSocket[] = [];
  const http = request(url);
  const login = async (email: string, password = TEST_PASSWORD) => {
    const res = await http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { accessToken: string }).accessToken;
  };
  const testApp: TestApp = {
    app,
    config,
    url,
    http,
    login,
    async userWithToken(roles, extra = {}) {
      const email = `${roles.join('-')}-${randomBytes(3).toString('hex')}@test.vigie`;
      // testApp.app: the app running now (startAgain swaps it)
      const user = await testApp.app.get(UsersService).create({
        email,
        displayName: extra.displayName ?? `Test ${roles.join(' ')}`,
        password: TEST_PASSWORD,
        roles,
        serviceId: extra.serviceId ?? null,
      });
      return { id: user.id, email, token: await login(email) };
    },
    socket(token, options = {}) {
      const socket: TestSocket = io(url, {
        transports: ['websocket'],
        auth: token === undefined ? {} : { token },
        reconnection: false,
        forceNew: true,
        autoConnect: options.autoConnect ?? true,
      });
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      if (!stoppedApps.has(testApp.app)) await testApp.app.close();
      await db.drop();
      await dropRedisPrefix(config.REDIS_PREFIX);
    },
  };
  return testApp;
}

/** Apps stopped by stopTestApp: close() must not close them again. */
const stoppedApps = new WeakSet<INestApplication>();

/** The port `t` listens on (restarts keep it). */
const portOf = (t: TestApp) => Number(new URL(t.url).port);

/**
 * Stops the Nest app of `t` (HTTP and Socket.IO: its clients lose the connection), keeping the
 * database and the Redis prefix. Bring it back with startAgain(); close() still cleans up.
 */
export async function stopTestApp(t: TestApp): Promise<void> {
  if (stoppedApps.has(t.app)) return;
  stoppedApps.add(t.app);
  await t.app.close();
}

/**
 * Starts a new Nest app on the same port, database and configuration (so the same JWT secret:
 * tokens and refresh cookies issued before stay valid) and makes it `t.app`. Stops the current
 * one first if it still runs.
 */
export async function startAgain(t: TestApp): Promise<void> {
  await stopTestApp(t);
  const app = await createApp(t.config);
  try {
    await app.listen(portOf(t), '127.0.0.1');
  } catch (e) {
    await app.close().catch(() => undefined);
    throw e;
  }
  t.app = app;
}

/** stopTestApp then startAgain: a server restart on the same port, database and config. */
export async function restartOnSamePort(t: TestApp): Promise<void> {
  await stopTestApp(t);
  await startAgain(t);
}

/** Resolves with the first `event` payload on the socket (rejects after the timeout). */
export function nextEvent<T>(socket: TestSocket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as Socket).once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}
