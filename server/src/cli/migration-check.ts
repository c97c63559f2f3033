/**
 * Fails (exit 1) when the entities and the migrations disagree, i.e. when
 * `migration:generate` would produce a file. Runs every migration on a scratch database.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { parseConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';

async function main(): Promise<void> {
  const base = new URL(parseConfig().DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `vigie_migcheck_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const ds = new DataSource(dataSourceOptions(url.toString(), 2));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const { upQueries } = await ds.driver.createSchemaBuilder().log();
    if (upQueries.length) {
      process.stderr.write(
        `Entities and migrations differ; run npm run migration:generate -- server/src/database/migrations/<Name>:\n` +
          upQueries.map((q) => `  ${q.query}`).join('\n') +
          '\n',
      );
      process.exitCode = 1;
    } else {
      process.stdout.write('Migrations match the entities.\n');
    }
  } finally {
    await ds.destroy().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
