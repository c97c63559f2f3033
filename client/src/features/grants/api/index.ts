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
import { api, refreshSession } from '@/lib/api-client';
import { getAccessToken } from '@/lib/session';

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

/** Downloads the programme PDF with the bearer token (a plain link could not send it). */
export async function downloadProgramme(callId: string): Promise<void> {
  const path = `/api/grants/calls/${enc(callId)}/programme.pdf`;
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
  if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download =
    /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ??
    'programmation.pdf';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
