import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { parseConfig } from '../config/config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Options shared by the application and the TypeORM CLI. Migrations only, never synchronize. */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [join(__dirname, '..', '**', '*.entity.{js,ts}')],
    migrations: [join(__dirname, 'migrations', '*.{js,ts}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: poolSize, application_name: 'vigie' },
  };
}

/**
 * For the TypeORM CLI (`npm run migration:generate -- server/src/database/migrations/Name`).
 * The CLI does not start the embedded database: it needs DATABASE_URL.
 */
export default new DataSource(
  dataSourceOptions(parseConfig().DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vigie'),
);
