import { describe, expect, it } from '@jest/globals';
import type { Task } from '@contracts/crisis';
import { openTaskCounts } from './tasks';

const task = (incidentId: string | null, status: Task['status']) =>
  ({ incidentId, status }) as Task;

describe('openTaskCounts', () => {
  it('counts the open tasks of each incident, skipping done, cancelled and unlinked tasks', () => {
    const counts = openTaskCounts([
      task('a', 'requested'),
      task('a', 'acknowledged'),
      task('a', 'in_progress'),
      task('a', 'done'),
      task('b', 'cancelled'),
      task(null, 'requested'),
      task('c', 'requested'),
    ]);
    expect([...counts]).toEqual([
      ['a', 3],
      ['c', 1],
    ]);
  });
});
