/**
 * Query keys. Each starts with `election`, the resource of the server's events
 * (`election.totalsUpdated`), so an event without a handler still refetches them.
 */
export const electionKeys = {
  all: ['election'] as const,
  scrutins: ['election', 'scrutins'] as const,
  scrutin: (id: string) => ['election', 'scrutin', id] as const,
  totals: (id: string) => ['election', 'totals', id] as const,
  results: (id: string) => ['election', 'results', id] as const,
  turnout: (id: string, level: string) => ['election', 'turnout', id, level] as const,
  communes: ['election', 'communes-layer'] as const,
};
