import type {
  AnswerDecisionRequest,
  CreateDecisionRequest,
  Decision,
  DirectionOverview,
  Sitrep,
  SitrepDiff,
  SitrepSchedule,
  SitrepSection,
} from '@contracts/direction';
import type { ContactGroup } from '@contracts/paging';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';
import { directionKeys } from './keys';

export interface Listed<T> {
  data: T[];
  seq: number;
}

export function useOverview(enabled = true) {
  return useQuery({
    queryKey: directionKeys.overview,
    queryFn: ({ signal }) => api.get<DirectionOverview>('/api/direction/overview', { signal }),
    enabled,
    // the last state stays on screen when the connection drops
    retry: 1,
  });
}

export function useDecisions(crisisId: string | null, open: boolean | null, enabled = true) {
  const params = new URLSearchParams({ limit: '30' });
  if (crisisId) params.set('crisisId', crisisId);
  if (open !== null) params.set('open', String(open));
  return useQuery({
    queryKey: directionKeys.decisions(crisisId, open),
    queryFn: ({ signal }) => api.get<Listed<Decision>>(`/api/decisions?${params.toString()}`, { signal }),
    enabled,
  });
}

export function useCreateDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDecisionRequest) => api.post<Decision>('/api/decisions', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['decision'] }),
  });
}

export function useAnswerDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AnswerDecisionRequest & { id: string }) =>
      api.post<Decision>(`/api/decisions/${id}/answer`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['decision'] });
      void queryClient.invalidateQueries({ queryKey: directionKeys.overview });
    },
  });
}

export function useComplementDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      api.post<Decision>(`/api/decisions/${id}/complement`, { note }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['decision'] }),
  });
}

export function useSitreps(crisisId: string | null) {
  return useQuery({
    queryKey: directionKeys.sitreps(crisisId ?? ''),
    queryFn: ({ signal }) => api.get<Listed<Sitrep>>(`/api/crises/${crisisId ?? ''}/sitreps`, { signal }),
    enabled: crisisId !== null,
  });
}

export function useSitrep(id: string | null) {
  return useQuery({
    queryKey: directionKeys.sitrep(id ?? ''),
    queryFn: ({ signal }) => api.get<Sitrep & { diff: SitrepDiff }>(`/api/sitreps/${id ?? ''}`, { signal }),
    enabled: id !== null,
  });
}

function useSitrepMutation<V>(fn: (v: V) => Promise<Sitrep>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sitrep'] }),
  });
}

export const useGenerateSitrep = () =>
  useSitrepMutation((crisisId: string) => api.post<Sitrep>(`/api/crises/${crisisId}/sitreps`));
export const useUpdateSitrep = () =>
  useSitrepMutation(({ id, version, sections }: { id: string; version: number; sections: Partial<Record<SitrepSection, string>> }) =>
    api.put<Sitrep>(`/api/sitreps/${id}`, { version, sections }),
  );
export const useValidateSitrep = () =>
  useSitrepMutation(({ id, version }: { id: string; version: number }) =>
    api.post<Sitrep>(`/api/sitreps/${id}/validate`, { version }),
  );
export const useDiffuseSitrep = () =>
  useSitrepMutation(({ id, groupIds }: { id: string; groupIds: string[] }) =>
    api.post<Sitrep>(`/api/sitreps/${id}/diffuse`, { groupIds }),
  );

export function useSchedule(crisisId: string | null) {
  return useQuery({
    queryKey: directionKeys.schedule(crisisId ?? ''),
    queryFn: ({ signal }) => api.get<SitrepSchedule>(`/api/crises/${crisisId ?? ''}/sitrep-schedule`, { signal }),
    enabled: crisisId !== null,
  });
}

export function useSetSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ crisisId, ...body }: { crisisId: string; nextDueAt: string | null; intervalMinutes: number | null }) =>
      api.put<SitrepSchedule>(`/api/crises/${crisisId}/sitrep-schedule`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sitrep'] }),
  });
}

export function useGroups(enabled: boolean) {
  return useQuery({
    queryKey: directionKeys.groups,
    queryFn: ({ signal }) => api.get<ContactGroup[]>('/api/groups', { signal }),
    enabled,
  });
}

/** The PDF, fetched with the bearer token, then handed to the browser as a download. */
export async function downloadSitrepPdf(sitrep: Pick<Sitrep, 'id' | 'number' | 'exercise'>): Promise<void> {
  const response = await fetch(`/api/sitreps/${sitrep.id}/pdf`, {
    headers: { Authorization: `Bearer ${getAccessToken() ?? ''}` },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`PDF: ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${sitrep.exercise ? 'exercice-' : ''}point-de-situation-${String(sitrep.number).padStart(3, '0')}.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
