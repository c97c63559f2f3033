import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { AppError } from '../common/app-error';
import {
  type Distinction,
  eligibilityRequestSchema,
  type EligibilityRequest,
  type EligibilityResult,
  type RuleSet,
  ruleSetSchema,
  type RuleSetDto,
} from '../contracts/honours';
import { checkEligibility, RuleInputError } from './eligibility';
import { HonoursRuleSet } from './honours.entity';
import { RULE_SET_SEEDS } from './rules.seed';

export interface LoadedRuleSet {
  row: HonoursRuleSet;
  rules: RuleSet;
}

export function toRuleSetDto(row: HonoursRuleSet): RuleSetDto {
  return {
    id: row.id,
    distinction: row.distinction,
    label: row.label,
    effectiveFrom: row.effectiveFrom,
    rules: row.rules,
    toConfirm: row.toConfirm,
    source: row.source,
  };
}

/** Seeds the first rule sets (missing rows only) and picks the one in force at a date. */
export async function seedHonoursRules(manager: EntityManager): Promise<number> {
  let created = 0;
  for (const seed of RULE_SET_SEEDS) {
    const result = (await manager.query(
      `INSERT INTO honours_rule_set (distinction, effective_from, label, source, rules, to_confirm)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (distinction, effective_from) DO NOTHING RETURNING id`,
      [
        seed.distinction,
        seed.effectiveFrom,
        seed.label,
        seed.source,
        JSON.stringify(ruleSetSchema.parse(seed.rules)),
        seed.toConfirm,
      ],
    )) as unknown[];
    created += result.length;
  }
  return created;
}

@Injectable()
export class HonoursRulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Honours');

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await seedHonoursRules(this.manager);
    if (created) this.logger.log(`seeded ${created} honours rule sets`);
  }

  async list(): Promise<RuleSetDto[]> {
    const rows = await this.manager.find(HonoursRuleSet, {
      order: { distinction: 'ASC', effectiveFrom: 'DESC' },
    });
    return rows.map(toRuleSetDto);
  }

  /** The rule set of `distinction` in force at `date` (the latest effective on or before it). */
  async at(manager: EntityManager, distinction: Distinction, date: string): Promise<LoadedRuleSet> {
    const row = await manager.findOne(HonoursRuleSet, {
      where: { distinction, effectiveFrom: LessThanOrEqual(date) },
      order: { effectiveFrom: 'DESC' },
    });
    if (!row)
      throw new AppError('validation', 'No rules in force', [
        { path: 'promotionDate', message: `no rules of ${distinction} in force on ${date}` },
      ]);
    return { row, rules: ruleSetSchema.parse(row.rules) };
  }

  /** `POST /api/honours/eligibility`: the calculator on the rules in force at the promotion date. */
  async eligibility(
    request: EligibilityRequest,
    manager = this.manager,
  ): Promise<EligibilityResult> {
    const input = eligibilityRequestSchema.parse(request);
    const { row, rules } = await this.at(manager, input.distinction, input.promotionDate);
    return evaluate(rules, row, input);
  }
}

/** Runs the calculator, turning unknown codes into a 400 listing them. */
export function evaluate(
  rules: RuleSet,
  row: HonoursRuleSet,
  input: ReturnType<typeof eligibilityRequestSchema.parse>,
): EligibilityResult {
  try {
    return checkEligibility(
      rules,
      { id: row.id, effectiveFrom: row.effectiveFrom, toConfirm: row.toConfirm },
      input,
    );
  } catch (error) {
    if (error instanceof RuleInputError)
      throw new AppError('validation', 'Invalid eligibility request', error.details);
    throw error;
  }
}
