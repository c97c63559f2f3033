/** Pure helpers of the results screens (tested in totals.spec.ts). */
import type { CommuneProgress, ElectionTotals, ElectionTotalsUpdated } from '@contracts/elections';

export type CommuneArrival = 'none' | 'partial' | 'arrived' | 'validated' | 'error';

/** How the board colours a commune: any error first, then all validated, all arrived, some, none. */
export function communeArrival(c: CommuneProgress): CommuneArrival {
  if (c.errors > 0) return 'error';
  if (c.validated === c.bureaux) return 'validated';
  if (c.arrived === c.bureaux) return 'arrived';
  if (c.arrived > 0) return 'partial';
  return 'none';
}

/**
 * Applies a pushed `election.totalsUpdated` to the cached totals: the new totals, the changed
 * communes patched in. An event older than the cache (seq) is ignored.
 */
export function applyTotalsEvent<T extends ElectionTotals & { seq: number }>(
  old: T | undefined,
  event: ElectionTotalsUpdated,
  seq: number,
): T | undefined {
  if (!old || old.scrutinId !== event.scrutinId || seq <= old.seq) return old;
  const changed = new Map(event.communes.map((c) => [c.insee, c]));
  const communes = old.communes.map((c) => changed.get(c.insee) ?? c);
  return { ...old, ...event.totals, communes, seq };
}

/** `1 234` */
export const formatCount = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
/** `12,34 %` */
export const formatPct = (n: number) =>
  `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} %`;

/** The blocking checks, run in the browser before sending (the server runs them again). */
export function entryProblems(e: {
  inscrits: number;
  votants: number;
  blancs: number;
  nuls: number;
  exprimes: number;
  voix: Record<string, number>;
}): string[] {
  const problems: string[] = [];
  const all = [e.inscrits, e.votants, e.blancs, e.nuls, e.exprimes, ...Object.values(e.voix)];
  if (all.some((n) => !Number.isInteger(n) || n < 0))
    problems.push('Tous les nombres sont des entiers positifs ou nuls.');
  if (e.votants !== e.blancs + e.nuls + e.exprimes)
    problems.push(
      `Votants (${formatCount(e.votants)}) ≠ blancs + nuls + exprimés (${formatCount(e.blancs + e.nuls + e.exprimes)}).`,
    );
  const sum = Object.values(e.voix).reduce((a, b) => a + b, 0);
  if (sum !== e.exprimes)
    problems.push(`Somme des voix (${formatCount(sum)}) ≠ exprimés (${formatCount(e.exprimes)}).`);
  if (e.votants > e.inscrits)
    problems.push(`Votants (${formatCount(e.votants)}) > inscrits (${formatCount(e.inscrits)}).`);
  return problems;
}
