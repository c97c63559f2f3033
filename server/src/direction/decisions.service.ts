import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  AnswerDecisionRequest,
  CreateDecisionRequest,
  Decision as DecisionDto,
  DecisionUrgency,
} from '../contracts/direction';
import { OPEN_DECISION_STATUSES } from '../contracts/direction';
import type { Crisis } from '../crises/crisis.entity';
import { CrisesService } from '../crises/crises.service';
import { TransactionRunner } from '../database/transaction';
import { LogbookService } from '../logbook/logbook.service';
import { PagesService } from '../paging/pages.service';
import { checkAnswer, checkComplement, reminderDue } from './decision-flow';
import { Decision, DecisionStep } from './decision.entity';
import {
  decisionAnsweredText,
  decisionComplementText,
  decisionPage,
  decisionReminderText,
  decisionRequestedText,
} from './direction-texts';
import { ruleAt } from './direction-rules';
import { directionAudience } from './roles';

const SYSTEM_AUTHOR = { id: null, name: 'Vigie' };
const REMINDER_BATCH = 100;

export function toDecisionDto(d: Decision, crisisTitle: string, steps: DecisionStep[]): DecisionDto {
  return {
    id: d.id,
    crisisId: d.crisisId,
    crisisTitle,
    incidentId: d.incidentId,
    question: d.question,
    context: d.context,
    options: d.options,
    urgency: d.urgency,
    status: d.status,
    exercise: d.exercise,
    requestedBy: d.requestedBy,
    requestedByName: d.requestedByName,
    requestedAt: d.requestedAt.toISOString(),
    answeredBy: d.answeredBy,
    answeredByName: d.answeredByName,
    answeredAt: d.answeredAt?.toISOString() ?? null,
    chosenOption: d.chosenOption,
    answerNote: d.answerNote,
    remindedAt: d.remindedAt?.toISOString() ?? null,
    pageId: d.pageId,
    version: d.version,
    history: steps.map((s) => ({
      to: s.to,
      at: s.at.toISOString(),
      by: s.by,
      byName: s.byName,
      note: s.note,
      optionIndex: s.optionIndex,
    })),
  };
}

/** The cellule an author writes from: the authority from the direction, the others from operations. */
function celluleOf(user: AuthUser): 'direction' | 'operations' {
  return user.roles.includes('director') ? 'direction' : 'operations';
}

/**
 * Decisions asked of the authority: request (main courante, `decision.requested`, a page to the
 * authority's contacts: web push, and SMS when urgent), one-tap answer (main courante with who
 * and when, `decision.answered`), complement, and the reminder of urgent decisions left waiting.
 */
@Injectable()
export class DecisionsService {
  private readonly logger = new Logger('Decisions');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly crises: CrisesService,
    private readonly logbook: LogbookService,
    private readonly pages: PagesService,
  ) {}

  async create(input: CreateDecisionRequest, user: AuthUser): Promise<DecisionDto> {
    const dto = await this.tx.run(async (tx) => {
      const crisis = await this.openCrisis(tx.manager, input.crisisId);
      const now = new Date();
      const decision = await tx.manager.save(
        tx.manager.create(Decision, {
          crisisId: crisis.id,
          incidentId: input.incidentId ?? null,
          question: input.question,
          context: input.context ?? null,
          options: input.options,
          urgency: input.urgency,
          status: 'pending',
          exercise: crisis.exercise,
          requestedBy: user.id,
          requestedByName: user.displayName,
          requestedAt: now,
          answeredBy: null,
          answeredByName: null,
          answeredAt: null,
          chosenOption: null,
          answerNote: null,
          remindedAt: null,
          pageId: null,
          version: 1,
        }),
      );
      const step = await this.step(tx.manager, decision, null, user, input.context ?? null, null, now);
      await this.logbook.appendIn(
        tx,
        crisis.id,
        {
          text: decisionRequestedText(decision),
          category: 'demande',
          cellule: celluleOf(user),
          incidentId: decision.incidentId ?? undefined,
          source: 'system',
        },
        { id: user.id, name: user.displayName },
      );
      const dto = toDecisionDto(decision, crisis.title, [step]);
      tx.emit('decision.requested', dto, directionAudience());
      return dto;
    });
    const pageId = await this.pageAuthority(dto, user, false);
    return pageId ? { ...dto, pageId } : dto;
  }

  /** `{data, seq}`: newest first; `open` keeps the decisions still waiting for the authority. */
  list(query: { crisisId?: string; open?: boolean; limit: number }): Promise<{ data: DecisionDto[]; seq: number }> {
    return this.tx.snapshot((m) => this.query(m, query));
  }

  /** The decisions of a query with their history (in the caller's snapshot). */
  async query(m: EntityManager, query: { crisisId?: string; open?: boolean; limit: number }): Promise<DecisionDto[]> {
    const qb = m.createQueryBuilder(Decision, 'd').innerJoinAndSelect('d.crisis', 'c');
    if (query.crisisId) qb.andWhere('d.crisisId = :crisisId', { crisisId: query.crisisId });
    if (query.open === true) qb.andWhere('d.status IN (:...open)', { open: OPEN_DECISION_STATUSES });
    if (query.open === false) qb.andWhere('d.status NOT IN (:...open)', { open: OPEN_DECISION_STATUSES });
    const rows = await qb
      // urgent first among open ones, then newest
      .orderBy(`CASE WHEN d.urgency = 'urgente' AND d.status IN ('pending', 'more_info') THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('d.requestedAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .limit(query.limit)
      .getMany();
    const steps = await this.steps(m, rows.map((d) => d.id));
    return rows.map((d) => toDecisionDto(d, d.crisis!.title, steps.get(d.id) ?? []));
  }

  async get(id: string): Promise<DecisionDto> {
    const { data } = await this.tx.snapshot(async (m) => {
      const d = await m.findOne(Decision, { where: { id }, relations: { crisis: true } });
      if (!d) throw AppError.notFound('Decision');
      return toDecisionDto(d, d.crisis!.title, (await this.steps(m, [id])).get(id) ?? []);
    });
    return data;
  }

  /** The authority's one-tap answer, written to the main courante with who and when. */
  answer(id: string, input: AnswerDecisionRequest, user: AuthUser): Promise<DecisionDto> {
    return this.tx.run(async (tx) => {
      const d = await this.lock(tx.manager, id);
      const check = checkAnswer(d.status, input, d.options.length);
      if (!check.ok) throw new AppError(check.code, check.message, check.details);
      const crisis = await this.openCrisis(tx.manager, d.crisisId);
      const now = new Date();
      const from = d.status;
      d.status = check.to;
      d.version += 1;
      if (check.to !== 'more_info') {
        d.answeredBy = user.id;
        d.answeredByName = user.displayName;
        d.answeredAt = now;
        d.chosenOption = input.answer === 'approve' ? (input.optionIndex ?? null) : null;
        d.answerNote = input.note || null;
      }
      await tx.manager.save(d);
      await this.step(tx.manager, d, from, user, input.note || null, input.answer === 'approve' ? (input.optionIndex ?? null) : null, now);
      await this.logbook.appendIn(
        tx,
        d.crisisId,
        {
          text: decisionAnsweredText(d, input, user.displayName),
          category: input.answer === 'more_info' ? 'demande' : 'decision',
          cellule: 'direction',
          incidentId: d.incidentId ?? undefined,
          source: 'system',
        },
        { id: user.id, name: user.displayName },
      );
      const dto = toDecisionDto(d, crisis.title, (await this.steps(tx.manager, [d.id])).get(d.id) ?? []);
      tx.emit('decision.answered', dto, directionAudience());
      return dto;
    });
  }

  /** The requester (or the COD) completes a decision the authority asked more about. */
  async complement(id: string, note: string, user: AuthUser): Promise<DecisionDto> {
    const dto = await this.tx.run(async (tx) => {
      const d = await this.lock(tx.manager, id);
      const check = checkComplement(d.status);
      if (!check.ok) throw new AppError(check.code, check.message, check.details);
      const crisis = await this.openCrisis(tx.manager, d.crisisId);
      const now = new Date();
      d.status = 'pending';
      d.context = d.context ? `${d.context}\n\nComplément : ${note}` : `Complément : ${note}`;
      d.version += 1;
      await tx.manager.save(d);
      await this.step(tx.manager, d, 'more_info', user, note, null, now);
      await this.logbook.appendIn(
        tx,
        d.crisisId,
        { text: decisionComplementText(d.question, note), category: 'information', cellule: celluleOf(user), source: 'system' },
        { id: user.id, name: user.displayName },
      );
      const dto = toDecisionDto(d, crisis.title, (await this.steps(tx.manager, [d.id])).get(d.id) ?? []);
      tx.emit('decision.updated', dto, directionAudience());
      return dto;
    });
    await this.pageAuthority(dto, user, false);
    return dto;
  }

  /**
   * Urgent decisions waiting longer than the rule's delay: reminded once (main courante,
   * `decision.updated`, a new page to the authority). Returns how many were reminded.
   */
  async remindOverdue(now = new Date()): Promise<number> {
    const reminded = await this.tx.run(async (tx) => {
      const rule = await ruleAt(tx.manager, now);
      const rows = (await tx.manager.query(
        `SELECT d.id FROM decision d JOIN crisis c ON c.id = d.crisis_id
         WHERE d.reminded_at IS NULL AND d.urgency = 'urgente' AND d.status = ANY($1) AND c.status = 'open'
           AND d.requested_at <= $2::timestamptz - make_interval(secs => $3)
         ORDER BY d.requested_at LIMIT $4 FOR UPDATE OF d SKIP LOCKED`,
        [OPEN_DECISION_STATUSES, now, rule.urgentDecisionReminderSec, REMINDER_BATCH],
      )) as { id: string }[];
      if (rows.length === 0) return [];
      const decisions = await tx.manager.find(Decision, {
        where: { id: In(rows.map((r) => r.id)) },
        relations: { crisis: true },
        order: { crisisId: 'ASC', requestedAt: 'ASC' },
      });
      const steps = await this.steps(tx.manager, decisions.map((d) => d.id));
      const out: DecisionDto[] = [];
      for (const d of decisions) {
        if (!reminderDue(d, rule.urgentDecisionReminderSec, now)) continue;
        d.remindedAt = now;
        d.version += 1;
        await tx.manager.save(d);
        await this.logbook.appendIn(
          tx,
          d.crisisId,
          {
            text: decisionReminderText(d.question, Math.round((now.getTime() - d.requestedAt.getTime()) / 60_000)),
            category: 'information',
            cellule: 'direction',
            source: 'system',
          },
          SYSTEM_AUTHOR,
        );
        const dto = toDecisionDto(d, d.crisis!.title, steps.get(d.id) ?? []);
        tx.emit('decision.updated', dto, directionAudience());
        out.push(dto);
      }
      return out;
    });
    for (const d of reminded) await this.pageAuthority(d, { id: d.requestedBy, displayName: d.requestedByName }, true);
    return reminded.length;
  }

  /**
   * Pages the authority's contacts (contacts linked to an active `director` account): web push,
   * plus SMS when urgent. Best effort after commit: the decision stands even if paging fails
   * (the socket event has reached the consoles already).
   */
  private async pageAuthority(
    d: DecisionDto,
    requester: Pick<AuthUser, 'id' | 'displayName'>,
    reminder: boolean,
  ): Promise<string | null> {
    try {
      const contacts = (await this.tx.snapshot((m) =>
        m.query(
          `SELECT c.id FROM contact c JOIN "user" u ON u.id = c.user_id
           WHERE c.active AND u.disabled_at IS NULL AND 'director' = ANY(u.roles) ORDER BY c.id`,
        ),
      )).data as { id: string }[];
      if (contacts.length === 0) {
        this.logger.warn(`decision ${d.id}: no contact linked to a director account, nobody paged`);
        return null;
      }
      const urgency: DecisionUrgency = reminder ? 'urgente' : d.urgency;
      const { title, message } = decisionPage({ ...d, urgency }, reminder);
      const { id } = await this.pages.create(
        {
          title,
          message,
          severity: urgency === 'urgente' ? 'alerte' : 'information',
          recipients: { contactIds: contacts.map((c) => c.id) },
          channels: urgency === 'urgente' ? ['push', 'sms'] : ['push'],
          ackRequired: false,
          escalateAfterSec: 300,
          crisisId: d.crisisId,
        },
        { id: requester.id, displayName: requester.displayName, email: '', roles: [], serviceId: null },
      );
      if (!reminder) await this.tx.run(async (tx) => void (await tx.manager.update(Decision, { id: d.id }, { pageId: id })));
      return id;
    } catch (e) {
      this.logger.error(`decision ${d.id}: paging the authority failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  private async lock(m: EntityManager, id: string): Promise<Decision> {
    const d = await m.findOne(Decision, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!d) throw AppError.notFound('Decision');
    return d;
  }

  private async step(
    m: EntityManager,
    d: Decision,
    from: Decision['status'] | null,
    user: Pick<AuthUser, 'id' | 'displayName'>,
    note: string | null,
    optionIndex: number | null,
    at: Date,
  ): Promise<DecisionStep> {
    return m.save(
      m.create(DecisionStep, { decisionId: d.id, from, to: d.status, at, by: user.id, byName: user.displayName, note, optionIndex }),
    );
  }

  private async steps(m: EntityManager, ids: string[]): Promise<Map<string, DecisionStep[]>> {
    const out = new Map<string, DecisionStep[]>();
    if (ids.length === 0) return out;
    for (const s of await m.find(DecisionStep, { where: { decisionId: In(ids) }, order: { id: 'ASC' } })) {
      out.set(s.decisionId, [...(out.get(s.decisionId) ?? []), s]);
    }
    return out;
  }

  private async openCrisis(m: EntityManager, crisisId: string): Promise<Crisis> {
    const crisis = await this.crises.require(m, crisisId, { lock: true });
    if (crisis.status !== 'open')
      throw new AppError('conflict', 'This crisis is closed', [{ path: 'crisisId', message: 'closed' }]);
    return crisis;
  }
}

