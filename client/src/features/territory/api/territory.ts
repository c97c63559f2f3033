import { useQuery } from '@tanstack/react-query';
import type { CommuneTerritory, OfficialsToInform } from '@contracts/territory';
import { api } from '@/lib/api-client';

export const territoryKeys = {
  all: ['territory', 'communes'] as const,
  officials: (communes: readonly string[]) => ['territory', 'officials', ...communes] as const,
};

/** Every commune's territory: static reference data, fetched once per session. */
export function useTerritory() {
  return useQuery({
    queryKey: territoryKeys.all,
    queryFn: ({ signal }) => api.get<CommuneTerritory[]>('/api/reference/territory', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** One commune's territory, from the cached list (null while loading or when unknown). */
export function useCommuneTerritory(insee: string | null): CommuneTerritory | null {
  const { data } = useTerritory();
  return (insee && data?.find((c) => c.insee === insee)) || null;
}

/** The mayors, deputies, departmental councillors and senators to inform about these communes. */
export function useOfficialsToInform(communes: readonly string[]) {
  const sorted = [...communes].sort();
  return useQuery({
    queryKey: territoryKeys.officials(sorted),
    queryFn: ({ signal }) =>
      api.get<OfficialsToInform>(
        `/api/reference/officials?communes=${encodeURIComponent(sorted.join(','))}`,
        { signal },
      ),
    enabled: sorted.length > 0,
  });
}
