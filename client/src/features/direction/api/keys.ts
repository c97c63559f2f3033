/**
 * Query keys. Decisions and points de situation start with their events' resource names
 * (`decision.answered` → `decision`, `sitrep.validated` → `sitrep`): those events refetch them
 * with no handler. The overview mixes every resource: `events.ts` refreshes it.
 */
export const directionKeys = {
  overview: ['direction', 'overview'] as const,
  decisions: (crisisId: string | null, open: boolean | null) =>
    ['decision', 'list', crisisId ?? 'all', open === null ? 'any' : String(open)] as const,
  sitreps: (crisisId: string) => ['sitrep', 'list', crisisId] as const,
  sitrep: (id: string) => ['sitrep', 'detail', id] as const,
  schedule: (crisisId: string) => ['sitrep', 'schedule', crisisId] as const,
  groups: ['group', 'list'] as const,
  push: ['direction', 'push'] as const,
};
