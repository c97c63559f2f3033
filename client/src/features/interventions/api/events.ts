/**
 * Reminders (J-3, due date) and escalations reach the user in the console: kept as notices
 * and the intervention queries refetched. Other `intervention.*` events use the default
 * (refetch of the `intervention` queries). Imported once for its side effects by `api/index.ts`.
 */
import { registerEventHandler } from '@/lib/realtime-events';
import { interventionKeys } from './keys';
import { addNotice } from './notices';

registerEventHandler('intervention.reminded', (data, queryClient, meta) => {
  addNotice({ ...data, escalated: false, at: meta.at });
  void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
});

registerEventHandler('intervention.escalated', (data, queryClient, meta) => {
  addNotice({ ...data, escalated: true, at: meta.at });
  void queryClient.invalidateQueries({ queryKey: interventionKeys.all });
});
