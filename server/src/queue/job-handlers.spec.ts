import { JobHandlers } from './job-handlers';
import { JOBS, JobName } from './jobs';

describe('JobHandlers', () => {
  it('lists every declared job that has no handler', () => {
    const handlers = new JobHandlers();
    const all = Object.keys(JOBS) as JobName[];
    expect(handlers.missing()).toEqual(all);
    handlers.register('system.heartbeat', () => Promise.resolve());
    expect(handlers.missing()).toEqual(all.filter((n) => n !== 'system.heartbeat'));
    for (const name of all.filter((n) => n !== 'system.heartbeat')) handlers.register(name, () => Promise.resolve());
    expect(handlers.missing()).toEqual([]);
  });

  it('refuses a second handler for the same job', () => {
    const handlers = new JobHandlers();
    handlers.register('system.heartbeat', () => Promise.resolve());
    expect(() => handlers.register('system.heartbeat', () => Promise.resolve())).toThrow('two handlers');
  });

  it('keeps one schedule per id', () => {
    const handlers = new JobHandlers();
    handlers.every('reconcile', 'paging.reconcile', 15_000);
    handlers.every('reconcile', 'paging.reconcile', 10_000);
    expect(handlers.schedules()).toEqual([{ id: 'reconcile', name: 'paging.reconcile', everyMs: 10_000 }]);
  });
});
