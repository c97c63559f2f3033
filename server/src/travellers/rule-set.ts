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
 * on or before that day. Throws when a key has no value yet (the migration seeds them all).
 */
export function ruleSetAt(rows: readonly RuleRow[], day: IsoDate): TravellersRuleSet {
  const set: Partial<Record<TravellersRuleKey, { value: number; from: IsoDate }>> = {};
  for (const row of rows) {
    if (row.effectiveFrom > day) continue;
    const current = set[row.key];
    if (!current || row.effectiveFrom > current.from)
      set[row.key] = { value: row.value, from: row.effectiveFrom };
  }
  const missing = TRAVELLERS_RULE_KEYS.filter((k) => !set[k]);
  if (missing.length)
    throw new Error(`no travellers rule in force on ${day} for ${missing.join(', ')}`);
  return Object.fromEntries(
    TRAVELLERS_RULE_KEYS.map((k) => [k, set[k]!.value]),
  ) as TravellersRuleSet;
}
