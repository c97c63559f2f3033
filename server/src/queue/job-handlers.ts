import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JOBS } from './jobs';

/** Feature modules register one handler per job name; the worker dispatches through it. */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} has two handlers`);
    this.handlers.set(name, handler);
  }

  get(name: string): JobHandler<JobName> | undefined {
    return this.handlers.get(name as JobName);
  }

  /** Job names declared in jobs.ts that nobody handles. */
  missing(): JobName[] {
    return (Object.keys(JOBS) as JobName[]).filter((n) => !this.handlers.has(n));
  }
}
