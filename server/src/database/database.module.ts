import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { OutboxNotifier } from '../realtime/outbox-notifier';
import { dataSourceOptions } from './data-source';
import { TransactionRunner } from './transaction';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.DATABASE_URL),
        retryAttempts: 3,
      }),
    }),
  ],
  providers: [TransactionRunner, OutboxNotifier],
  exports: [TransactionRunner, OutboxNotifier],
})
export class DatabaseModule {}
