import type {
  DomainEventMap,
  DomainEventType,
  StateEventMeta,
  SyncedEvent,
} from '@contracts/realtime';
import type { QueryClient } from '@tanstack/react-query';

/** How one domain event updates the TanStack Query cache. */
export type EventHandler<K extends DomainEventType> = (
  data: DomainEventMap[K],
  queryClient: QueryClient,
  meta: StateEventMeta,
) => void;

/** Keyed by event type; a handler's data type always matches its key (see registerEventHandler). */
const registry = new Map<DomainEventType, EventHandler<never>>();

/**
 * Features call this (once, at module load) to patch their caches from an event instead of
 * refetching. Returns a function that removes the handler.
 */
export function registerEventHandler<K extends DomainEventType>(
  type: K,
  handler: EventHandler<K>,
): () => void {
  registry.set(type, handler);
  return () => {
    if (registry.get(type) === handler) registry.delete(type);
  };
}

/** `incident.created` → `incident`: the first element of that resource's query keys. */
export function resourceOf(type: string): string {
  return type.split('.', 1)[0] ?? type;
}

function invalidateResource(type: string, queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: [resourceOf(type)] });
}

/** Told of every applied event, after its handler (views built from several resources). */
export type EventListener = (type: DomainEventType, queryClient: QueryClient) => void;
const listeners = new Set<EventListener>();

/** Adds a listener of every applied event; returns a function that removes it. */
export function addEventListener(listener: EventListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies one event: its registered handler, or by default a refetch of its resource's queries. */
export function applyEvent<K extends DomainEventType>(
  event: SyncedEvent<K>,
  queryClient: QueryClient,
): void {
  for (const listener of listeners) listener(event.type, queryClient);
  const handler = registry.get(event.type) as EventHandler<K> | undefined;
  if (!handler) {
    invalidateResource(event.type, queryClient);
    return;
  }
  try {
    handler(event.data, queryClient, { seq: event.seq, at: event.at });
  } catch (error) {
    console.error(`Realtime handler for ${event.type} failed; refetching instead.`, error);
    invalidateResource(event.type, queryClient);
  }
}
