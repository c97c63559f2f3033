import type { DomainEventType } from '@contracts/realtime';

const RESOURCES = new Set(['cod', 'crisis', 'incident', 'task', 'page', 'decision', 'sitrep']);

/** Whether an event changes what the direction overview shows (of the main courante, only promotions). */
export function touchesOverview(type: DomainEventType): boolean {
  return type === 'logbook.promoted' || RESOURCES.has(type.split('.', 1)[0] ?? type);
}
