/**
 * `election.totalsUpdated` patches the open board's totals at once and refetches the bureaux
 * results list at most once a second. Imported once for its side effect by `api/index.ts`.
 */
import type { QueryClient } from '@tanstack/react-query';
import { registerEventHandler } from '@/lib/realtime-events';
import { applyTotalsEvent } from '../lib/totals';
import type { TotalsWithSeq } from './elections';
import { electionKeys } from './keys';

const pending = new Map<string, ReturnType<typeof setTimeout>>();

function refreshResults(queryClient: QueryClient, scrutinId: string): void {
  if (pending.has(scrutinId)) return;
  pending.set(
    scrutinId,
    setTimeout(() => {
      pending.delete(scrutinId);
      void queryClient.invalidateQueries({ queryKey: electionKeys.results(scrutinId) });
    }, 1_000),
  );
}

registerEventHandler('election.totalsUpdated', (event, queryClient, { seq }) => {
  queryClient.setQueryData<TotalsWithSeq>(electionKeys.totals(event.scrutinId), (old) =>
    applyTotalsEvent(old, event, seq),
  );
  refreshResults(queryClient, event.scrutinId);
});
