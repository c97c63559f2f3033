import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '../queue/job-handlers';
import { QueueService } from '../queue/queue.service';
import { DecisionsService } from './decisions.service';
import { SitrepsService } from './sitreps.service';

export const DIRECTION_SCAN_EVERY_MS = 30_000;

/**
 * One repeatable job: reminds urgent decisions left waiting and points de situation coming due.
 * The database says what is due and what was reminded, so a lost or repeated run changes nothing.
 */
@Injectable()
export class DirectionProcessor implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly queues: QueueService,
    private readonly decisions: DecisionsService,
    private readonly sitreps: SitrepsService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('direction.scan', async () => ({
      decisions: await this.decisions.remindOverdue(),
      sitreps: await this.sitreps.remindDue(),
    }));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue('system')
      .upsertJobScheduler('direction-scan', { every: DIRECTION_SCAN_EVERY_MS }, { name: 'direction.scan', data: {} });
  }
}
