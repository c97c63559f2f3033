import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { loggerModule } from './app.module';
import { AppConfig, ConfigError } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { runMigrations } from './database/migrate';
import { RedisModule } from './infra/redis.module';
import { resolveInfrastructure } from './infra/infrastructure';
import { RedisUnavailableError } from './infra/local-redis';
import { onShutdownSignal } from './infra/shutdown';
import { QueueModule } from './queue/queue.module';
import { CrisesModule } from './crises/crises.module';
import { TasksModule } from './tasks/tasks.module';
import { PagingModule } from './paging/paging.module';
import { DirectionModule } from './direction/direction.module';
import { HonoursModule } from './honours/honours.module';
import { InterventionsModule } from './interventions/interventions.module';
import { FireRescueModule } from './fire-rescue/fire-rescue.module';

const logger = pino({ name: 'vigie-worker' });

@Module({})
class WorkerModule {
  static forRoot(config: AppConfig) {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        loggerModule(config),
        DatabaseModule,
        RedisModule,
        QueueModule.forRoot({ runWorkers: true }),
        CrisesModule,
        TasksModule,
        PagingModule,
        DirectionModule,
        HonoursModule,
        InterventionsModule,
        FireRescueModule,
      ],
    };
  }
}

/** BullMQ processors in their own process: same code base, no HTTP. */
async function main(): Promise<void> {
  const infra = await resolveInfrastructure((m) => logger.info(m));
  const applied = await runMigrations(infra.config.DATABASE_URL);
  if (applied.length) logger.info(`applied migrations: ${applied.join(', ')}`);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(infra.config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  onShutdownSignal(logger, async () => {
    await app.close();
    await infra.stop();
  });
  await app.init();
  logger.info('Vigie worker is running');
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof RedisUnavailableError) process.stderr.write(`\n${e.message}\n\n`);
  else logger.fatal({ err: e }, 'worker failed to start');
  process.exit(1);
});
