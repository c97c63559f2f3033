import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

const MIGRATION_LOCK = 6_300_001;

/**
 * Runs pending migrations under an advisory lock, so API replicas and workers starting
 * together do not race. Returns the names of the migrations applied.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const ds = await new DataSource({ ...dataSourceOptions(databaseUrl, 2) }).initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}
