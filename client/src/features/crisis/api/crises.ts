import type { Crisis, CrisisKind } from '@contracts/crisis';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { crisisKeys } from './keys';
import { contentReplaces, upsertInList, type Listed } from './list-cache';
import { sortCrises } from './sort';

export function useCrises() {
  return useQuery({
    queryKey: crisisKeys.crises,
    queryFn: ({ signal }) => api.get<Listed<Crisis>>('/api/crises', { signal }),
  });
}

export interface CreateCrisisRequest {
  title: string;
  kind: CrisisKind;
  exercise: boolean;
  description?: string;
}

export function useCreateCrisis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCrisisRequest) => api.post<Crisis>('/api/crises', body),
    onSuccess: (crisis) => {
      queryClient.setQueryData<Listed<Crisis>>(crisisKeys.crises, (old) =>
        upsertInList(old, crisis, {
          replaces: contentReplaces,
          insert: (items, item) => sortCrises([...items, item]),
        }),
      );
    },
  });
}
