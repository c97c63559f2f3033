import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '../queue/job-handlers';
import { QueueService } from '../queue/queue.service';
import { TasksService } from './tasks.service';

export const TASKS_OVERDUE_SCAN_EVERY_MS = 30_000;

/**
 * The overdue scan as a repeatable BullMQ job: handled wherever workers run, scheduled from
 * every process (the scheduler upsert is idempotent).
 */
@Injectable()
export class TasksOverdueProcessor implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly queues: QueueService,
    private readonly tasks: TasksService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('tasks.overdue-scan', () => this.tasks.scanOverdue());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue('system')
      .upsertJobScheduler(
        'tasks-overdue',
        { every: TASKS_OVERDUE_SCAN_EVERY_MS },
        { name: 'tasks.overdue-scan', data: {} },
      );
  }
}
