/**
 * Pure helpers that patch a cached `{data, seq}` list with one item from a socket event.
 * They keep the other items' object identity (the map and the lists re-render only what
 * changed) and return `undefined` when there is nothing to change, which TanStack Query's
 * `setQueryData` treats as "leave the cache alone".
 */

/** What every list endpoint returns: the rows and the outbox head they were read at. */
export interface Listed<T> {
  data: T[];
  seq: number;
}

interface Identified {
  id: string;
}

/** Applies an event only when the list was read before it (`seq` of the event is newer). */
export function isNewerThanSnapshot(list: { seq: number }, eventSeq: number | undefined): boolean {
  return eventSeq === undefined || eventSeq > list.seq;
}

function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * For versioned items (incidents, tasks): an older version never replaces a newer one; the
 * same version replaces only when the content differs (e.g. a task's `overdue` flag).
 */
export function versionedReplaces<T extends { version: number }>(cached: T, incoming: T): boolean {
  if (incoming.version !== cached.version) return incoming.version > cached.version;
  return !sameContent(cached, incoming);
}

/** For items without a version: replace when the content differs. */
export function contentReplaces<T>(cached: T, incoming: T): boolean {
  return !sameContent(cached, incoming);
}

export interface UpsertOptions<T> {
  /** Whether `incoming` should replace the cached item of the same id. */
  replaces: (cached: T, incoming: T) => boolean;
  /** Where a new item goes. Default: first (lists sorted newest first). */
  insert?: (items: readonly T[], item: T) => T[];
}

export const prepend = <T>(items: readonly T[], item: T): T[] => [item, ...items];
export const append = <T>(items: readonly T[], item: T): T[] => [...items, item];

/** Inserts keeping `items` sorted by `key` ascending (e.g. main courante chain index). */
export function insertSortedBy<T>(key: (item: T) => number) {
  return (items: readonly T[], item: T): T[] => {
    const k = key(item);
    let at = items.length;
    while (at > 0 && key(items[at - 1] as T) > k) at--;
    return [...items.slice(0, at), item, ...items.slice(at)];
  };
}

/** Replaces the item of the same id or inserts it; `undefined` when the list does not change. */
export function upsertInList<T extends Identified>(
  list: Listed<T> | undefined,
  item: T,
  options: UpsertOptions<T>,
  eventSeq?: number,
): Listed<T> | undefined {
  if (!list || !isNewerThanSnapshot(list, eventSeq)) return undefined;
  const index = list.data.findIndex((existing) => existing.id === item.id);
  if (index === -1) {
    return { ...list, data: (options.insert ?? prepend)(list.data, item) };
  }
  const cached = list.data[index] as T;
  if (!options.replaces(cached, item)) return undefined;
  const data = list.data.slice();
  data[index] = item;
  return { ...list, data };
}

/** Merges a partial change into the item of that id; `undefined` when absent or unchanged. */
export function patchInList<T extends Identified>(
  list: Listed<T> | undefined,
  id: string,
  patch: Partial<T>,
  eventSeq?: number,
): Listed<T> | undefined {
  if (!list || !isNewerThanSnapshot(list, eventSeq)) return undefined;
  const index = list.data.findIndex((existing) => existing.id === id);
  if (index === -1) return undefined;
  const cached = list.data[index] as T;
  const next = { ...cached, ...patch };
  if (sameContent(cached, next)) return undefined;
  const data = list.data.slice();
  data[index] = next;
  return { ...list, data };
}

/** Removes the items matching `predicate`; `undefined` when none does. */
export function removeFromList<T>(
  list: Listed<T> | undefined,
  predicate: (item: T) => boolean,
  eventSeq?: number,
): Listed<T> | undefined {
  if (!list || !isNewerThanSnapshot(list, eventSeq)) return undefined;
  const data = list.data.filter((item) => !predicate(item));
  return data.length === list.data.length ? undefined : { ...list, data };
}
