import type { CreatePageRequest, Page, PageSummary } from '@contracts/paging';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { pagingKeys } from './keys';

/** What the list endpoint returns: the rows and the outbox head they were read at. */
export interface Listed<T> {
  data: T[];
  seq: number;
}

/** `GET /api/pages/:id`: the page and the outbox head it was read at. */
export type PageDetail = Page & { seq: number };

const LIST_LIMIT = 50;

export function usePages() {
  return useQuery({
    queryKey: pagingKeys.pages,
    queryFn: ({ signal }) =>
      api.get<Listed<PageSummary>>(`/api/pages?limit=${LIST_LIMIT}`, { signal }),
  });
}

export function usePage(id: string) {
  return useQuery({
    queryKey: pagingKeys.page(id),
    queryFn: ({ signal }) =>
      api.get<PageDetail>(`/api/pages/${encodeURIComponent(id)}`, { signal }),
    // the socket patches the counters and refetches the targets: no need to poll
    staleTime: 30_000,
  });
}

export interface SendPageVariables {
  body: CreatePageRequest;
  /** Kept across retries of one form, so a retried request creates one page. */
  idempotencyKey: string;
}

export function useSendPage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: SendPageVariables) =>
      api.post<{ id: string }>('/api/pages', body, {
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pagingKeys.pages, exact: true });
    },
  });
}

/** `POST /api/pages/:id/ack`: the targets it acknowledged (none when already done). */
export interface AckResult {
  pageId: string;
  targets: {
    id: string;
    name: string;
    acknowledgedAt: string | null;
    acknowledgedVia: Page['targets'][number]['acknowledgedVia'];
    acknowledgedBy: string | null;
  }[];
}

/** Acknowledges: the caller's own target(s), or `targetId` on someone's behalf. */
export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pageId, targetId }: { pageId: string; targetId?: string }) =>
      api.post<AckResult>(
        `/api/pages/${encodeURIComponent(pageId)}/ack`,
        targetId ? { targetId } : {},
      ),
    onSuccess: (result) => {
      const done = new Map(result.targets.map((t) => [t.id, t]));
      queryClient.setQueryData<PageDetail>(pagingKeys.page(result.pageId), (old) =>
        old && done.size > 0
          ? {
              ...old,
              targets: old.targets.map((t) => {
                const d = done.get(t.id);
                return d && !t.acknowledgedAt
                  ? {
                      ...t,
                      acknowledgedAt: d.acknowledgedAt,
                      acknowledgedVia: d.acknowledgedVia,
                      acknowledgedBy: d.acknowledgedBy,
                    }
                  : t;
              }),
            }
          : undefined,
      );
      // cancelled messages and the counters: from the server
      void queryClient.invalidateQueries({ queryKey: pagingKeys.page(result.pageId), exact: true });
    },
  });
}

/** `POST /api/pages/:id/repage`: a new round to every target who has not acknowledged. */
export function useRepage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pageId: string) =>
      api.post<{ id: string; targets: number }>(`/api/pages/${encodeURIComponent(pageId)}/repage`),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: pagingKeys.page(result.id), exact: true });
    },
  });
}
