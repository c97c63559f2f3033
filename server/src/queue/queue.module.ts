import { DynamicModule, Global, Module } from '@nestjs/common';
import { HeartbeatHandler } from './heartbeat';
import { JobHandlers } from './job-handlers';
import { QueueMetrics } from './queue.metrics';
import { QueueService } from './queue.service';
import { WorkerRunner } from './worker.runner';

/** Producers everywhere; processors only where `runWorkers` (worker process, or inline). */
@Global()
@Module({})
export class QueueModule {
  static forRoot(options: { runWorkers: boolean }): DynamicModule {
    return {
      module: QueueModule,
      providers: [QueueService, JobHandlers, HeartbeatHandler, QueueMetrics, ...(options.runWorkers ? [WorkerRunner] : [])],
      exports: [QueueService, JobHandlers],
    };
  }
}
