import { Injectable } from '@nestjs/common';
import type { DirectionOverview } from '../contracts/direction';
import { CodState } from '../cod/cod.entity';
import { Crisis } from '../crises/crisis.entity';
import { toCrisisDto } from '../crises/crises.service';
import { TransactionRunner } from '../database/transaction';
import { IncidentsService } from '../incidents/incidents.service';
import { TasksService } from '../tasks/tasks.service';
import { DecisionsService } from './decisions.service';
import { SitrepSchedule, SituationReport } from './sitrep.entity';
import { toScheduleDto } from './sitreps.service';

const FEED = 15;
const LIST = 20;

/**
 * Everything the direction view shows, read in one snapshot and one request (a phone on a weak
 * connection): COD level, open crises with bilan and tasks, latest point de situation and its
 * schedule, pending decisions, overdue tasks, pages not acknowledged, the fil de situation.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly incidents: IncidentsService,
    private readonly tasks: TasksService,
    private readonly decisions: DecisionsService,
  ) {}

  async overview(): Promise<DirectionOverview> {
    const { data, seq } = await this.tx.snapshot(async (m) => {
      const cod = await m.findOneOrFail(CodState, { where: { id: 1 } });
      const crises = await m.find(Crisis, { where: { status: 'open' }, order: { createdAt: 'DESC' } });
      const crisisViews: DirectionOverview['crises'] = [];
      for (const crisis of crises) {
        const { bilan } = await this.incidents.bilanTotals(m, crisis.id);
        const counts = await this.tasks.counts(m, crisis.id);
        const latest = await m.findOne(SituationReport, { where: { crisisId: crisis.id }, order: { number: 'DESC' } });
        const schedule = await m.findOne(SitrepSchedule, { where: { crisisId: crisis.id } });
        crisisViews.push({
          crisis: toCrisisDto(crisis),
          bilan,
          openTasks: counts.open,
          overdueTasks: counts.overdue,
          latestSitrep: latest
            ? {
                id: latest.id,
                number: latest.number,
                status: latest.status,
                generatedAt: latest.generatedAt.toISOString(),
                validatedAt: latest.validatedAt?.toISOString() ?? null,
              }
            : null,
          schedule: schedule ? toScheduleDto(schedule) : null,
        });
      }
      const pendingDecisions = await this.decisions.query(m, { open: true, limit: 50 });
      const overdue = (await m.query(
        `SELECT t.id, t.crisis_id, t.title, s.name AS service_name, t.due_at
         FROM task t JOIN service s ON s.id = t.service_id JOIN crisis c ON c.id = t.crisis_id
         WHERE c.status = 'open' AND t.status IN ('requested', 'acknowledged', 'in_progress') AND t.due_at < now()
         ORDER BY t.due_at LIMIT $1`,
        [LIST],
      )) as { id: string; crisis_id: string; title: string; service_name: string; due_at: Date }[];
      const pages = (await m.query(
        `SELECT p.id, p.title, p.created_at, count(t.id)::int AS targets, count(t.acknowledged_at)::int AS acknowledged
         FROM page p JOIN page_target t ON t.page_id = p.id
         WHERE p.ack_required AND (p.crisis_id IS NULL OR p.crisis_id IN (SELECT id FROM crisis WHERE status = 'open'))
         GROUP BY p.id HAVING count(t.acknowledged_at) < count(t.id)
         ORDER BY p.created_at DESC LIMIT $1`,
        [LIST],
      )) as { id: string; title: string; created_at: Date; targets: number; acknowledged: number }[];
      const feed = (await m.query(
        `SELECT e.id, e.crisis_id, e."index", e.recorded_at, p.promoted_at, e.cellule, e.category, e.author_name, e.text
         FROM logbook_promotion p JOIN logbook_entry e ON e.id = p.entry_id JOIN crisis c ON c.id = e.crisis_id
         WHERE c.status = 'open' ORDER BY p.promoted_at DESC, e."index" DESC LIMIT $1`,
        [FEED],
      )) as {
        id: string;
        crisis_id: string;
        index: number;
        recorded_at: Date;
        promoted_at: Date;
        cellule: string;
        category: 'information' | 'decision' | 'action' | 'demande';
        author_name: string;
        text: string;
      }[];
      return {
        cod: { level: cod.level, since: cod.since.toISOString(), crisisId: cod.crisisId },
        crises: crisisViews,
        pendingDecisions,
        overdueTasks: overdue.map((t) => ({ id: t.id, crisisId: t.crisis_id, title: t.title, serviceName: t.service_name, dueAt: t.due_at.toISOString() })),
        unacknowledgedPages: pages.map((p) => ({ id: p.id, title: p.title, createdAt: p.created_at.toISOString(), targets: p.targets, acknowledged: p.acknowledged })),
        feed: feed.map((e) => ({
          id: e.id,
          crisisId: e.crisis_id,
          index: e.index,
          recordedAt: e.recorded_at.toISOString(),
          promotedAt: e.promoted_at.toISOString(),
          cellule: e.cellule,
          category: e.category,
          authorName: e.author_name,
          text: e.text,
        })),
        generatedAt: new Date().toISOString(),
      };
    });
    return { ...data, seq };
  }
}
