import type {
  CreateBodyRequest,
  CreateMeetingRequest,
  ObligationReport,
  PreventionBody,
} from '@contracts/prevention';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const preventionKeys = {
  all: ['prevention'] as const,
  bodies: ['prevention', 'bodies'] as const,
  obligation: ['prevention', 'obligation'] as const,
};

export function useBodies() {
  return useQuery({
    queryKey: preventionKeys.bodies,
    queryFn: ({ signal }) => api.get<PreventionBody[]>('/api/prevention/bodies', { signal }),
  });
}

export function useObligation() {
  return useQuery({
    queryKey: preventionKeys.obligation,
    queryFn: ({ signal }) => api.get<ObligationReport>('/api/prevention/obligation', { signal }),
  });
}

function useInvalidating<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: preventionKeys.all }),
  });
}

export const useCreateBody = () =>
  useInvalidating((body: CreateBodyRequest) =>
    api.post<PreventionBody>('/api/prevention/bodies', body),
  );

export const useAddMeeting = () =>
  useInvalidating(({ bodyId, body }: { bodyId: string; body: CreateMeetingRequest }) =>
    api.post<PreventionBody>(`/api/prevention/bodies/${encodeURIComponent(bodyId)}/meetings`, body),
  );
