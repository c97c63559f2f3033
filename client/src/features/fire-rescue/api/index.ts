import type {
  Cis,
  FireRescueRule,
  FireStatsYear,
  FrameworkDocument,
  FrameworkDocumentInput,
  ImportReport,
  SectorCoverage,
} from '@contracts/fire-rescue';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Query keys start with `fireRescue`, the resource of the `fireRescue.*` events. */
export const fireKeys = {
  all: ['fireRescue'] as const,
  cis: ['fireRescue', 'cis'] as const,
  coverage: ['fireRescue', 'coverage'] as const,
  documents: ['fireRescue', 'documents'] as const,
  rules: ['fireRescue', 'rules'] as const,
  stats: ['fireRescue', 'stats'] as const,
};

export const useCisList = () =>
  useQuery({
    queryKey: fireKeys.cis,
    queryFn: ({ signal }) => api.get<Cis[]>('/api/fire-rescue/cis', { signal }),
  });
export const useCoverage = () =>
  useQuery({
    queryKey: fireKeys.coverage,
    queryFn: ({ signal }) =>
      api.get<SectorCoverage>('/api/fire-rescue/sectors/coverage', { signal }),
  });
export const useDocuments = () =>
  useQuery({
    queryKey: fireKeys.documents,
    queryFn: ({ signal }) => api.get<FrameworkDocument[]>('/api/fire-rescue/documents', { signal }),
  });
export const useRules = () =>
  useQuery({
    queryKey: fireKeys.rules,
    queryFn: ({ signal }) => api.get<FireRescueRule[]>('/api/fire-rescue/rules', { signal }),
  });
export const useStats = () =>
  useQuery({
    queryKey: fireKeys.stats,
    queryFn: ({ signal }) => api.get<FireStatsYear[]>('/api/fire-rescue/stats', { signal }),
  });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fireKeys.all }),
  });
}

export const useImportSectors = () =>
  useInvalidating((input: { csv: string; requireComplete: boolean }) =>
    api.put<ImportReport>('/api/fire-rescue/sectors', input),
  );
export const useImportStats = () =>
  useInvalidating((csv: string) => api.put<ImportReport>('/api/fire-rescue/stats', { csv }));
export const useCreateDocument = () =>
  useInvalidating((input: FrameworkDocumentInput) =>
    api.post<FrameworkDocument>('/api/fire-rescue/documents', input),
  );
