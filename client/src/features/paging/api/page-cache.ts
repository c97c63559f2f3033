/**
 * Pure patches of the cached list and follow-up from a `page.updated` event. They return
 * `undefined` (TanStack Query: leave the cache alone) when there is nothing to change or the
 * cache was read after the event (its `seq` is not older).
 */
import type { PageSummary } from '@contracts/paging';
import type { Listed, PageDetail } from './pages';

/** Newest first, as the server lists them. */
function insertByDate(items: readonly PageSummary[], page: PageSummary): PageSummary[] {
  const at = items.findIndex((p) => p.createdAt < page.createdAt);
  return at === -1 ? [...items, page] : [...items.slice(0, at), page, ...items.slice(at)];
}

export function patchList(
  old: Listed<PageSummary> | undefined,
  page: PageSummary,
  seq: number,
): Listed<PageSummary> | undefined {
  if (!old || seq <= old.seq) return undefined;
  const index = old.data.findIndex((p) => p.id === page.id);
  const data =
    index === -1
      ? insertByDate(old.data, page)
      : old.data.map((p, i) => (i === index ? { ...p, ...page } : p));
  return { data, seq };
}

export function patchDetail(
  old: PageDetail | undefined,
  page: PageSummary,
  seq: number,
): PageDetail | undefined {
  if (!old || seq <= old.seq) return undefined;
  return { ...old, counts: page.counts, seq };
}
