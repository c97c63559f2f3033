import type { AppendLogbookRequest, LogbookEntry, LogbookVerifyResult } from '@contracts/crisis';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, refreshSession } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';
import { crisisKeys } from './keys';
import {
  contentReplaces,
  insertSortedBy,
  patchInList,
  upsertInList,
  type Listed,
} from './list-cache';

/** The server's largest page; the whole chain is read page after page (`since` = last index). */
const PAGE = 1000;

async function fetchWholeLogbook(
  crisisId: string,
  signal: AbortSignal,
): Promise<Listed<LogbookEntry>> {
  const base = `/api/crises/${crisisId}/logbook?limit=${PAGE}`;
  const first = await api.get<Listed<LogbookEntry>>(base, { signal });
  const data = first.data;
  let page = first.data;
  while (page.length === PAGE) {
    const since = data[data.length - 1]?.index ?? 0;
    page = (await api.get<Listed<LogbookEntry>>(`${base}&since=${since}`, { signal })).data;
    data.push(...page);
  }
  // The first page's head: events after it may also be in later pages (deduplicated by id).
  return { data, seq: first.seq };
}

/** The whole main courante of a crisis, in chain order (oldest first). */
export function useLogbook(crisisId: string | null) {
  return useQuery({
    queryKey: crisisKeys.logbook(crisisId ?? ''),
    queryFn: ({ signal }) => fetchWholeLogbook(crisisId ?? '', signal),
    enabled: crisisId !== null,
  });
}

export function useLogbookVerify(crisisId: string | null) {
  return useQuery({
    queryKey: crisisKeys.logbookVerify(crisisId ?? ''),
    queryFn: ({ signal }) =>
      api.get<LogbookVerifyResult>(`/api/crises/${crisisId ?? ''}/logbook/verify`, { signal }),
    enabled: crisisId !== null,
  });
}

export const insertByIndex = insertSortedBy<LogbookEntry>((e) => e.index);

export function useAppendLogbook(crisisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AppendLogbookRequest) =>
      api.post<LogbookEntry & { seq: number }>(`/api/crises/${crisisId}/logbook`, body),
    onSuccess: ({ seq: _seq, ...entry }) => {
      queryClient.setQueryData<Listed<LogbookEntry>>(crisisKeys.logbook(entry.crisisId), (old) =>
        upsertInList(old, entry, { replaces: contentReplaces, insert: insertByIndex }),
      );
    },
  });
}

export function usePromoteEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: Pick<LogbookEntry, 'id' | 'crisisId'>) =>
      api.post<{ entryId: string; crisisId: string; promotedAt: string; promotedBy: string }>(
        `/api/logbook/${entry.id}/promote`,
      ),
    onSuccess: (promotion) => {
      queryClient.setQueryData<Listed<LogbookEntry>>(
        crisisKeys.logbook(promotion.crisisId),
        (old) =>
          patchInList(old, promotion.entryId, {
            promotedAt: promotion.promotedAt,
            promotedBy: promotion.promotedBy,
          }),
      );
    },
  });
}

function filenameFrom(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads an export with the bearer token (a plain link could not send it): fetch, then save
 * the blob through a temporary object URL.
 */
export async function downloadLogbookExport(
  crisisId: string,
  format: 'csv' | 'pdf',
): Promise<void> {
  const path = `/api/crises/${crisisId}/logbook/export.${format}`;
  const get = (token: string | null) =>
    fetch(path, {
      credentials: 'same-origin',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  let response = await get(getAccessToken());
  if (response.status === 401) {
    const session = await refreshSession();
    if (session) response = await get(session.accessToken);
  }
  if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameFrom(response, `main-courante.${format}`);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
