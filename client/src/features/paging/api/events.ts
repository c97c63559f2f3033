/**
 * How the socket's paging events reach the caches. `page.updated` (throttled by the server to
 * about one per page every 500 ms) patches the counters of the list and of an open follow-up
 * at once, then refetches the follow-up's targets at most once a second; `page.received` shows
 * the page to the paged user. Imported once for its side effects by `api/index.ts`.
 */
import type { PageSummary } from '@contracts/paging';
import type { QueryClient } from '@tanstack/react-query';
import { registerEventHandler } from '@/lib/realtime-events';
import { pagingKeys } from './keys';
import { patchDetail, patchList } from './page-cache';
import type { Listed, PageDetail } from './pages';
import { addReceivedPage } from './received';

const TARGETS_REFRESH_MS = 1_000;

/** One pending refetch per page: a burst of events costs one request. */
const pending = new Map<string, ReturnType<typeof setTimeout>>();

function refreshTargets(queryClient: QueryClient, pageId: string): void {
  if (pending.has(pageId)) return;
  pending.set(
    pageId,
    setTimeout(() => {
      pending.delete(pageId);
      void queryClient.invalidateQueries({ queryKey: pagingKeys.page(pageId), exact: true });
    }, TARGETS_REFRESH_MS),
  );
}

registerEventHandler('page.updated', (page, queryClient, { seq }) => {
  queryClient.setQueryData<Listed<PageSummary>>(pagingKeys.pages, (old) =>
    patchList(old, page, seq),
  );
  if (queryClient.getQueryData(pagingKeys.page(page.id)) === undefined) return;
  queryClient.setQueryData<PageDetail>(pagingKeys.page(page.id), (old) =>
    patchDetail(old, page, seq),
  );
  refreshTargets(queryClient, page.id);
});

registerEventHandler('page.received', (received, _queryClient, { at }) => {
  addReceivedPage(received, at);
});
