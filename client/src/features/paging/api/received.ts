/**
 * Pages received in the console (`page.received`, sent to the paged user only): kept in memory
 * for this tab, newest first, until acknowledged or dismissed. Read with `useReceivedPages`.
 */
import type { PageReceived } from '@contracts/paging';
import { useSyncExternalStore } from 'react';

export interface ReceivedPage extends PageReceived {
  receivedAt: string;
}

// duty alerts come one per non-acknowledging recipient: hundreds for a big page (grouped when shown)
const MAX_KEPT = 500;
let items: readonly ReceivedPage[] = [];
const listeners = new Set<() => void>();

function set(next: readonly ReceivedPage[]): void {
  items = next;
  for (const l of listeners) l();
}

/** A replayed event (after a reconnection) is not shown twice. */
export function addReceivedPage(page: PageReceived, at: string): void {
  if (items.some((i) => i.deliveryId === page.deliveryId)) return;
  set([{ ...page, receivedAt: at }, ...items].slice(0, MAX_KEPT));
}

/** Acknowledged or dismissed: every in-app message of that page goes. */
export function removeReceivedPage(pageId: string, kind?: ReceivedPage['kind']): void {
  set(items.filter((i) => i.pageId !== pageId || (kind !== undefined && i.kind !== kind)));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getItems = () => items;

export function useReceivedPages(): readonly ReceivedPage[] {
  return useSyncExternalStore(subscribe, getItems, getItems);
}
