import {
  TRAVELLERS_RULE_KEYS,
  type TravellersRuleKey,
  type TravellersRuleSet,
} from '../contracts/travellers';
import type { IsoDate } from './delays';

export interface RuleRow {
  key: TravellersRuleKey;
  value: number;
  effectiveFrom: IsoDate;
}

/**
 * The value of every rule in force on `day`: for each key, the row with the latest effective date
 * on or before that day; for a day before a key's first version, that first version (the oldest
 * value known). Throws only when a key has no row at all (the migration seeds them all).
 */
export function ruleSetAt(rows: readonly RuleRow[], day: IsoDate): TravellersRuleSet {
  const set: Partial<Record<TravellersRuleKey, { value: number; from: IsoDate }>> = {};
  for (const row of rows) {
    const current = set[row.key];
    const better = !current
      ? true
      : row.effectiveFrom <= day
        ? current.from > day || row.effectiveFrom > current.from
        : current.from > day && row.effectiveFrom < current.from;
    if (better) set[row.key] = { value: row.value, from: row.effectiveFrom };
  }
  const missing = TRAVELLERS_RULE_KEYS.filter((k) => !set[k]);
  if (missing.length) throw new Error(`no travellers rule for ${missing.join(', ')}`);
  return Object.fromEntries(
    TRAVELLERS_RULE_KEYS.map((k) => [k, set[k]!.value]),
  ) as TravellersRuleSet;
}
