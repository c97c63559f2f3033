import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  TravellersRule as TravellersRuleDto,
  TravellersRuleSet,
} from '../contracts/travellers';
import { parisDay, type IsoDate } from './delays';
import { ruleSetAt } from './rule-set';
import { TravellersRule } from './travellers.entity';

/** Reads the versioned rule table (seeded by the migration). */
@Injectable()
export class TravellersRulesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Every version of every rule, and the values in force today (Paris). */
  async overview(): Promise<{ rules: TravellersRuleDto[]; inForce: TravellersRuleSet }> {
    const rows = await this.ds.manager.find(TravellersRule, {
      order: { key: 'ASC', effectiveFrom: 'DESC' },
    });
    return {
      rules: rows.map((r) => ({
        key: r.key,
        value: r.value,
        effectiveFrom: r.effectiveFrom,
        toConfirm: r.toConfirm,
        source: r.source,
      })),
      inForce: ruleSetAt(rows, parisDay(new Date())),
    };
  }

  /** The values in force on `day` (Paris calendar day). */
  async at(manager: EntityManager, day: IsoDate): Promise<TravellersRuleSet> {
    return ruleSetAt(await manager.find(TravellersRule), day);
  }
}
