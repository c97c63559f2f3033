import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JOBS } from './jobs';

/** A repeatable job: upserted when workers start, and again periodically (a Redis flush loses schedulers). */
export interface ScheduledJob {
  id: string;
  name: JobName;
  everyMs: number;
}

/** Feature modules register one handler per job name; the worker dispatches through it. */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly scheduled = new Map<string, ScheduledJob>();
  private readonly startHooks: (() => Promise<unknown>)[] = [];

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

  /** Runs `name` every `everyMs` wherever workers run (one run per period in the cluster). */
  every(id: string, name: JobName, everyMs: number): void {
    this.scheduled.set(id, { id, name, everyMs });
  }

  schedules(): ScheduledJob[] {
    return [...this.scheduled.values()];
  }

  /** Called once the workers of this process are running (e.g. a first reconciliation). */
  onWorkersStarted(hook: () => Promise<unknown>): void {
    this.startHooks.push(hook);
  }

  workersStarted(): (() => Promise<unknown>)[] {
    return [...this.startHooks];
  }
}
