import type {
  AdministrativeAct,
  Communique,
  CommuniqueAction,
  CommuniqueDiff,
  CommuniqueInput,
  CommuniqueListItem,
  CommuniqueReportRow,
  PressContact,
  PressImportResult,
  PressList,
  PressRequest,
  RaaIssue,
  Visit,
  VisitListItem,
} from '@contracts/press';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { actInputSchema, communiqueInputSchema, pressContactInputSchema, pressRequestInputSchema, pressRequestUpdateSchema, visitInputSchema } from '@contracts/press';
import { api, refreshSession } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';

export const pressKeys = {
  all: ['press'] as const,
  communiques: ['press', 'communiques'] as const,
  communique: (id: string) => ['press', 'communiques', id] as const,
  diff: (id: string, from: number, to: number) => ['press', 'communiques', id, 'diff', from, to] as const,
  contacts: ['press', 'contacts'] as const,
  lists: ['press', 'lists'] as const,
  requests: ['press', 'requests'] as const,
  visits: ['press', 'visits'] as const,
  visit: (id: string) => ['press', 'visits', id] as const,
  acts: ['press', 'acts'] as const,
  issues: ['press', 'raa'] as const,
};

function useInvalidate() {
  const client = useQueryClient();
  return (key: readonly unknown[]) => client.invalidateQueries({ queryKey: key });
}

// ------------------------------------------------------------------------------ communiqués
export const useCommuniques = () =>
  useQuery({ queryKey: pressKeys.communiques, queryFn: ({ signal }) => api.get<CommuniqueListItem[]>('/api/press/communiques', { signal }) });

export const useCommuniqueReport = (year: number) =>
  useQuery({ queryKey: ['press', 'communiques', 'report', year], queryFn: ({ signal }) => api.get<CommuniqueReportRow[]>(`/api/press/communiques/report?year=${year}`, { signal }) });

/** Open crises a communiqué may be linked to (the press reads the crisis picture; others get none). */
export const useOpenCrises = () =>
  useQuery({
    queryKey: ['press', 'crises'],
    queryFn: async ({ signal }) => {
      const res = await api.get<{ data: { id: string; title: string; status: string; exercise: boolean }[] }>('/api/crises', { signal });
      return res.data.filter((c) => c.status === 'open');
    },
    retry: false,
  });

export const useCommunique = (id: string) =>
  useQuery({ queryKey: pressKeys.communique(id), queryFn: ({ signal }) => api.get<Communique>(`/api/press/communiques/${id}`, { signal }) });

export function useSaveCommunique(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof communiqueInputSchema> & { version?: number }) =>
      id ? api.patch<Communique>(`/api/press/communiques/${id}`, body) : api.post<Communique>('/api/press/communiques', body as CommuniqueInput),
    onSuccess: () => invalidate(pressKeys.communiques),
  });
}

export function useCommuniqueAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { action: CommuniqueAction; note?: string }) => api.post<Communique>(`/api/press/communiques/${id}/actions`, body),
    onSuccess: () => invalidate(pressKeys.communiques),
  });
}

export const useDiff = (id: string, from: number, to: number, enabled: boolean) =>
  useQuery({
    queryKey: pressKeys.diff(id, from, to),
    queryFn: ({ signal }) => api.get<CommuniqueDiff>(`/api/press/communiques/${id}/diff?from=${from}&to=${to}`, { signal }),
    enabled,
  });

// ---------------------------------------------------------------------------------- contacts
export const usePressContacts = () =>
  useQuery({ queryKey: pressKeys.contacts, queryFn: ({ signal }) => api.get<PressContact[]>('/api/press/contacts', { signal }) });

export const usePressLists = () =>
  useQuery({ queryKey: pressKeys.lists, queryFn: ({ signal }) => api.get<PressList[]>('/api/press/lists', { signal }) });

export function useSavePressContact(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof pressContactInputSchema>) =>
      id ? api.put<PressContact>(`/api/press/contacts/${id}`, body) : api.post<PressContact>('/api/press/contacts', body),
    onSuccess: () => invalidate(pressKeys.contacts),
  });
}

export function useSavePressList(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { name: string; description?: string | null; contactIds: string[] }) =>
      id ? api.put<PressList>(`/api/press/lists/${id}`, body) : api.post<PressList>('/api/press/lists', body),
    onSuccess: async () => {
      await invalidate(pressKeys.lists);
      await invalidate(pressKeys.contacts);
    },
  });
}

export function useImportPressContacts() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { csv: string; onlyValid: boolean }) => api.post<PressImportResult>('/api/press/contacts/import', body),
    onSuccess: () => invalidate(pressKeys.contacts),
  });
}

// ---------------------------------------------------------------------------------- requests
export const usePressRequests = () =>
  useQuery({ queryKey: pressKeys.requests, queryFn: ({ signal }) => api.get<PressRequest[]>('/api/press/requests', { signal }) });

export function useCreatePressRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof pressRequestInputSchema>) => api.post<PressRequest>('/api/press/requests', body),
    onSuccess: () => invalidate(pressKeys.requests),
  });
}

export function useUpdatePressRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof pressRequestUpdateSchema> & { id: string }) => api.patch<PressRequest>(`/api/press/requests/${id}`, body),
    onSuccess: () => invalidate(pressKeys.requests),
  });
}

// ------------------------------------------------------------------------------------ visits
export const useVisits = () =>
  useQuery({ queryKey: pressKeys.visits, queryFn: ({ signal }) => api.get<VisitListItem[]>('/api/press/visits', { signal }) });

export const useVisit = (id: string) =>
  useQuery({ queryKey: pressKeys.visit(id), queryFn: ({ signal }) => api.get<Visit>(`/api/press/visits/${id}`, { signal }) });

export function useSaveVisit(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof visitInputSchema>) => (id ? api.put<Visit>(`/api/press/visits/${id}`, body) : api.post<Visit>('/api/press/visits', body)),
    onSuccess: () => invalidate(pressKeys.visits),
  });
}

export function useInformOfficial(visitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, informed }: { contactId: string; informed: boolean }) =>
      api.post<Visit>(`/api/press/visits/${visitId}/officials/${contactId}`, { informed }),
    onSuccess: (visit) => client.setQueryData(pressKeys.visit(visitId), visit),
  });
}

// ------------------------------------------------------------------------------ publications
export const useActs = () => useQuery({ queryKey: pressKeys.acts, queryFn: ({ signal }) => api.get<AdministrativeAct[]>('/api/press/acts', { signal }) });
export const useIssues = () => useQuery({ queryKey: pressKeys.issues, queryFn: ({ signal }) => api.get<RaaIssue[]>('/api/press/raa', { signal }) });

export function usePublicationMutations() {
  const invalidate = useInvalidate();
  const refresh = async () => {
    await invalidate(pressKeys.acts);
    await invalidate(pressKeys.issues);
  };
  return {
    createAct: useMutation({ mutationFn: (body: z.input<typeof actInputSchema>) => api.post<AdministrativeAct>('/api/press/acts', body), onSuccess: refresh }),
    createIssue: useMutation({ mutationFn: (body: { actIds: string[]; title?: string }) => api.post<RaaIssue>('/api/press/raa', body), onSuccess: refresh }),
    publishIssue: useMutation({
      mutationFn: ({ id, publishedOn }: { id: string; publishedOn: string }) => api.post<RaaIssue>(`/api/press/raa/${id}/publish`, { publishedOn }),
      onSuccess: refresh,
    }),
    markEnforceable: useMutation({ mutationFn: (id: string) => api.post<AdministrativeAct>(`/api/press/acts/${id}/enforceable`, {}), onSuccess: refresh }),
  };
}

// --------------------------------------------------------------------------------- downloads
/** Downloads a file with the bearer token (a plain link could not send it). */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const get = (token: string | null) => fetch(path, { credentials: 'same-origin', headers: token ? { Authorization: `Bearer ${token}` } : {} });
  let response = await get(getAccessToken());
  if (response.status === 401) {
    const session = await refreshSession();
    if (session) response = await get(session.accessToken);
  }
  if (!response.ok) throw new Error(`download failed: HTTP ${response.status}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
