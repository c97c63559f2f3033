import type { CrisisSummary } from '@contracts/crisis';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { crisisKeys } from './keys';

export function useCrisisSummary(crisisId: string | null) {
  return useQuery({
    queryKey: crisisKeys.summary(crisisId ?? ''),
    queryFn: ({ signal }) =>
      api.get<CrisisSummary>(`/api/crises/${crisisId ?? ''}/summary`, { signal }),
    enabled: crisisId !== null,
  });
}
