import { resolve } from 'node:path';
import { AppConfig, ConfigError, parseConfig, RawConfig } from '../config/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startLocalRedis } from './local-redis';
import { loadOrCreateLocalSecrets } from './secrets';

export interface Infrastructure {
  config: AppConfig;
  embeddedDatabase: boolean;
  /** Stops what this process started (embedded PostgreSQL, private Redis), in reverse order. */
  stop(): Promise<void>;
}

/**
 * Resolves the database, Redis and secrets for this process: what the environment names, or
 * embedded defaults for a zero-setup start.
 */
export async function resolveInfrastructure(
  log: (message: string) => void,
  raw: RawConfig = parseConfig(),
): Promise<Infrastructure> {
  const dataDir = resolve(raw.VIGIE_DATA_DIR);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: unknown) => log(`shutdown: ${String(e)}`));
    stops.length = 0;
  };
  if (raw.NODE_ENV === 'production') {
    const problems = [];
    if (!raw.JWT_SECRET) problems.push('JWT_SECRET: required in production (every API process must share it)');
    if (raw.VIGIE_DEMO && !raw.VIGIE_DEMO_PASSWORD) problems.push('VIGIE_DEMO_PASSWORD: required in production when VIGIE_DEMO=1');
    if (problems.length) throw new ConfigError(problems);
  }
  try {
    const demo = raw.VIGIE_DEMO ?? !raw.DATABASE_URL;
    const needSecrets = !raw.JWT_SECRET || !raw.DATABASE_URL || (demo && !raw.VIGIE_DEMO_PASSWORD);
    const secrets = needSecrets ? loadOrCreateLocalSecrets(dataDir) : undefined;
    let databaseUrl = raw.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres(dataDir, secrets!.postgresPassword, log);
      stops.push(() => pg.stop());
      databaseUrl = pg.url;
    }
    let redisUrl = raw.REDIS_URL;
    if (!redisUrl) {
      const redis = await startLocalRedis(dataDir, log);
      stops.push(() => redis.stop());
      redisUrl = redis.url;
    }
    return {
      embeddedDatabase: !raw.DATABASE_URL,
      config: {
        ...raw,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        JWT_SECRET: raw.JWT_SECRET ?? secrets!.jwtSecret,
        VIGIE_DEMO: demo,
        // unused unless demo accounts are seeded
        VIGIE_DEMO_PASSWORD: raw.VIGIE_DEMO_PASSWORD ?? secrets?.demoPassword ?? '',
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
