import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  DiffuseSitrepRequest,
  Sitrep as SitrepDto,
  SitrepDiff,
  SitrepEntry,
  SitrepSchedule as SitrepScheduleDto,
  SitrepScheduleRequest,
  UpdateSitrepRequest,
} from '../contracts/direction';
import { SITREP_SECTIONS } from '../contracts/direction';
import { CodState } from '../cod/cod.entity';
import { crisisAudience } from '../crises/audience';
import type { Crisis } from '../crises/crisis.entity';
import { CrisesService } from '../crises/crises.service';
import { TransactionRunner, type Tx } from '../database/transaction';
import { ContactGroup } from '../directory/contact-group.entity';
import { IncidentsService } from '../incidents/incidents.service';
import { LogbookService } from '../logbook/logbook.service';
import { PagesService } from '../paging/pages.service';
import { TasksService } from '../tasks/tasks.service';
import { sitrepDiffusedText, sitrepDueText, sitrepValidatedText } from './direction-texts';
import { ruleAt } from './direction-rules';
import { directionAudience } from './roles';
import { advanceDue, counterDeltas, emptySections, fullCounters, sitrepDiff, sitrepReminderDue } from './sitrep-build';
import { renderSitrepPdf, sitrepFilename } from './sitrep.pdf';
import { SitrepSchedule, SituationReport, SituationReportEvent } from './sitrep.entity';

const SYSTEM_AUTHOR = { id: null, name: 'Vigie' };

export function toSitrepDto(r: SituationReport, crisisTitle: string, events: SituationReportEvent[]): SitrepDto {
  return {
    id: r.id,
    crisisId: r.crisisId,
    crisisTitle,
    number: r.number,
    version: r.version,
    status: r.status,
    exercise: r.exercise,
    periodStart: r.periodStart?.toISOString() ?? null,
    generatedAt: r.generatedAt.toISOString(),
    codLevel: r.codLevel,
    bilan: fullCounters(r.bilan),
    previousBilan: fullCounters(r.previousBilan),
    deltas: counterDeltas(r.bilan, r.previousBilan),
    entries: r.entries,
    tasks: r.tasks,
    paging: r.paging,
    sections: { ...emptySections(), ...r.sections },
    createdBy: r.createdBy,
    createdByName: r.createdByName,
    validatedAt: r.validatedAt?.toISOString() ?? null,
    validatedBy: r.validatedBy,
    validatedByName: r.validatedByName,
    diffusions: r.diffusions,
    history: events.map((e) => ({ action: e.action, at: e.at.toISOString(), byName: e.byName, version: e.version })),
  };
}

/** `remindedAt` only when the reminder was for the point now due (not a previous one). */
export function toScheduleDto(s: SitrepSchedule): SitrepScheduleDto {
  const current = s.nextDueAt !== null && s.remindedFor?.getTime() === s.nextDueAt.getTime();
  return {
    crisisId: s.crisisId,
    nextDueAt: s.nextDueAt?.toISOString() ?? null,
    intervalMinutes: s.intervalMinutes,
    remindedAt: current ? (s.remindedAt?.toISOString() ?? null) : null,
  };
}

const hhmm = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Points de situation: generated from the main courante (entries promoted since the previous
 * point), the bilan and its deltas, tasks, paging and the COD level; cellule texts edited on a
 * versioned draft; validated by the authority; PDF; diffused by e-mail with the PDF attached
 * through the paging pipeline; a schedule with a reminder to the situation cellule.
 */
@Injectable()
export class SitrepsService {
  private readonly logger = new Logger('Sitreps');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly crises: CrisesService,
    private readonly incidents: IncidentsService,
    private readonly tasks: TasksService,
    private readonly logbook: LogbookService,
    private readonly pages: PagesService,
  ) {}

  generate(crisisId: string, user: AuthUser): Promise<SitrepDto> {
    return this.tx.run(async (tx) => {
      const m = tx.manager;
      const crisis = await this.openCrisis(m, crisisId);
      const draft = await m.findOne(SituationReport, { where: { crisisId, status: 'draft' } });
      if (draft)
        throw new AppError('conflict', `Point de situation n° ${draft.number} is still a draft: validate it first`, [
          { path: 'crisisId', message: `draft n° ${draft.number}` },
        ]);
      const previous = await m.findOne(SituationReport, { where: { crisisId }, order: { number: 'DESC' } });
      const [{ now }] = (await m.query('SELECT now() AS now')) as [{ now: Date }];
      const periodStart = previous?.generatedAt ?? null;
      const entries = await this.promotedEntries(m, crisisId, periodStart, now);
      const { bilan } = await this.incidents.bilanTotals(m, crisisId);
      const counts = await this.tasks.counts(m, crisisId);
      const [taskRow] = (await m.query(
        `SELECT
           (SELECT count(*) FROM task WHERE crisis_id = $1 AND ($2::timestamptz IS NULL OR created_at > $2))::int AS created,
           (SELECT count(*) FROM task_transition tt JOIN task t ON t.id = tt.task_id
              WHERE t.crisis_id = $1 AND tt."to" IN ('done', 'cancelled') AND ($2::timestamptz IS NULL OR tt.at > $2))::int AS closed`,
        [crisisId, periodStart],
      )) as [{ created: number; closed: number }];
      const [pageRow] = (await m.query(
        `SELECT
           (SELECT count(*) FROM page WHERE crisis_id = $1 AND ($2::timestamptz IS NULL OR created_at > $2))::int AS pages,
           (SELECT count(*) FROM page_target pt JOIN page p ON p.id = pt.page_id
              WHERE p.crisis_id = $1 AND ($2::timestamptz IS NULL OR p.created_at > $2))::int AS targets,
           (SELECT count(pt.acknowledged_at) FROM page_target pt JOIN page p ON p.id = pt.page_id
              WHERE p.crisis_id = $1 AND ($2::timestamptz IS NULL OR p.created_at > $2))::int AS acknowledged,
           (SELECT count(*) FROM page_target pt JOIN page p ON p.id = pt.page_id
              WHERE p.crisis_id = $1 AND p.ack_required AND pt.acknowledged_at IS NULL)::int AS unacknowledged`,
        [crisisId, periodStart],
      )) as [{ pages: number; targets: number; acknowledged: number; unacknowledged: number }];
      const cod = await m.findOneOrFail(CodState, { where: { id: 1 } });
      const report = await m.save(
        m.create(SituationReport, {
          crisisId,
          number: (previous?.number ?? 0) + 1,
          version: 1,
          status: 'draft',
          exercise: crisis.exercise,
          periodStart,
          generatedAt: now,
          codLevel: cod.level,
          bilan: fullCounters(bilan),
          previousBilan: fullCounters(previous?.bilan),
          entries,
          tasks: { open: counts.open, overdue: counts.overdue, closedSincePrevious: taskRow.closed, createdSincePrevious: taskRow.created },
          paging: pageRow,
          // the cellules start from what they wrote last time
          sections: { ...emptySections(), ...(previous?.sections ?? {}) },
          createdBy: user.id,
          createdByName: user.displayName,
          validatedAt: null,
          validatedBy: null,
          validatedByName: null,
          diffusions: [],
        }),
      );
      const dto = toSitrepDto(report, crisis.title, [await this.event(m, report, 'generated', user)]);
      tx.emit('sitrep.created', dto, crisisAudience());
      return dto;
    });
  }

  list(crisisId: string): Promise<{ data: SitrepDto[]; seq: number }> {
    return this.tx.snapshot(async (m) => {
      const crisis = await this.crises.require(m, crisisId);
      const reports = await m.find(SituationReport, { where: { crisisId }, order: { number: 'DESC' } });
      const events = await this.events(m, reports.map((r) => r.id));
      return reports.map((r) => toSitrepDto(r, crisis.title, events.get(r.id) ?? []));
    });
  }

  async get(id: string): Promise<SitrepDto & { diff: SitrepDiff }> {
    const { data } = await this.tx.snapshot(async (m) => {
      const report = await m.findOne(SituationReport, { where: { id }, relations: { crisis: true } });
      if (!report) throw AppError.notFound('Point de situation');
      const previous = await m.findOne(SituationReport, { where: { crisisId: report.crisisId, number: report.number - 1 } });
      const dto = toSitrepDto(report, report.crisis!.title, (await this.events(m, [id])).get(id) ?? []);
      const prevDto = previous ? toSitrepDto(previous, report.crisis!.title, []) : null;
      return { ...dto, diff: sitrepDiff(dto, prevDto) };
    });
    return data;
  }

  /** Edits the cellule texts of a draft; `version` must be the one read (else 409). */
  update(id: string, input: UpdateSitrepRequest, user: AuthUser): Promise<SitrepDto> {
    return this.tx.run(async (tx) => {
      const { report, crisis } = await this.lockDraft(tx.manager, id, input.version);
      for (const section of SITREP_SECTIONS) {
        const value = input.sections[section];
        if (value !== undefined) report.sections = { ...report.sections, [section]: value };
      }
      report.version += 1;
      await tx.manager.save(report);
      await this.event(tx.manager, report, 'edited', user);
      const dto = toSitrepDto(report, crisis.title, (await this.events(tx.manager, [id])).get(id) ?? []);
      tx.emit('sitrep.updated', dto, crisisAudience());
      return dto;
    });
  }

  /** The authority validates the version it read; the schedule moves to the next due time. */
  validate(id: string, version: number, user: AuthUser): Promise<SitrepDto> {
    return this.tx.run(async (tx) => {
      const m = tx.manager;
      const { report, crisis } = await this.lockDraft(m, id, version);
      const now = new Date();
      report.status = 'validated';
      report.validatedAt = now;
      report.validatedBy = user.id;
      report.validatedByName = user.displayName;
      await m.save(report);
      await this.event(m, report, 'validated', user);
      await this.logbook.appendIn(
        tx,
        report.crisisId,
        { text: sitrepValidatedText(report.number, user.displayName), category: 'decision', cellule: 'direction', source: 'system' },
        { id: user.id, name: user.displayName },
      );
      const schedule = await m.findOne(SitrepSchedule, { where: { crisisId: report.crisisId }, lock: { mode: 'pessimistic_write' } });
      if (schedule?.intervalMinutes) {
        schedule.nextDueAt = advanceDue(schedule.nextDueAt, schedule.intervalMinutes, now);
        await m.save(schedule);
        this.emitSchedule(tx, schedule, false, report.number + 1);
      }
      const dto = toSitrepDto(report, crisis.title, (await this.events(m, [id])).get(id) ?? []);
      tx.emit('sitrep.validated', dto, crisisAudience());
      return dto;
    });
  }

  async pdf(id: string): Promise<{ filename: string; content: Buffer }> {
    const dto = await this.get(id);
    return { filename: sitrepFilename(dto), content: await renderSitrepPdf(dto) };
  }

  /** E-mails the validated point, PDF attached, to every member of the lists (one page, one e-mail each). */
  async diffuse(id: string, input: DiffuseSitrepRequest, user: AuthUser): Promise<SitrepDto> {
    const dto = await this.get(id);
    if (dto.status !== 'validated')
      throw new AppError('invalid_transition', 'Only a validated point de situation is diffused');
    const groups = await this.tx.snapshot((m) => m.find(ContactGroup, { where: { id: In(input.groupIds) } }));
    const names = new Map(groups.data.map((g) => [g.id, g.name]));
    const unknown = input.groupIds.flatMap((g, i) => (names.has(g) ? [] : [{ path: `groupIds.${i}`, message: 'no such list' }]));
    if (unknown.length) throw new AppError('validation', 'Unknown diffusion lists', unknown);
    const file = { filename: sitrepFilename(dto), contentType: 'application/pdf', content: await renderSitrepPdf(dto) };
    const { id: pageId } = await this.pages.create(
      {
        title: `Point de situation n° ${dto.number} – ${dto.crisisTitle}`.slice(0, 160),
        message: [
          `Veuillez trouver ci-joint le point de situation n° ${dto.number} (${dto.crisisTitle}), validé par ${dto.validatedByName} le ${hhmm.format(new Date(dto.validatedAt!))}.`,
          'Préfecture du Puy-de-Dôme – Cabinet du préfet – SIDPC.',
        ].join('\n'),
        severity: 'information',
        recipients: { groupIds: input.groupIds },
        channels: ['email'],
        ackRequired: false,
        escalateAfterSec: 300,
        crisisId: dto.crisisId,
      },
      user,
      undefined,
      { attachments: [file] },
    );
    return this.tx.run(async (tx) => {
      const m = tx.manager;
      const report = await m.findOneOrFail(SituationReport, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const [{ n }] = (await m.query('SELECT count(*)::int AS n FROM page_target WHERE page_id = $1', [pageId])) as [{ n: number }];
      const groupNames = input.groupIds.map((g) => names.get(g)!);
      report.diffusions = [...report.diffusions, { at: new Date().toISOString(), byName: user.displayName, pageId, groups: groupNames, recipients: n }];
      await m.save(report);
      await this.event(m, report, 'diffused', user);
      await this.logbook.appendIn(
        tx,
        report.crisisId,
        { text: sitrepDiffusedText(report.number, groupNames, n), category: 'action', cellule: 'situation', source: 'system' },
        { id: user.id, name: user.displayName },
      );
      const out = toSitrepDto(report, dto.crisisTitle, (await this.events(m, [id])).get(id) ?? []);
      tx.emit('sitrep.updated', out, crisisAudience());
      return out;
    });
  }

  async schedule(crisisId: string): Promise<SitrepScheduleDto> {
    const { data } = await this.tx.snapshot(async (m) => {
      await this.crises.require(m, crisisId);
      const s = await m.findOne(SitrepSchedule, { where: { crisisId } });
      return s ? toScheduleDto(s) : { crisisId, nextDueAt: null, intervalMinutes: null, remindedAt: null };
    });
    return data;
  }

  setSchedule(crisisId: string, input: SitrepScheduleRequest, user: AuthUser): Promise<SitrepScheduleDto> {
    return this.tx.run(async (tx) => {
      const m = tx.manager;
      await this.openCrisis(m, crisisId);
      const now = new Date();
      if (input.nextDueAt && new Date(input.nextDueAt) <= now)
        throw new AppError('validation', 'Invalid request', [{ path: 'nextDueAt', message: 'must be in the future' }]);
      const rule = await ruleAt(m, now);
      const s =
        (await m.findOne(SitrepSchedule, { where: { crisisId }, lock: { mode: 'pessimistic_write' } })) ??
        m.create(SitrepSchedule, { crisisId, remindedFor: null, remindedAt: null, scheduledBy: null, scheduledByName: null });
      s.nextDueAt = input.nextDueAt ? new Date(input.nextDueAt) : null;
      s.intervalMinutes = input.intervalMinutes === undefined ? (s.intervalMinutes ?? rule.sitrepDefaultIntervalMin) : input.intervalMinutes;
      s.scheduledBy = user.id;
      s.scheduledByName = user.displayName;
      await m.save(s);
      this.emitSchedule(tx, s, false, await this.nextNumber(m, crisisId));
      return toScheduleDto(s);
    });
  }

  /** Reminds the situation cellule of the points due within the rule's lead time (once per due time). */
  async remindDue(now = new Date()): Promise<number> {
    const due = await this.tx.run(async (tx) => {
      const m = tx.manager;
      const rule = await ruleAt(m, now);
      const rows = (await m.query(
        `SELECT s.crisis_id FROM sitrep_schedule s JOIN crisis c ON c.id = s.crisis_id
         WHERE c.status = 'open' AND s.next_due_at IS NOT NULL
           AND (s.reminded_for IS NULL OR s.reminded_for <> s.next_due_at)
           AND s.next_due_at <= $1::timestamptz + make_interval(secs => $2)
         ORDER BY s.crisis_id FOR UPDATE OF s SKIP LOCKED`,
        [now, rule.sitrepReminderLeadSec],
      )) as { crisis_id: string }[];
      const reminded: { crisisId: string; number: number; dueAt: Date; by: string | null; byName: string | null }[] = [];
      for (const { crisis_id } of rows) {
        const s = await m.findOneOrFail(SitrepSchedule, { where: { crisisId: crisis_id } });
        if (!sitrepReminderDue(s, rule.sitrepReminderLeadSec, now)) continue;
        s.remindedFor = s.nextDueAt;
        s.remindedAt = now;
        await m.save(s);
        const number = await this.nextNumber(m, crisis_id);
        await this.logbook.appendIn(
          tx,
          crisis_id,
          { text: sitrepDueText(number, hhmm.format(s.nextDueAt!)), category: 'information', cellule: 'situation', source: 'system' },
          SYSTEM_AUTHOR,
        );
        this.emitSchedule(tx, s, true, number);
        reminded.push({ crisisId: crisis_id, number, dueAt: s.nextDueAt!, by: s.scheduledBy, byName: s.scheduledByName });
      }
      return reminded;
    });
    for (const d of due) await this.pageSituationCellule(d);
    return due.length;
  }

  /**
   * Pages (console and web push) whoever holds a position in the cellule situation and has a
   * contact linked to their account. Best effort after commit: the reminder is already in the
   * main courante and on the consoles.
   */
  private async pageSituationCellule(d: { crisisId: string; number: number; dueAt: Date; by: string | null; byName: string | null }): Promise<void> {
    if (!d.by) return;
    try {
      const contacts = (
        await this.tx.snapshot((m) =>
          m.query(
            `SELECT DISTINCT c.id FROM cod_position p JOIN contact c ON c.user_id = p.user_id
             WHERE p.cellule = 'situation' AND p.signed_out_at IS NULL AND c.active ORDER BY c.id`,
          ),
        )
      ).data as { id: string }[];
      if (contacts.length === 0) return;
      await this.pages.create(
        {
          title: `Point de situation n° ${d.number} attendu à ${hhmm.format(d.dueAt)}`,
          message: `Rappel à la cellule situation : le point de situation n° ${d.number} est attendu à ${hhmm.format(d.dueAt)}. Générez-le dans Vigie (vue Direction) et soumettez-le à la validation.`,
          severity: 'information',
          recipients: { contactIds: contacts.map((c) => c.id) },
          channels: ['inapp', 'push'],
          ackRequired: false,
          escalateAfterSec: 300,
          crisisId: d.crisisId,
        },
        { id: d.by, displayName: d.byName ?? 'Vigie', email: '', roles: [], serviceId: null },
      );
    } catch (e) {
      this.logger.error(`sitrep reminder of crisis ${d.crisisId}: paging the cellule situation failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private emitSchedule(tx: Tx, s: SitrepSchedule, due: boolean, number: number): void {
    tx.emit('sitrep.scheduled', { ...toScheduleDto(s), due, number }, [...new Set([...crisisAudience(), ...directionAudience()])]);
  }

  /** The number the next generated point will get. */
  private async nextNumber(m: EntityManager, crisisId: string): Promise<number> {
    const [{ n }] = (await m.query(
      `SELECT COALESCE(max(number) FILTER (WHERE status = 'validated'), 0)::int + 1 AS n FROM situation_report WHERE crisis_id = $1`,
      [crisisId],
    )) as [{ n: number }];
    return n;
  }

  private async promotedEntries(m: EntityManager, crisisId: string, after: Date | null, upTo: Date): Promise<SitrepEntry[]> {
    const rows = (await m.query(
      `SELECT e.id, e."index", e.recorded_at, p.promoted_at, e.cellule, e.category, e.author_name, e.text
       FROM logbook_entry e JOIN logbook_promotion p ON p.entry_id = e.id
       WHERE e.crisis_id = $1 AND ($2::timestamptz IS NULL OR p.promoted_at > $2) AND p.promoted_at <= $3
       ORDER BY e."index"`,
      [crisisId, after, upTo],
    )) as { id: string; index: number; recorded_at: Date; promoted_at: Date; cellule: string; category: SitrepEntry['category']; author_name: string; text: string }[];
    return rows.map((r) => ({
      id: r.id,
      index: r.index,
      recordedAt: r.recorded_at.toISOString(),
      promotedAt: r.promoted_at.toISOString(),
      cellule: r.cellule,
      category: r.category,
      authorName: r.author_name,
      text: r.text,
    }));
  }

  private async lockDraft(m: EntityManager, id: string, version: number): Promise<{ report: SituationReport; crisis: Crisis }> {
    const report = await m.findOne(SituationReport, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!report) throw AppError.notFound('Point de situation');
    if (report.status !== 'draft') throw new AppError('invalid_transition', 'This point de situation is validated: it no longer changes');
    if (report.version !== version)
      throw new AppError('stale_version', 'This point de situation changed since you read it', [
        { path: 'version', message: `current version is ${report.version}` },
      ]);
    const crisis = await this.crises.require(m, report.crisisId);
    return { report, crisis };
  }

  private async event(m: EntityManager, r: SituationReport, action: SituationReportEvent['action'], user: AuthUser): Promise<SituationReportEvent> {
    return m.save(m.create(SituationReportEvent, { reportId: r.id, action, version: r.version, by: user.id, byName: user.displayName }));
  }

  private async events(m: EntityManager, ids: string[]): Promise<Map<string, SituationReportEvent[]>> {
    const out = new Map<string, SituationReportEvent[]>();
    if (ids.length === 0) return out;
    for (const e of await m.find(SituationReportEvent, { where: { reportId: In(ids) }, order: { id: 'ASC' } })) {
      out.set(e.reportId, [...(out.get(e.reportId) ?? []), e]);
    }
    return out;
  }

  private async openCrisis(m: EntityManager, crisisId: string): Promise<Crisis> {
    const crisis = await this.crises.require(m, crisisId, { lock: true });
    if (crisis.status !== 'open') throw new AppError('conflict', 'This crisis is closed', [{ path: 'crisisId', message: 'closed' }]);
    return crisis;
  }
}
