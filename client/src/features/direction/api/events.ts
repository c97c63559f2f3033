/**
 * The direction overview is built from every resource: any event that changes what it shows
 * refetches it, at most once per second (one request on a weak connection for a burst).
 * Imported once for its side effect by `api/index.ts`.
 */
import type { DomainEventType } from '@contracts/realtime';
import type { QueryClient } from '@tanstack/react-query';
import { addEventListener, resourceOf } from '@/lib/realtime-events';
import { getLastEndReason, getSession, subscribeSession } from '@/lib/session';
import { clearOfflineData } from '../lib/pwa';
import { directionKeys } from './keys';

const REFRESH_MS = 1_000;
const RESOURCES = new Set(['cod', 'crisis', 'incident', 'task', 'page', 'decision', 'sitrep']);

/** Whether an event changes the overview (of the main courante, only promotions do). */
export function touchesOverview(type: DomainEventType): boolean {
  return type === 'logbook.promoted' || RESOURCES.has(resourceOf(type));
}

let pending: ReturnType<typeof setTimeout> | undefined;

addEventListener((type: DomainEventType, queryClient: QueryClient) => {
  if (!touchesOverview(type) || pending) return;
  pending = setTimeout(() => {
    pending = undefined;
    void queryClient.invalidateQueries({ queryKey: directionKeys.overview, exact: true });
  }, REFRESH_MS);
});

// a logout leaves no copy of the situation on the device
subscribeSession(() => {
  if (!getSession() && getLastEndReason() === 'logout') void clearOfflineData();
});
