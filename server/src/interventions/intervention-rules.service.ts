import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { parisDate } from '../common/workflow/calendar';
import { ruleInForce } from '../common/workflow/rules';
import type { InterventionRule as RuleDto } from '../contracts/interventions';
import { InterventionRule } from './intervention.entity';

/** The versioned delays and retention of interventions (seeded by the module's migration). */
@Injectable()
export class InterventionRulesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async inForce(manager: EntityManager, at: Date): Promise<InterventionRule> {
    const rows = await manager.find(InterventionRule, { order: { effectiveFrom: 'ASC' } });
    const rule = ruleInForce(rows, parisDate(at));
    if (!rule)
      throw new AppError('unavailable', 'No intervention rule in force: seed intervention_rule');
    return rule;
  }

  async list(): Promise<RuleDto[]> {
    const rows = await this.dataSource.manager.find(InterventionRule, {
      order: { effectiveFrom: 'ASC' },
    });
    return rows.map((r) => ({
      effectiveFrom: r.effectiveFrom,
      defaultDueDays: r.defaultDueDays,
      reminderDaysBefore: r.reminderDaysBefore,
      retentionYears: r.retentionYears,
      toConfirm: r.toConfirm,
      source: r.source,
    }));
  }
}
