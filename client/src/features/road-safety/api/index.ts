import type { ApiErrorBody } from '@contracts/auth';
import type {
  AccidentDetail,
  AccidentImportReport,
  AccidentPoint,
  AccidentSeverity,
  AccidentStats,
  CommuneSheet,
  Dgo,
  ImportMode,
} from '@contracts/road-safety';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { api, ApiError, refreshSession } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';

export const roadKeys = {
  all: ['road-safety'] as const,
  stats: (q: string) => ['road-safety', 'stats', q] as const,
  points: (q: string) => ['road-safety', 'points', q] as const,
  accident: (n: string) => ['road-safety', 'accident', n] as const,
  dgo: ['road-safety', 'dgo'] as const,
  sheet: (insee: string) => ['road-safety', 'sheet', insee] as const,
  communes: ['reference', 'communes'] as const,
  outlines: ['reference', 'layers', 'communes'] as const,
};

export interface YearRange {
  from?: number;
  to?: number;
  commune?: string;
  severity?: AccidentSeverity;
}

function query(range: YearRange): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(range)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p.toString();
}

export function useStats(range: YearRange) {
  const q = query(range);
  return useQuery({
    queryKey: roadKeys.stats(q),
    queryFn: ({ signal }) =>
      api.get<AccidentStats>(`/api/road-safety/accidents/stats?${q}`, { signal }),
  });
}

export function usePoints(range: YearRange) {
  const q = query(range);
  return useQuery({
    queryKey: roadKeys.points(q),
    queryFn: ({ signal }) =>
      api.get<AccidentPoint[]>(`/api/road-safety/accidents?${q}`, { signal }),
  });
}

export function useAccident(numAcc: string | null) {
  return useQuery({
    queryKey: roadKeys.accident(numAcc ?? ''),
    queryFn: ({ signal }) =>
      api.get<AccidentDetail>(`/api/road-safety/accidents/${numAcc}`, { signal }),
    enabled: numAcc !== null,
  });
}

export function useDgos() {
  return useQuery({
    queryKey: roadKeys.dgo,
    queryFn: ({ signal }) => api.get<Dgo[]>('/api/road-safety/dgo', { signal }),
  });
}

export function useCommuneSheet(insee: string) {
  return useQuery({
    queryKey: roadKeys.sheet(insee),
    queryFn: ({ signal }) =>
      api.get<CommuneSheet>(`/api/road-safety/communes/${insee}/sheet`, { signal }),
    enabled: /^\d{5}$/.test(insee),
  });
}

export interface CommuneOption {
  insee: string;
  name: string;
  population: number;
}

export function useCommunes() {
  return useQuery({
    queryKey: roadKeys.communes,
    queryFn: ({ signal }) => api.get<CommuneOption[]>('/api/reference/communes', { signal }),
    staleTime: Infinity,
  });
}

export function useCommuneOutlines() {
  return useQuery({
    queryKey: roadKeys.outlines,
    queryFn: ({ signal }) =>
      api.get<FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string }>>(
        '/api/reference/layers/communes',
        { signal },
      ),
    staleTime: Infinity,
  });
}

async function postForm(form: FormData, token: string | null): Promise<Response> {
  try {
    return await fetch('/api/road-safety/accidents/import', {
      method: 'POST',
      body: form,
      headers: token ? { Authorization: `Bearer ${token}`, Accept: 'application/json' } : {},
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: 'network_error', message: 'Le serveur est injoignable.' });
  }
}

/** Multipart upload of the four BAAC files (the JSON client cannot send files). */
export async function uploadBaac(
  files: Record<string, File>,
  mode: ImportMode,
): Promise<AccidentImportReport> {
  const form = new FormData();
  for (const [name, file] of Object.entries(files)) form.append(name, file, file.name);
  form.append('mode', mode);
  let response = await postForm(form, getAccessToken());
  if (response.status === 401) {
    const session = await refreshSession();
    if (session) response = await postForm(form, session.accessToken);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error =
      body && typeof body === 'object' && 'code' in body && 'message' in body
        ? (body as ApiErrorBody)
        : { code: `http_${response.status}`, message: response.statusText };
    throw new ApiError(response.status, error);
  }
  return body as AccidentImportReport;
}

export function useImportBaac() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ files, mode }: { files: Record<string, File>; mode: ImportMode }) =>
      uploadBaac(files, mode),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: roadKeys.all }),
  });
}
