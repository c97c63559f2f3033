import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseUrl, templateDb, TEST_PG_URL } from './env';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { seedReferenceData } from '../../server/src/database/seed-reference';

/**
 * Migrates one template database per run (with the reference communes); each test file then
 * gets its own copy (`CREATE DATABASE ... TEMPLATE`), so files run in parallel in isolation.
 */
export default async function globalSetup(): Promise<void> {
  process.env.VIGIE_TEST_RUN ??= `${process.pid}_${randomBytes(3).toString('hex')}`;
  const TEMPLATE_DB = templateDb();
  const admin = new Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const ds = await new DataSource(dataSourceOptions(databaseUrl(TEMPLATE_DB), 2)).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await ds.transaction(seedReferenceData);
  } finally {
    await ds.destroy();
  }
}
