import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CrisisSummary } from '../contracts/crisis';
import { CrisesService, toCrisisDto } from '../crises/crises.service';
import { TransactionRunner } from '../database/transaction';
import { IncidentsService } from '../incidents/incidents.service';
import { LogbookEntry } from '../logbook/logbook.entity';
import { toEntryDto } from '../logbook/logbook.service';
import { TasksService } from '../tasks/tasks.service';

const LAST_ENTRIES = 10;

/** The crisis at a glance (bilan, incidents, tasks, last entries), read in one snapshot. */
@Injectable()
export class SummaryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly crises: CrisesService,
    private readonly incidents: IncidentsService,
    private readonly tasks: TasksService,
  ) {}

  async summary(crisisId: string): Promise<CrisisSummary> {
    const { data, seq } = await this.tx.snapshot(async (m) => {
      const crisis = await this.crises.require(m, crisisId);
      // one connection, one snapshot: queries in sequence
      const { bilan, byStatus } = await this.incidents.bilanTotals(m, crisisId);
      const tasks = await this.tasks.counts(m, crisisId);
      const lastEntries = await this.entries(m, crisisId, false);
      const lastPromoted = await this.entries(m, crisisId, true);
      return {
        crisis: toCrisisDto(crisis),
        bilan,
        incidentsByStatus: byStatus,
        openTasks: tasks.open,
        overdueTasks: tasks.overdue,
        lastEntries,
        lastSituationPoint: lastPromoted[0] ?? null,
      };
    });
    return { ...data, seq };
  }

  /** Newest entries first; `promoted` keeps only the fil de situation. */
  private async entries(m: EntityManager, crisisId: string, promoted: boolean) {
    const qb = m
      .createQueryBuilder(LogbookEntry, 'e')
      .leftJoinAndSelect('e.promotion', 'p')
      .where('e.crisisId = :crisisId', { crisisId });
    if (promoted) qb.andWhere('p.entryId IS NOT NULL');
    const rows = await qb
      .orderBy(promoted ? 'p.promotedAt' : 'e.index', 'DESC')
      .limit(promoted ? 1 : LAST_ENTRIES)
      .getMany();
    return rows.map(toEntryDto);
  }
}
