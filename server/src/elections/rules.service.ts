import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { ElectionSystem, ElectionType } from '../contracts/elections';
import type { ListSizeRules } from './candidature-checks';
import { type DeadlineRule, inForce } from './deadlines';
import type { Thresholds } from './seats';
import { ElectionRule, Nuance } from './result.entity';

const THRESHOLD_KEYS: Record<keyof Thresholds, string> = {
  winExprimes: 'win_exprimes',
  winInscrits: 'win_inscrits',
  qualifyInscrits: 'qualify_inscrits',
  qualifyExprimes: 'qualify_exprimes',
  mergeExprimes: 'merge_exprimes',
  seatExprimes: 'seat_exprimes',
};

export interface RuleValue<T> {
  value: T;
  legalRef: string;
  toConfirm: boolean;
  effectiveFrom: string;
}

/** Reads the versioned rule tables (seeded by the Elections migration). */
@Injectable()
export class ElectionRulesService {
  async rule<T>(
    manager: EntityManager,
    system: ElectionSystem,
    round: number,
    key: string,
    on: string,
  ): Promise<RuleValue<T> | undefined> {
    const rows = await manager
      .createQueryBuilder(ElectionRule, 'r')
      .where('r.key = :key AND r.system IN (:...systems) AND r.round IN (0, :round)', {
        key,
        systems: [system, '*'],
        round,
      })
      .getMany();
    // a system's own row wins over `*`, a round's own row over round 0
    const specific = (r: ElectionRule) => (r.system === '*' ? 0 : 2) + (r.round === 0 ? 0 : 1);
    const best = Math.max(-1, ...rows.map(specific));
    const row = inForce(
      rows.filter((r) => specific(r) === best),
      on,
    );
    return (
      row && {
        value: row.value as T,
        legalRef: row.legalRef,
        toConfirm: row.toConfirm,
        effectiveFrom: row.effectiveFrom,
      }
    );
  }

  async requireRule<T>(
    manager: EntityManager,
    system: ElectionSystem,
    round: number,
    key: string,
    on: string,
  ): Promise<RuleValue<T>> {
    const rule = await this.rule<T>(manager, system, round, key, on);
    if (!rule)
      throw new AppError('validation', `No rule « ${key} » for ${system} round ${round} on ${on}`, [
        {
          path: 'rules',
          message: `missing rule ${key} (${system}, round ${round}); add it to election_rule`,
        },
      ]);
    return rule;
  }

  deadlineRule(manager: EntityManager, system: ElectionSystem, round: number, on: string) {
    return this.requireRule<DeadlineRule>(manager, system, round, 'deposit_deadline', on);
  }

  async thresholds(
    manager: EntityManager,
    system: ElectionSystem,
    round: number,
    on: string,
  ): Promise<Thresholds> {
    const entries = await Promise.all(
      Object.entries(THRESHOLD_KEYS).map(async ([field, key]) => {
        const rule = await this.rule<number>(manager, system, round, key, on);
        return [field, rule?.value ?? Number.POSITIVE_INFINITY] as const;
      }),
    );
    return Object.fromEntries(entries) as unknown as Thresholds;
  }

  async listSize(
    manager: EntityManager,
    system: ElectionSystem,
    on: string,
  ): Promise<ListSizeRules> {
    const get = async (key: string) =>
      (await this.rule<number>(manager, system, 1, key, on))?.value ?? 0;
    return {
      extra: await get('list_extra'),
      missingSmall: await get('list_missing_small'),
      smallPopulation: await get('small_population'),
    };
  }

  /** National closing time for general elections (the publication ban runs until then). */
  async nationalClosing(
    manager: EntityManager,
    type: ElectionType,
    system: ElectionSystem,
    date: string,
  ): Promise<string | null> {
    if (type === 'partielle') return null;
    return (await this.rule<string>(manager, system, 0, 'national_closing', date))?.value ?? null;
  }

  async nuances(
    manager: EntityManager,
    system: ElectionSystem,
    on: string,
  ): Promise<{ code: string; label: string }[]> {
    const rows = await manager.find(Nuance, { where: { system }, order: { code: 'ASC' } });
    const versions = [...new Set(rows.map((r) => r.effectiveFrom))];
    const current = inForce(
      versions.map((effectiveFrom) => ({ effectiveFrom })),
      on,
    );
    return rows
      .filter((r) => r.effectiveFrom === current?.effectiveFrom)
      .map((r) => ({ code: r.code, label: r.label }));
  }
}
