import type { EntityManager } from 'typeorm';
import { type PressRuleKey, PressRule } from './press-rule.entity';

/** The value of a rule in force on `date` (`YYYY-MM-DD`): the latest row effective on or before it. */
export async function ruleValue(m: EntityManager, key: PressRuleKey, date: string): Promise<number> {
  const rule = await m
    .createQueryBuilder(PressRule, 'r')
    .where('r.key = :key AND r.effective_from <= :date', { key, date })
    .orderBy('r.effective_from', 'DESC')
    .getOne();
  if (!rule) throw new Error(`no press rule ${key} in force on ${date}`);
  return rule.value;
}
