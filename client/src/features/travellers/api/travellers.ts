import type {
  Aire,
  ClosureInput,
  OccupancyInput,
  GrandPassage,
  GrandPassageInput,
  MapData,
  OccupancyRow,
  SchemaSummary,
  Settlement,
  SettlementActionInput,
  SettlementInput,
  UpdateSettlementInput,
} from '@contracts/travellers';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';

const BASE = '/api/travellers';

/** Query keys, all under `travellers` so one invalidation refreshes the module. */
export const travellersKeys = {
  all: ['travellers'] as const,
  schema: ['travellers', 'schema'] as const,
  aires: ['travellers', 'aires'] as const,
  occupancy: (year: number) => ['travellers', 'occupancy', year] as const,
  passages: (year: number) => ['travellers', 'grand-passages', year] as const,
  settlements: ['travellers', 'settlements'] as const,
  settlement: (id: string) => ['travellers', 'settlements', id] as const,
  map: ['travellers', 'map'] as const,
};

export const useSchema = () =>
  useQuery({
    queryKey: travellersKeys.schema,
    queryFn: ({ signal }) => api.get<SchemaSummary>(`${BASE}/schema`, { signal }),
  });

export const useAires = () =>
  useQuery({
    queryKey: travellersKeys.aires,
    queryFn: ({ signal }) => api.get<Aire[]>(`${BASE}/aires`, { signal }),
  });

export const useOccupancy = (year: number) =>
  useQuery({
    queryKey: travellersKeys.occupancy(year),
    queryFn: ({ signal }) => api.get<OccupancyRow[]>(`${BASE}/occupancy?year=${year}`, { signal }),
  });

export const useGrandPassages = (year: number) =>
  useQuery({
    queryKey: travellersKeys.passages(year),
    queryFn: ({ signal }) =>
      api.get<GrandPassage[]>(`${BASE}/grand-passages?year=${year}`, { signal }),
  });

export const useSettlements = () =>
  useQuery({
    queryKey: travellersKeys.settlements,
    queryFn: ({ signal }) => api.get<Settlement[]>(`${BASE}/settlements`, { signal }),
  });

export const useSettlement = (id: string) =>
  useQuery({
    queryKey: travellersKeys.settlement(id),
    queryFn: ({ signal }) =>
      api.get<Settlement>(`${BASE}/settlements/${encodeURIComponent(id)}`, { signal }),
  });

export const useTravellersMap = () =>
  useQuery({
    queryKey: travellersKeys.map,
    queryFn: ({ signal }) => api.get<MapData>(`${BASE}/map`, { signal }),
  });

/** A mutation that refreshes the whole module once it succeeds. */
function useModuleMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: travellersKeys.all }),
  });
}

export const useCreatePassage = () =>
  useModuleMutation((body: GrandPassageInput) =>
    api.post<GrandPassage>(`${BASE}/grand-passages`, body),
  );

export const useSetOccupancy = () =>
  useModuleMutation(
    ({ aireId, month, body }: { aireId: string; month: string; body: OccupancyInput }) =>
      api.put<OccupancyRow>(
        `${BASE}/aires/${encodeURIComponent(aireId)}/occupancy/${encodeURIComponent(month)}`,
        body,
      ),
  );

export const useAddClosure = () =>
  useModuleMutation(({ aireId, body }: { aireId: string; body: ClosureInput }) =>
    api.post<Aire>(`${BASE}/aires/${encodeURIComponent(aireId)}/closures`, body),
  );

export const useCreateSettlement = () =>
  useModuleMutation((body: SettlementInput) => api.post<Settlement>(`${BASE}/settlements`, body));

export const useUpdateSettlement = (id: string) =>
  useModuleMutation((body: UpdateSettlementInput) =>
    api.patch<Settlement>(`${BASE}/settlements/${encodeURIComponent(id)}`, body),
  );

export const useSettlementAction = (id: string) =>
  useModuleMutation((body: SettlementActionInput) =>
    api.post<Settlement>(`${BASE}/settlements/${encodeURIComponent(id)}/actions`, body),
  );

export type SettlementDocument = 'mise-en-demeure' | 'evacuation';

/** Downloads a procedure's PDF with the bearer token and hands it to the browser. */
export function downloadDocument(id: string, kind: SettlementDocument): Promise<void> {
  return downloadPdf(
    `${BASE}/settlements/${encodeURIComponent(id)}/documents/${kind}.pdf`,
    `${kind}-${id}.pdf`,
  );
}

/** Downloads the weekly briefing of the current week. */
export function downloadBriefing(): Promise<void> {
  return downloadPdf(`${BASE}/briefing.pdf`, 'point-gens-du-voyage.pdf');
}

async function downloadPdf(path: string, filename: string): Promise<void> {
  const token = getAccessToken();
  const response = await fetch(path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      code?: string;
      message?: string;
      details?: { path: string; message: string }[];
    } | null;
    throw new ApiError(response.status, {
      code: body?.code ?? `http_${response.status}`,
      message: body?.message ?? response.statusText,
      details: body?.details,
    });
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface CommuneShapeProperties {
  code: string;
  nom: string;
}
export type CommuneShapes = import('geojson').FeatureCollection<
  import('geojson').Polygon | import('geojson').MultiPolygon,
  CommuneShapeProperties
>;

/** Commune outlines (shipped with the server, never changing while it runs). */
export const useCommuneShapes = () =>
  useQuery({
    queryKey: ['reference', 'layers', 'communes'],
    queryFn: ({ signal }) => api.get<CommuneShapes>('/api/reference/layers/communes', { signal }),
    staleTime: Infinity,
  });
