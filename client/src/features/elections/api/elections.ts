import type {
  BureauDto,
  BureauResultDto,
  CandidatureDto,
  CreateScrutinRequest,
  ElectionTotals,
  NuanceDto,
  ResultEntry,
  ScrutinSummary,
  TurnoutLevel,
  TurnoutReport,
} from '@contracts/elections';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { api, refreshSession } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';
import { electionKeys } from './keys';

export interface ScrutinDetail extends ScrutinSummary {
  bureaux: BureauDto[];
  candidatures: CandidatureDto[];
  deadline: { at: string; text: string; toConfirm: boolean; legalRef: string } | null;
  nuances: NuanceDto[];
}
export type TotalsWithSeq = ElectionTotals & { seq: number };

const base = (id: string) => `/api/elections/scrutins/${encodeURIComponent(id)}`;

export function useScrutins() {
  return useQuery({
    queryKey: electionKeys.scrutins,
    queryFn: ({ signal }) => api.get<ScrutinSummary[]>('/api/elections/scrutins', { signal }),
  });
}

export function useScrutin(id: string) {
  return useQuery({
    queryKey: electionKeys.scrutin(id),
    queryFn: ({ signal }) => api.get<ScrutinDetail>(base(id), { signal }),
  });
}

export function useTotals(id: string) {
  return useQuery({
    queryKey: electionKeys.totals(id),
    queryFn: ({ signal }) => api.get<TotalsWithSeq>(`${base(id)}/totals`, { signal }),
    // the socket pushes every change
    staleTime: 60_000,
  });
}

export function useResults(id: string) {
  return useQuery({
    queryKey: electionKeys.results(id),
    queryFn: ({ signal }) => api.get<BureauResultDto[]>(`${base(id)}/results`, { signal }),
  });
}

export function useTurnout(id: string, level: TurnoutLevel) {
  return useQuery({
    queryKey: electionKeys.turnout(id, level),
    queryFn: ({ signal }) =>
      api.get<TurnoutReport>(`${base(id)}/turnout?level=${level}`, { signal }),
  });
}

export type CommuneShapes = FeatureCollection<
  Polygon | MultiPolygon,
  { code: string; nom: string }
>;

export function useCommuneShapes() {
  return useQuery({
    queryKey: electionKeys.communes,
    queryFn: ({ signal }) => api.get<CommuneShapes>('/api/reference/layers/communes', { signal }),
    staleTime: Infinity,
  });
}

function useInvalidating<V, R>(id: string, fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: electionKeys.scrutin(id) });
      void queryClient.invalidateQueries({ queryKey: electionKeys.results(id) });
    },
  });
}

export function useCreateScrutin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateScrutinRequest) =>
      api.post<ScrutinSummary>('/api/elections/scrutins', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: electionKeys.scrutins }),
  });
}

export function useEnterResult(id: string) {
  return useInvalidating(
    id,
    ({
      bureauId,
      entry,
    }: {
      bureauId: string;
      entry: Omit<ResultEntry, 'source'> & { source?: ResultEntry['source'] };
    }) => api.put<BureauResultDto>(`${base(id)}/bureaux/${bureauId}/results`, entry),
  );
}

export function useResultAction(id: string) {
  return useInvalidating(
    id,
    ({
      bureauId,
      action,
      note,
    }: {
      bureauId: string;
      action: 'validate' | 'callback' | 'error';
      note?: string;
    }) =>
      api.post<BureauResultDto>(
        `${base(id)}/bureaux/${bureauId}/results/${action}`,
        note ? { note } : {},
      ),
  );
}

export function useEnterTurnout(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      bureauId,
      slot,
      votants,
    }: {
      bureauId: string;
      slot: string;
      votants: number;
    }) =>
      api.put<{ warnings: string[] }>(`${base(id)}/bureaux/${bureauId}/turnout`, { slot, votants }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['election', 'turnout', id] }),
  });
}

export function useImportBureaux(id: string) {
  return useInvalidating(id, (body: { csv: string; onlyValid?: boolean }) =>
    api.post<{ created: number; updated: number; skipped: { path: string; message: string }[] }>(
      `${base(id)}/bureaux/import`,
      body,
    ),
  );
}

export function useImportResults(id: string) {
  return useInvalidating(id, (body: { csv: string; onlyValid?: boolean }) =>
    api.post<{ imported: number; flagged: number; skipped: { path: string; message: string }[] }>(
      `${base(id)}/import`,
      body,
    ),
  );
}

export function useCandidatureAction(id: string) {
  return useInvalidating(
    id,
    ({
      candidatureId,
      action,
      motive,
    }: {
      candidatureId: string;
      action: 'register' | 'refuse' | 'withdraw';
      motive?: string;
    }) =>
      api.post<CandidatureDto>(
        `${base(id)}/candidatures/${candidatureId}/${action}`,
        motive ? { motive } : {},
      ),
  );
}

/** Downloads a file with the bearer token (a plain link could not send it). */
export async function download(path: string, fallbackName: string): Promise<void> {
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
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `HTTP ${response.status}`);
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const electionPaths = {
  receipt: (id: string, candidatureId: string, kind: 'provisoire' | 'definitif') =>
    `${base(id)}/candidatures/${candidatureId}/receipt?kind=${kind}`,
  export: (id: string) => `${base(id)}/export`,
  bureauxExport: (id: string) => `${base(id)}/bureaux/export`,
};
