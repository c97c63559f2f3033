import type { Crisis } from '@contracts/crisis';

/** The server's order: open crises first, then the newest. */
export function sortCrises(crises: Crisis[]): Crisis[] {
  return crises.sort((a, b) => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
    return b.createdAt.localeCompare(a.createdAt);
  });
}
