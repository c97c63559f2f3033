/**
 * Query keys. Each starts with the resource name of the server's events (`incident.updated` →
 * `incident`), so an event without a registered handler still refetches the right queries.
 */
export const crisisKeys = {
  cod: ['cod', 'state'] as const,
  positions: ['position', 'list'] as const,
  crises: ['crisis', 'list'] as const,
  incidents: (crisisId: string) => ['incident', 'list', crisisId] as const,
  tasks: (crisisId: string) => ['task', 'list', crisisId] as const,
  logbook: (crisisId: string) => ['logbook', 'list', crisisId] as const,
  logbookVerify: (crisisId: string) => ['logbook', 'verify', crisisId] as const,
  features: (crisisId: string) => ['feature', 'list', crisisId] as const,
  /** Not an event resource: refreshed (debounced) by the incident, task and logbook handlers. */
  summary: (crisisId: string) => ['summary', crisisId] as const,
  services: ['service', 'list'] as const,
};
