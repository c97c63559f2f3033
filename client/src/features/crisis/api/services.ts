import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { crisisKeys } from './keys';

/** A State or partner service of the directory (GET /api/services). */
export interface ServiceRef {
  id: string;
  code: string;
  name: string;
  kind: string;
}

export function useServices() {
  return useQuery({
    queryKey: crisisKeys.services,
    queryFn: ({ signal }) => api.get<ServiceRef[]>('/api/services', { signal }),
    staleTime: Infinity,
  });
}
