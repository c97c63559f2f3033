import type {
  DossierDto,
  DossierInput,
  DossierStatus,
  DossierSummary,
  EligibilityRequest,
  EligibilityResult,
  PromotionDto,
  RuleSetDto,
} from '@contracts/honours';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, refreshSession } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';

/** Query keys, starting with the resource name. */
export const honoursKeys = {
  rules: ['honours', 'rules'] as const,
  dossiers: (filters: DossierFilters) => ['honours', 'dossiers', filters] as const,
  allDossiers: ['honours', 'dossiers'] as const,
  dossier: (id: string) => ['honours', 'dossier', id] as const,
  promotions: ['honours', 'promotions'] as const,
  promotion: (id: string) => ['honours', 'promotion', id] as const,
  communes: ['reference', 'communes'] as const,
};

export interface DossierFilters {
  distinction?: string;
  status?: string;
  q?: string;
  promotionId?: string;
}

export interface CommuneOption {
  insee: string;
  name: string;
}

const query = (filters: DossierFilters) =>
  Object.entries(filters)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&');

export function useRuleSets() {
  return useQuery({
    queryKey: honoursKeys.rules,
    queryFn: ({ signal }) => api.get<RuleSetDto[]>('/api/honours/rules', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useCommunes() {
  return useQuery({
    queryKey: honoursKeys.communes,
    queryFn: ({ signal }) => api.get<CommuneOption[]>('/api/reference/communes', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useDossiers(filters: DossierFilters) {
  return useQuery({
    queryKey: honoursKeys.dossiers(filters),
    queryFn: ({ signal }) =>
      api.get<DossierSummary[]>(`/api/honours/dossiers?${query(filters)}`, { signal }),
  });
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: honoursKeys.dossier(id),
    queryFn: ({ signal }) =>
      api.get<DossierDto>(`/api/honours/dossiers/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useEligibility() {
  return useMutation({
    mutationFn: (body: EligibilityRequest) =>
      api.post<EligibilityResult>('/api/honours/eligibility', body),
  });
}

export function useCreateDossier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DossierInput) => api.post<DossierDto>('/api/honours/dossiers', body),
    onSuccess: (dossier) => {
      queryClient.setQueryData(honoursKeys.dossier(dossier.id), dossier);
      void queryClient.invalidateQueries({ queryKey: honoursKeys.allDossiers });
      void queryClient.invalidateQueries({ queryKey: honoursKeys.promotions });
    },
  });
}

export function useTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { to: DossierStatus; note?: string }) =>
      api.post<DossierDto>(`/api/honours/dossiers/${encodeURIComponent(id)}/transitions`, body),
    onSuccess: (dossier) => {
      queryClient.setQueryData(honoursKeys.dossier(id), dossier);
      void queryClient.invalidateQueries({ queryKey: honoursKeys.allDossiers });
      void queryClient.invalidateQueries({ queryKey: ['honours', 'promotion'] });
    },
  });
}

export function usePromotions() {
  return useQuery({
    queryKey: honoursKeys.promotions,
    queryFn: ({ signal }) => api.get<PromotionDto[]>('/api/honours/promotions', { signal }),
  });
}

export function usePromotion(id: string) {
  return useQuery({
    queryKey: honoursKeys.promotion(id),
    queryFn: ({ signal }) =>
      api.get<PromotionDto>(`/api/honours/promotions/${encodeURIComponent(id)}`, { signal }),
  });
}

/** `arrete` signs the arrêté, `publish` records the RAA publication, `update` sets contingents / status. */
export function usePromotionAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      action:
        | { kind: 'arrete' }
        | { kind: 'publish' }
        | {
            kind: 'update';
            body: { status?: 'ouverte' | 'close'; contingents?: Record<string, number> };
          },
    ) =>
      action.kind === 'update'
        ? api.patch<PromotionDto>(`/api/honours/promotions/${id}`, action.body)
        : api.post<PromotionDto>(`/api/honours/promotions/${id}/${action.kind}`),
    onSuccess: (promotion) => {
      queryClient.setQueryData(honoursKeys.promotion(id), promotion);
      void queryClient.invalidateQueries({ queryKey: honoursKeys.promotions });
      void queryClient.invalidateQueries({ queryKey: honoursKeys.allDossiers });
    },
  });
}

/** Downloads a generated document with the bearer token (a plain link could not send it). */
export async function downloadFile(path: string, fallback: string): Promise<void> {
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
  if (!response.ok) throw new Error(`download failed: HTTP ${response.status}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download =
    /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
