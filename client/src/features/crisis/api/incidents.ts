import type { Counters, Incident } from '@contracts/crisis';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';
import { crisisKeys } from './keys';
import { upsertInList, versionedReplaces, type Listed } from './list-cache';

export function useIncidents(crisisId: string | null) {
  return useQuery({
    queryKey: crisisKeys.incidents(crisisId ?? ''),
    queryFn: ({ signal }) =>
      api.get<Listed<Incident>>(`/api/incidents?crisisId=${encodeURIComponent(crisisId ?? '')}`, {
        signal,
      }),
    enabled: crisisId !== null,
  });
}

export interface IncidentFields {
  title: string;
  kind: Incident['kind'];
  severity: Incident['severity'];
  status: Incident['status'];
  location: Incident['location'];
  description?: string | null;
  counters?: Counters;
}

export type CreateIncidentRequest = IncidentFields & { crisisId: string };
export type UpdateIncidentRequest = Partial<IncidentFields> & { version: number };

/** Puts the server's answer in the list at once (the socket event then changes nothing). */
function storeIncident(queryClient: ReturnType<typeof useQueryClient>, incident: Incident) {
  queryClient.setQueryData<Listed<Incident>>(crisisKeys.incidents(incident.crisisId), (old) =>
    upsertInList(old, incident, { replaces: versionedReplaces }),
  );
}

export function useCreateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIncidentRequest) => api.post<Incident>('/api/incidents', body),
    onSuccess: (incident) => storeIncident(queryClient, incident),
  });
}

export function useUpdateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateIncidentRequest & { id: string }) =>
      api.patch<Incident>(`/api/incidents/${id}`, body),
    onSuccess: (incident) => storeIncident(queryClient, incident),
  });
}

/** Reads one incident again (after a 409) and stores it in the list. */
export function useReloadIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.get<Incident>(`/api/incidents/${id}`),
    onSuccess: (incident) => storeIncident(queryClient, incident),
  });
}

/** The current version named by a 409 `stale_version`, or null for any other error. */
export function staleVersionOf(error: unknown): number | null | undefined {
  if (!isApiError(error) || error.code !== 'stale_version') return undefined;
  for (const detail of error.details) {
    const match = /(\d+)/.exec(detail.message);
    if (detail.path === 'version' && match) return Number(match[1]);
  }
  return null;
}
