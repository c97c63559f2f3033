/**
 * How the socket's events patch the console's caches: one item replaced or inserted in place
 * (other items keep their identity, so the map and the lists re-render only what changed),
 * stale events ignored (seq not newer than the list's snapshot, or an older version). The
 * summary and the chain verification, computed server-side, are refetched debounced.
 * Imported once for its side effects by `api/index.ts`.
 */
import type {
  CodPosition,
  Crisis,
  Incident,
  LogbookEntry,
  MapFeature,
  Task,
} from '@contracts/crisis';
import type { QueryClient } from '@tanstack/react-query';
import { registerEventHandler } from '@/lib/realtime-events';
import type { CodStateView } from './cod';
import { crisisKeys } from './keys';
import {
  append,
  contentReplaces,
  patchInList,
  removeFromList,
  upsertInList,
  versionedReplaces,
  type Listed,
} from './list-cache';
import { insertByIndex } from './logbook';
import { sortCrises } from './sort';

const SUMMARY_DEBOUNCE_MS = 500;
const VERIFY_DEBOUNCE_MS = 2_000;

/** One pending refetch per query key: a burst of events costs one request. */
const pending = new Map<string, ReturnType<typeof setTimeout>>();

function debouncedInvalidate(
  queryClient: QueryClient,
  queryKey: readonly string[],
  delayMs: number,
) {
  const id = JSON.stringify(queryKey);
  if (pending.has(id)) return;
  pending.set(
    id,
    setTimeout(() => {
      pending.delete(id);
      void queryClient.invalidateQueries({ queryKey, exact: true });
    }, delayMs),
  );
}

const refreshSummary = (queryClient: QueryClient, crisisId: string) =>
  debouncedInvalidate(queryClient, crisisKeys.summary(crisisId), SUMMARY_DEBOUNCE_MS);

// ------------------------------------------------------------------ COD and positions
registerEventHandler('cod.changed', (state, queryClient, { seq }) => {
  const current = queryClient.getQueryData<CodStateView>(crisisKeys.cod);
  if (current && seq <= current.seq) return;
  // The event does not say what this user may do next: no buttons until GET /api/cod says.
  queryClient.setQueryData<CodStateView>(crisisKeys.cod, { ...state, seq, allowedTransitions: [] });
  void queryClient.invalidateQueries({ queryKey: crisisKeys.cod, exact: true });
});

registerEventHandler('position.changed', (position, queryClient, { seq }) => {
  queryClient.setQueryData<Listed<CodPosition>>(crisisKeys.positions, (old) => {
    if (position.signedOutAt) return removeFromList(old, (p) => p.id === position.id, seq);
    // one position per person: an arrival replaces any other open position of that user
    const others = removeFromList(
      old,
      (p) => p.userId === position.userId && p.id !== position.id,
      seq,
    );
    return (
      upsertInList(others ?? old, position, { replaces: contentReplaces, insert: append }, seq) ??
      others
    );
  });
});

// ------------------------------------------------------------------ crises
const upsertCrisis = (crisis: Crisis, queryClient: QueryClient, seq: number) => {
  queryClient.setQueryData<Listed<Crisis>>(crisisKeys.crises, (old) =>
    upsertInList(
      old,
      crisis,
      { replaces: contentReplaces, insert: (items, item) => sortCrises([...items, item]) },
      seq,
    ),
  );
  refreshSummary(queryClient, crisis.id);
};
registerEventHandler('crisis.created', (crisis, queryClient, { seq }) =>
  upsertCrisis(crisis, queryClient, seq),
);
registerEventHandler('crisis.updated', (crisis, queryClient, { seq }) =>
  upsertCrisis(crisis, queryClient, seq),
);

// ------------------------------------------------------------------ incidents
const upsertIncident = (incident: Incident, queryClient: QueryClient, seq: number) => {
  queryClient.setQueryData<Listed<Incident>>(crisisKeys.incidents(incident.crisisId), (old) =>
    upsertInList(old, incident, { replaces: versionedReplaces }, seq),
  );
  refreshSummary(queryClient, incident.crisisId);
};
registerEventHandler('incident.created', (incident, queryClient, { seq }) =>
  upsertIncident(incident, queryClient, seq),
);
registerEventHandler('incident.updated', (incident, queryClient, { seq }) =>
  upsertIncident(incident, queryClient, seq),
);

// ------------------------------------------------------------------ tasks
const upsertTask = (task: Task, queryClient: QueryClient, seq: number) => {
  queryClient.setQueryData<Listed<Task>>(crisisKeys.tasks(task.crisisId), (old) =>
    upsertInList(old, task, { replaces: versionedReplaces }, seq),
  );
  refreshSummary(queryClient, task.crisisId);
};
registerEventHandler('task.created', (task, queryClient, { seq }) =>
  upsertTask(task, queryClient, seq),
);
registerEventHandler('task.updated', (task, queryClient, { seq }) =>
  upsertTask(task, queryClient, seq),
);
registerEventHandler('task.overdue', (task, queryClient, { seq }) =>
  upsertTask(task, queryClient, seq),
);

// ------------------------------------------------------------------ main courante
registerEventHandler('logbook.appended', (entry: LogbookEntry, queryClient, { seq }) => {
  queryClient.setQueryData<Listed<LogbookEntry>>(crisisKeys.logbook(entry.crisisId), (old) =>
    upsertInList(old, entry, { replaces: contentReplaces, insert: insertByIndex }, seq),
  );
  refreshSummary(queryClient, entry.crisisId);
  debouncedInvalidate(queryClient, crisisKeys.logbookVerify(entry.crisisId), VERIFY_DEBOUNCE_MS);
});

registerEventHandler('logbook.promoted', (promotion, queryClient, { seq }) => {
  queryClient.setQueryData<Listed<LogbookEntry>>(crisisKeys.logbook(promotion.crisisId), (old) =>
    patchInList(
      old,
      promotion.entryId,
      { promotedAt: promotion.promotedAt, promotedBy: promotion.promotedBy },
      seq,
    ),
  );
  refreshSummary(queryClient, promotion.crisisId);
});

// ------------------------------------------------------------------ map features
registerEventHandler('feature.created', (feature: MapFeature, queryClient, { seq }) => {
  queryClient.setQueryData<Listed<MapFeature>>(crisisKeys.features(feature.crisisId), (old) =>
    upsertInList(old, feature, { replaces: contentReplaces, insert: append }, seq),
  );
});

registerEventHandler('feature.deleted', ({ id, crisisId }, queryClient, { seq }) => {
  queryClient.setQueryData<Listed<MapFeature>>(crisisKeys.features(crisisId), (old) =>
    removeFromList(old, (f) => f.id === id, seq),
  );
});
