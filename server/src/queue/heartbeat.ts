import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers } from './job-handlers';
import { WORKER_ID } from './worker.runner';

/** The heartbeat job proves a worker is consuming: it stamps `worker_heartbeat`. */
@Injectable()
export class HeartbeatHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('system.heartbeat', () =>
      this.dataSource.query(
        `INSERT INTO worker_heartbeat (worker, beat_at) VALUES ($1, now())
         ON CONFLICT (worker) DO UPDATE SET beat_at = excluded.beat_at`,
        [WORKER_ID],
      ),
    );
  }
}
