import { JobHandlers } from './job-handlers';
import { JOBS } from './jobs';

describe('JobHandlers', () => {
  it('lists every declared job that has no handler', () => {
    const handlers = new JobHandlers();
    expect(handlers.missing()).toEqual(Object.keys(JOBS));
    handlers.register('system.heartbeat', () => Promise.resolve());
    expect(handlers.missing()).toEqual(['tasks.overdue-scan']);
    handlers.register('tasks.overdue-scan', () => Promise.resolve());
    expect(handlers.missing()).toEqual([]);
  });

  it('refuses a second handler for the same job', () => {
    const handlers = new JobHandlers();
    handlers.register('system.heartbeat', () => Promise.resolve());
    expect(() => handlers.register('system.heartbeat', () => Promise.resolve())).toThrow('two handlers');
  });
});
