import type { Task } from '@contracts/crisis';

/**
 * Open tasks (neither done nor cancelled) by incident id; tasks not linked to an incident are
 * not counted (the map has nowhere to draw them).
 */
export function openTaskCounts(tasks: readonly Task[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    if (task.incidentId === null || task.status === 'done' || task.status === 'cancelled') continue;
    counts.set(task.incidentId, (counts.get(task.incidentId) ?? 0) + 1);
  }
  return counts;
}
