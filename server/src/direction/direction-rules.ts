import type { EntityManager } from 'typeorm';
import { DirectionRule } from './direction-rule.entity';

/** Used only if the rule table is empty (it is seeded by the Direction migration). */
export const FALLBACK_RULE: Omit<DirectionRule, 'id' | 'effectiveFrom'> = {
  urgentDecisionReminderSec: 600,
  sitrepReminderLeadSec: 900,
  sitrepDefaultIntervalMin: 360,
  toConfirm: true,
  source: 'défaut du code',
};

/** The rule in force at `at`: the latest row whose `effectiveFrom` is not after it. */
export async function ruleAt(manager: EntityManager, at: Date): Promise<Omit<DirectionRule, 'id' | 'effectiveFrom'>> {
  const row = await manager
    .createQueryBuilder(DirectionRule, 'r')
    .where('r.effectiveFrom <= :at', { at })
    .orderBy('r.effectiveFrom', 'DESC')
    .limit(1)
    .getOne();
  return row ?? FALLBACK_RULE;
}
