import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client';

const MAX_RETRIES = 3;

/** A 4xx will not get better by asking again; network errors and 5xx may. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // The socket invalidates what changes: no refetch on focus; a short staleTime still
        // refreshes, on mount, data that no event covers.
        refetchOnWindowFocus: false,
        staleTime: 60_000,
      },
      mutations: { retry: false },
    },
  });
}
