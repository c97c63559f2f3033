import 'reflect-metadata';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { ConfigError } from './config/config';
import { runMigrations } from './database/migrate';
import { DemoSeeder } from './demo/demo.seeder';
import { resolveInfrastructure } from './infra/infrastructure';
import { RedisUnavailableError } from './infra/local-redis';
import { seedReferenceData } from './database/seed-reference';
import { onShutdownSignal } from './infra/shutdown';

const logger = pino({ name: 'vigie' });

async function main(): Promise<void> {
  const infra = await resolveInfrastructure((m) => logger.info(m));
  const { config } = infra;
  const started: { app?: Awaited<ReturnType<typeof createApp>> } = {};
  onShutdownSignal(logger, async () => {
    await started.app?.close();
    await infra.stop();
  });
  const applied = await runMigrations(config.DATABASE_URL);
  if (applied.length) logger.info(`applied migrations: ${applied.join(', ')}`);
  const nest = await createApp(config);
  started.app = nest;
  await nest.get(DataSource).transaction(seedReferenceData);
  if (config.VIGIE_DEMO) await nest.get(DemoSeeder).seed();
  await nest.listen(config.PORT, config.HOST);
  const url = `http://localhost:${config.PORT}`;
  logger.info(`Vigie is ready on ${url} (API docs: ${url}/api/docs)`);
  if (config.VIGIE_DEMO) {
    process.stdout.write(
      `\n  Vigie est prête : ${url}\n` +
        `  Comptes de démonstration : admin@vigie.test, directeur@vigie.test, sidpc@vigie.test,\n` +
        `  operateur@vigie.test, sdis@vigie.test, presse@vigie.test, cabinet@vigie.test, lecteur@vigie.test\n` +
        `  Mot de passe : ${config.VIGIE_DEMO_PASSWORD}\n\n`,
    );
  }
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof RedisUnavailableError) {
    process.stderr.write(`\n${e.message}\n\n`);
  } else {
    logger.fatal(e instanceof Error ? { err: e } : { e }, 'Vigie failed to start');
  }
  process.exit(1);
});
