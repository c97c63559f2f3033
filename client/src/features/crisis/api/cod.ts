import type {
  CodLevel,
  CodPosition,
  CodState,
  CodTransitionRequest,
  Cellule,
} from '@contracts/crisis';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { crisisKeys } from './keys';
import type { Listed } from './list-cache';

/** GET /api/cod: the state and the transitions this user may make from it. */
export type CodStateView = CodState & { allowedTransitions: CodLevel[] };

export function useCodState() {
  return useQuery({
    queryKey: crisisKeys.cod,
    queryFn: ({ signal }) => api.get<CodStateView>('/api/cod', { signal }),
  });
}

export function useCodTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CodTransitionRequest) => api.post<CodState>('/api/cod/transitions', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crisisKeys.cod }),
  });
}

export function usePositions() {
  return useQuery({
    queryKey: crisisKeys.positions,
    queryFn: ({ signal }) => api.get<Listed<CodPosition>>('/api/cod/positions', { signal }),
  });
}

export interface SignInRequest {
  cellule: Cellule;
  function?: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) => api.post<CodPosition>('/api/cod/positions', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crisisKeys.positions }),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CodPosition>('/api/cod/positions/sign-out'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crisisKeys.positions }),
  });
}
