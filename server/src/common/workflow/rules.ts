/**
 * Versioned rule tables: legal values that change (delays, thresholds, retention periods) are
 * rows with an effective date. The one in force on a day is the latest that started by then.
 */
export interface VersionedRule {
  /** `YYYY-MM-DD`: first day the row applies. */
  effectiveFrom: string;
}

export function ruleInForce<R extends VersionedRule>(
  rows: readonly R[],
  on: string,
): R | undefined {
  return rows
    .filter((r) => r.effectiveFrom <= on)
    .reduce<R | undefined>(
      (best, r) => (!best || r.effectiveFrom > best.effectiveFrom ? r : best),
      undefined,
    );
}
