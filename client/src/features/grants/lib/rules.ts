/** The rule in force on `day`: the latest `effectiveFrom` not after it (as the server picks it). */
export function ruleInForce<R extends { effectiveFrom: string }>(
  rules: readonly R[],
  day: string,
): R | null {
  let best: R | null = null;
  for (const r of rules)
    if (r.effectiveFrom <= day && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}
