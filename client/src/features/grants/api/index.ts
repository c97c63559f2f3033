import type {
  CallSummary,
  CreateApplicationRequest,
  DecisionRequest,
  GrantApplication,
  GrantAxis,
  GrantCall,
  GrantFund,
  PaymentRequest,
  ProgrammeRule,
  ReportRequest,
} from '@contracts/grants';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Query keys, all under `grant` so one invalidation refreshes calls and applications. */
export const grantKeys = {
  all: ['grant'] as const,
  calls: (fund: GrantFund) => ['grant', 'calls', fund] as const,
  call: (id: string) => ['grant', 'call', id] as const,
  summary: (id: string) => ['grant', 'summary', id] as const,
  applications: (callId: string) => ['grant', 'applications', callId] as const,
  application: (id: string) => ['grant', 'application', id] as const,
  rules: (fund: GrantFund) => ['grant', 'rules', fund] as const,
  axes: (fund: GrantFund, year: number) => ['grant', 'axes', fund, year] as const,
};

const enc = encodeURIComponent;

export function useCalls(fund: GrantFund) {
  return useQuery({
    queryKey: grantKeys.calls(fund),
    queryFn: ({ signal }) => api.get<GrantCall[]>(`/api/grants/calls?fund=${fund}`, { signal }),
  });
}

export function useCallSummary(id: string) {
  return useQuery({
    queryKey: grantKeys.summary(id),
    queryFn: ({ signal }) =>
      api.get<CallSummary>(`/api/grants/calls/${enc(id)}/summary`, { signal }),
  });
}

export function useApplications(callId: string) {
  return useQuery({
    queryKey: grantKeys.applications(callId),
    queryFn: ({ signal }) =>
      api.get<GrantApplication[]>(`/api/grants/calls/${enc(callId)}/applications`, { signal }),
  });
}

/** One application with its history (the list leaves the history out). */
export function useApplication(id: string | null) {
  return useQuery({
    queryKey: grantKeys.application(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<GrantApplication>(`/api/grants/applications/${enc(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

export function useRules(fund: GrantFund) {
  return useQuery({
    queryKey: grantKeys.rules(fund),
    queryFn: ({ signal }) => api.get<ProgrammeRule[]>(`/api/grants/rules?fund=${fund}`, { signal }),
    staleTime: 300_000,
  });
}

export function useAxes(fund: GrantFund, year: number) {
  return useQuery({
    queryKey: grantKeys.axes(fund, year),
    queryFn: ({ signal }) =>
      api.get<GrantAxis[]>(`/api/grants/axes?fund=${fund}&year=${year}`, { signal }),
    staleTime: 300_000,
  });
}

function useGrantMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: grantKeys.all }),
  });
}

export const useCreateApplication = (callId: string) =>
  useGrantMutation((body: CreateApplicationRequest) =>
    api.post<GrantApplication>(`/api/grants/calls/${enc(callId)}/applications`, body),
  );

export const useDecision = () =>
  useGrantMutation(({ id, body }: { id: string; body: DecisionRequest }) =>
    api.post<GrantApplication>(`/api/grants/applications/${enc(id)}/decisions`, body),
  );

export const usePayment = () =>
  useGrantMutation(({ id, body }: { id: string; body: PaymentRequest }) =>
    api.post<GrantApplication>(`/api/grants/applications/${enc(id)}/payments`, body),
  );

export const useReport = () =>
  useGrantMutation(({ id, body }: { id: string; body: ReportRequest }) =>
    api.put<GrantApplication>(`/api/grants/applications/${enc(id)}/report`, body),
  );

export const useAdopt = () =>
  useGrantMutation((id: string) => api.post<GrantCall>(`/api/grants/calls/${enc(id)}/adopt`, {}));
