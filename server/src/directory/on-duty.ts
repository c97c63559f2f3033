/** Who is on duty: pure selection over the shifts of one service that cover a given time. */

export interface ShiftLike {
  id: string;
  contactId: string;
  start: Date;
  end: Date;
  override: boolean;
  rank: number;
}

/**
 * The shifts in force at `at`: those covering it (start ≤ at < end), where an override
 * covering `at` replaces the regular shifts of its rank. Sorted by rank, then start, then id.
 */
export function shiftsInForce<T extends ShiftLike>(shifts: readonly T[], at: Date): T[] {
  const t = at.getTime();
  const covering = shifts.filter((s) => s.start.getTime() <= t && t < s.end.getTime());
  const overridden = new Set(covering.filter((s) => s.override).map((s) => s.rank));
  return covering
    .filter((s) => s.override || !overridden.has(s.rank))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.start.getTime() - b.start.getTime() ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** The entries of the lowest rank present: who is paged first. */
export function firstRank<T extends { rank: number }>(entries: readonly T[]): T[] {
  if (entries.length === 0) return [];
  const lowest = Math.min(...entries.map((e) => e.rank));
  return entries.filter((e) => e.rank === lowest);
}

/**
 * The next person to page after `contactId` on a roster in force: the first entry of a rank
 * above the contact's own rank (any rank when the contact is not on duty), skipping `exclude`.
 * `entries` must be sorted by rank (as `shiftsInForce` returns them).
 */
export function nextOnRoster<T extends { rank: number; contactId: string }>(
  entries: readonly T[],
  contactId: string,
  exclude: ReadonlySet<string>,
): T | null {
  const own = entries.filter((e) => e.contactId === contactId).map((e) => e.rank);
  const ownRank = own.length > 0 ? Math.min(...own) : 0;
  return (
    entries.find(
      (e) => e.rank > ownRank && e.contactId !== contactId && !exclude.has(e.contactId),
    ) ?? null
  );
}
