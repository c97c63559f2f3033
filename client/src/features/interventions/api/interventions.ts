import type {
  CreateInterventionInput,
  CreateLetterInput,
  Intervention,
  InterventionDetail,
  InterventionStats,
  InterventionTransitionInput,
  OfficialSheet,
} from '@contracts/interventions';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { interventionKeys } from './keys';

export interface InterventionFilters {
  status?: string;
  open?: boolean;
  overdue?: boolean;
  q?: string;
}

export interface OfficialOption {
  id: string;
  name: string;
  function: string;
  title: string | null;
  communeInsee?: string | null;
  total?: number;
}

export function filtersToQuery(filters: InterventionFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.open) params.set('open', 'true');
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.q && filters.q.trim()) params.set('q', filters.q.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function useInterventions(filters: InterventionFilters) {
  return useQuery({
    queryKey: interventionKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<{ data: Intervention[]; seq: number }>(
        `/api/interventions${filtersToQuery(filters)}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useIntervention(id: string) {
  return useQuery({
    queryKey: interventionKeys.detail(id),
    queryFn: ({ signal }) => api.get<InterventionDetail>(`/api/interventions/${id}`, { signal }),
    retry: false,
  });
}

export function useInterventionStats(enabled: boolean) {
  return useQuery({
    queryKey: interventionKeys.stats,
    queryFn: ({ signal }) => api.get<InterventionStats>('/api/interventions/stats', { signal }),
    enabled,
  });
}

export function useOfficials(enabled: boolean) {
  return useQuery({
    queryKey: interventionKeys.officials,
    queryFn: ({ signal }) => api.get<OfficialOption[]>('/api/interventions/officials', { signal }),
    enabled,
  });
}

export function useOfficialSheet(id: string) {
  return useQuery({
    queryKey: interventionKeys.official(id),
    queryFn: ({ signal }) =>
      api.get<OfficialSheet>(`/api/interventions/officials/${id}`, { signal }),
    retry: false,
  });
}

export function useOfficialSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: interventionKeys.search(query),
    queryFn: ({ signal }) =>
      api.get<OfficialOption[]>(
        `/api/interventions/officials/search?q=${encodeURIComponent(query)}`,
        { signal },
      ),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useServicesDirectory() {
  return useQuery({
    queryKey: interventionKeys.services,
    queryFn: ({ signal }) =>
      api.get<{ id: string; code: string; name: string }[]>('/api/services', { signal }),
    staleTime: 300_000,
  });
}

export function useCommuneOptions() {
  return useQuery({
    queryKey: interventionKeys.communes,
    queryFn: ({ signal }) =>
      api.get<{ insee: string; name: string }[]>('/api/reference/communes', { signal }),
    staleTime: Infinity,
  });
}

export function useCreateIntervention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInterventionInput) =>
      api.post<InterventionDetail>('/api/interventions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interventionKeys.all }),
  });
}

export function useInterventionTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InterventionTransitionInput) =>
      api.post<InterventionDetail>(`/api/interventions/${id}/transitions`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(interventionKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
    },
  });
}

export function useCreateLetter(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLetterInput) =>
      api.post<InterventionDetail>(`/api/interventions/${id}/letters`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(interventionKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
    },
  });
}
