import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { InjectEntityManager } from '@nestjs/typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  CallSummary,
  CreateApplicationRequest,
  CreateAxisRequest,
  CreateCallRequest,
  DecisionRequest,
  GrantApplication as ApplicationDto,
  GrantAxis as AxisDto,
  GrantCall as CallDto,
  GrantFund,
  PaymentRequest,
  ProgrammeRule,
  ReportRequest,
} from '../contracts/grants';
import { TransactionRunner } from '../database/transaction';
import {
  GrantApplication,
  GrantApplicationEvent,
  GrantAxis,
  GrantCall,
  GrantPayment,
  GrantProgrammeRule,
} from './grant.entity';
import {
  ACTION_MOVES,
  amountProblems,
  callPhase,
  envelopeProblems,
  missingDocuments,
  ratePercent,
  renewalProblems,
  ruleInForce,
  scoreProblems,
  totalScore,
} from './grant-rules';

type Actor = Pick<AuthUser, 'id' | 'displayName'>;

function invalid(message: string, details: ErrorDetail[]): AppError {
  return new AppError('validation', message, details);
}

export function toRuleDto(r: GrantProgrammeRule): ProgrammeRule {
  return {
    programmeCode: r.programmeCode,
    fund: r.fund,
    label: r.label,
    effectiveFrom: r.effectiveFrom,
    maxRatePercent: r.maxRatePercent,
    capIncludesStateFunding: r.capIncludesStateFunding,
    minAmount: r.minAmount,
    requiredDocuments: r.requiredDocuments,
    requiresCer: r.requiresCer,
    requiresAxis: r.requiresAxis,
    toConfirm: r.toConfirm,
    source: r.source,
  };
}

function toAxisDto(a: GrantAxis): AxisDto {
  return {
    id: a.id,
    fund: a.fund,
    code: a.code,
    label: a.label,
    description: a.description,
    fromYear: a.fromYear,
    toYear: a.toYear,
  };
}

/**
 * The call-for-projects engine shared by FIPD, MILDECA and the PDASR: calls with an envelope,
 * applications checked against the programme's versioned rules, scoring, committee decisions
 * within the envelope, payments, final reports, renewals that need the previous report.
 */
@Injectable()
export class GrantsService {
  constructor(
    private readonly tx: TransactionRunner,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  // ------------------------------------------------------------------------ rules and axes
  async listRules(fund?: GrantFund): Promise<ProgrammeRule[]> {
    const rules = await this.manager.find(GrantProgrammeRule, {
      where: fund ? { fund } : {},
      order: { fund: 'ASC', programmeCode: 'ASC', effectiveFrom: 'DESC' },
    });
    return rules.map(toRuleDto);
  }

  async listAxes(fund?: GrantFund, year?: number): Promise<AxisDto[]> {
    const axes = await this.manager.find(GrantAxis, {
      where: fund ? { fund } : {},
      order: { fund: 'ASC', code: 'ASC' },
    });
    return axes
      .filter((a) => year === undefined || (a.fromYear <= year && year <= a.toYear))
      .map(toAxisDto);
  }

  /** Adds an axis (used by the DGO of road safety for its stakes, in its own transaction). */
  async createAxisIn(manager: EntityManager, input: CreateAxisRequest): Promise<AxisDto> {
    const clash = await manager.findOne(GrantAxis, {
      where: { fund: input.fund, code: input.code },
    });
    if (clash && clash.fromYear <= input.toYear && input.fromYear <= clash.toYear)
      throw new AppError('conflict', 'An axis with this code already covers these years', [
        {
          path: 'code',
          message: `already used by « ${clash.label} » (${clash.fromYear}–${clash.toYear})`,
        },
      ]);
    const axis = await manager.save(
      manager.create(GrantAxis, {
        fund: input.fund,
        code: input.code,
        label: input.label,
        description: input.description ?? null,
        fromYear: input.fromYear,
        toYear: input.toYear,
      }),
    );
    return toAxisDto(axis);
  }

  createAxis(input: CreateAxisRequest): Promise<AxisDto> {
    return this.tx.run((tx) => this.createAxisIn(tx.manager, input));
  }

  // ------------------------------------------------------------------------ calls
  createCall(
    input: CreateCallRequest & { criteria: CreateCallRequest['criteria'] },
    user: Actor,
  ): Promise<CallDto> {
    return this.tx.run(async ({ manager }) => {
      const problems: ErrorDetail[] = [];
      const rules = await manager.find(GrantProgrammeRule, { where: { fund: input.fund } });
      input.programmeCodes.forEach((code, i) => {
        const inForce = ruleInForce(
          rules.filter((r) => r.programmeCode === code),
          input.opensOn,
        );
        if (!inForce)
          problems.push({
            path: `programmeCodes.${i}`,
            message: `no rule of the ${input.fund.toUpperCase()} fund for programme ${code} on ${input.opensOn}`,
          });
      });
      if (new Date(input.closesAt) <= new Date(`${input.opensOn}T00:00:00Z`))
        problems.push({ path: 'closesAt', message: 'must be after the opening day' });
      const codes = (input.criteria ?? []).map((c) => c.code);
      if (new Set(codes).size !== codes.length)
        problems.push({ path: 'criteria', message: 'two criteria share a code' });
      if (problems.length) throw invalid('Invalid call for projects', problems);
      const call = await manager.save(
        manager.create(GrantCall, {
          fund: input.fund,
          year: input.year,
          title: input.title,
          description: input.description ?? null,
          programmeCodes: [...new Set(input.programmeCodes)],
          opensOn: input.opensOn,
          closesAt: new Date(input.closesAt),
          envelope: input.envelope,
          criteria: input.criteria ?? [],
          adoptedAt: null,
          createdBy: user.id,
        }),
      );
      return (await this.callDtos(manager, [call]))[0];
    });
  }

  async listCalls(fund?: GrantFund): Promise<CallDto[]> {
    const calls = await this.manager.find(GrantCall, {
      where: fund ? { fund } : {},
      order: { year: 'DESC', createdAt: 'DESC' },
    });
    return this.callDtos(this.manager, calls);
  }

  async getCall(id: string): Promise<CallDto> {
    const call = await this.manager.findOne(GrantCall, { where: { id } });
    if (!call) throw AppError.notFound('Call for projects');
    return (await this.callDtos(this.manager, [call]))[0];
  }

  /** Adopts the programme (« arrête le PDASR »): every application must have been decided. */
  adoptCall(id: string): Promise<CallDto> {
    return this.tx.run(async ({ manager }) => {
      const call = await manager.findOne(GrantCall, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!call) throw AppError.notFound('Call for projects');
      if (call.adoptedAt)
        throw new AppError('invalid_transition', 'The programme is already adopted');
      const pending = await manager.find(GrantApplication, {
        where: { callId: id, status: In(['submitted', 'admissible']) },
        order: { reference: 'ASC' },
      });
      if (pending.length)
        throw new AppError(
          'invalid_transition',
          'Every application must be decided before the programme is adopted',
          pending.map((a) => ({ path: a.reference, message: `still ${a.status}` })),
        );
      call.adoptedAt = new Date();
      await manager.save(call);
      return (await this.callDtos(manager, [call]))[0];
    });
  }

  async summary(id: string): Promise<CallSummary> {
    const call = await this.getCall(id);
    const apps = await this.manager.find(GrantApplication, { where: { callId: id } });
    const paid = await this.paidByApplication(
      this.manager,
      apps.map((a) => a.id),
    );
    const axes = await this.manager.find(GrantAxis, { where: { fund: call.fund } });
    const axisLabel = new Map(
      axes
        .filter((a) => a.fromYear <= call.year && call.year <= a.toYear)
        .map((a) => [a.code, a.label]),
    );
    const funded = apps.filter((a) => a.status === 'granted' || a.status === 'closed');
    const group = <K extends string>(key: (a: GrantApplication) => K[]) => {
      const rows = new Map<K, { actions: number; committed: number; paid: number }>();
      for (const a of funded)
        for (const k of key(a)) {
          const row = rows.get(k) ?? { actions: 0, committed: 0, paid: 0 };
          row.actions++;
          row.committed += a.grantedAmount ?? 0;
          row.paid += paid.get(a.id) ?? 0;
          rows.set(k, row);
        }
      return [...rows.entries()].sort(
        (x, y) => y[1].committed - x[1].committed || x[0].localeCompare(y[0]),
      );
    };
    const statuses = new Map<string, { count: number; requested: number }>();
    for (const a of apps) {
      const s = statuses.get(a.status) ?? { count: 0, requested: 0 };
      s.count++;
      s.requested += a.requestedAmount;
      statuses.set(a.status, s);
    }
    return {
      call,
      byStatus: [...statuses.entries()].map(([status, s]) => ({
        status: status as ApplicationDto['status'],
        ...s,
      })),
      byAxis: group((a) => (a.axisCodes.length ? a.axisCodes : ['—'])).map(([code, row]) => ({
        code,
        label: axisLabel.get(code) ?? 'Sans axe',
        ...row,
      })),
      byApplicant: group((a) => [a.applicantName]).map(([applicantName, row]) => ({
        applicantName,
        ...row,
      })),
      byProgramme: group((a) => [a.programmeCode]).map(([programmeCode, row]) => ({
        programmeCode,
        ...row,
      })),
    };
  }

  // ------------------------------------------------------------------------ applications
  /**
   * Files an application: the call must be open, the programme one of the call's, the amounts
   * within the programme's cap and minimum, the axes those of the fund for the year, and a
   * renewal needs the previous action's final report. All problems are listed at once.
   */
  createApplication(
    callId: string,
    input: CreateApplicationRequest,
    user: Actor,
    now = new Date(),
  ): Promise<ApplicationDto> {
    return this.tx.run(async ({ manager }) => {
      const call = await manager.findOne(GrantCall, {
        where: { id: callId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!call) throw AppError.notFound('Call for projects');
      const phase = callPhase(call, now);
      if (phase !== 'open')
        throw new AppError('invalid_transition', 'The call for projects is not open', [
          {
            path: 'callId',
            message:
              phase === 'upcoming'
                ? `opens on ${call.opensOn}`
                : `closed on ${call.closesAt.toISOString()}`,
          },
        ]);
      const problems: ErrorDetail[] = [];
      const rule = await this.ruleFor(manager, call, input.programmeCode);
      if (!call.programmeCodes.includes(input.programmeCode) || !rule)
        problems.push({
          path: 'programmeCode',
          message: `not a programme of this call (${call.programmeCodes.join(', ')})`,
        });
      const funding = {
        totalCost: input.totalCost,
        coFunding: (input.coFunding ?? []).map((c) => ({
          amount: c.amount,
          state: c.state ?? false,
        })),
      };
      if (rule)
        problems.push(...amountProblems(rule, funding, input.requestedAmount, 'requestedAmount'));
      const axisCodes = [...new Set(input.axisCodes ?? [])];
      problems.push(
        ...(await this.axisProblems(manager, call, axisCodes, rule?.requiresAxis ?? false)),
      );
      if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
        problems.push({ path: 'endsOn', message: 'before the start' });
      const communes = [...new Set(input.communes ?? [])];
      const insees = [
        ...communes,
        ...(input.applicantCommuneInsee ? [input.applicantCommuneInsee] : []),
      ];
      if (insees.length) {
        const known = new Set(
          (
            (await manager.query('SELECT insee FROM commune WHERE insee = ANY($1::text[])', [
              insees,
            ])) as { insee: string }[]
          ).map((r) => r.insee),
        );
        communes.forEach((c, i) => {
          if (!known.has(c))
            problems.push({ path: `communes.${i}`, message: 'not a Puy-de-Dôme commune' });
        });
        if (input.applicantCommuneInsee && !known.has(input.applicantCommuneInsee))
          problems.push({ path: 'applicantCommuneInsee', message: 'not a Puy-de-Dôme commune' });
      }
      if (input.renewalOfId) {
        const previous = await manager.findOne(GrantApplication, {
          where: { id: input.renewalOfId },
          relations: { call: true },
        });
        problems.push(
          ...renewalProblems(
            previous && {
              fund: previous.call.fund,
              year: previous.call.year,
              status: previous.status,
              hasReport: previous.report !== null,
            },
            call,
          ),
        );
      }
      if (problems.length) throw invalid('Invalid application', problems);

      const count = await manager.count(GrantApplication, { where: { callId } });
      const application = await manager.save(
        manager.create(GrantApplication, {
          callId,
          reference: `${call.fund.toUpperCase()}-${call.year}-${call.id.slice(0, 4).toUpperCase()}-${String(count + 1).padStart(3, '0')}`,
          applicantName: input.applicantName,
          applicantKind: input.applicantKind,
          siret: input.siret ?? null,
          applicantCommuneInsee: input.applicantCommuneInsee ?? null,
          title: input.title,
          description: input.description ?? null,
          programmeCode: input.programmeCode,
          axisCodes,
          targetPublic: input.targetPublic ?? null,
          communes,
          startsOn: input.startsOn ?? null,
          endsOn: input.endsOn ?? null,
          totalCost: input.totalCost,
          requestedAmount: input.requestedAmount,
          coFunding: (input.coFunding ?? []).map((c) => ({
            funder: c.funder,
            amount: c.amount,
            state: c.state ?? false,
          })),
          cerSigned: input.cerSigned ?? false,
          documents: [...new Set(input.documents ?? [])],
          renewalOfId: input.renewalOfId ?? null,
          status: 'submitted',
          scores: {},
          grantedAmount: null,
          committeeDate: null,
          decisionNote: null,
          report: null,
          version: 1,
          createdBy: user.id,
        }),
      );
      await this.record(manager, application, 'submit', null, user, null, now);
      return this.applicationDto(manager, application.id);
    });
  }

  async listApplications(callId: string): Promise<ApplicationDto[]> {
    await this.getCall(callId);
    const apps = await this.manager.find(GrantApplication, {
      where: { callId },
      order: { reference: 'ASC' },
    });
    return this.applicationDtos(this.manager, apps);
  }

  getApplication(id: string): Promise<ApplicationDto> {
    return this.applicationDto(this.manager, id);
  }

  /** Records documents received and the CER (before the admissibility decision). */
  setDocuments(id: string, input: { documents: string[]; cerSigned: boolean }, user: Actor) {
    return this.mutate(id, user, ['submitted', 'admissible'], async (m, app) => {
      app.documents = [...new Set(input.documents)];
      app.cerSigned = input.cerSigned;
      await m.save(app);
      return { action: 'documents', note: `Pièces : ${app.documents.join(', ') || 'aucune'}` };
    });
  }

  setScores(id: string, input: { scores: Record<string, number> }, user: Actor) {
    return this.mutate(id, user, ['admissible'], async (m, app, call) => {
      const problems = scoreProblems(call.criteria, input.scores);
      if (problems.length) throw invalid('Invalid scores', problems);
      app.scores = { ...app.scores, ...input.scores };
      await m.save(app);
      return { action: 'score', note: `Note : ${totalScore(app.scores)}` };
    });
  }

  /**
   * Admissibility, committee decision and closing. Admission needs the required documents and
   * the CER; a grant stays within the programme's cap and the call's envelope (the call row is
   * locked, so concurrent grants cannot overrun it); closing needs the final report.
   */
  decide(id: string, input: DecisionRequest, user: Actor): Promise<ApplicationDto> {
    const move = ACTION_MOVES[input.action];
    return this.mutate(
      id,
      user,
      move.from,
      async (m, app, call, rule) => {
        const problems: ErrorDetail[] = [];
        switch (input.action) {
          case 'admit': {
            const missing = rule ? missingDocuments(rule, app) : [];
            if (missing.length)
              throw invalid(
                'Documents are missing',
                missing.map((code) => ({
                  path: `documents.${code}`,
                  message: 'required and not received',
                })),
              );
            break;
          }
          case 'declare_inadmissible':
            break;
          case 'grant': {
            if (input.amount > app.requestedAmount)
              problems.push({ path: 'amount', message: 'more than the amount requested' });
            if (rule) problems.push(...amountProblems(rule, app, input.amount, 'amount'));
            problems.push(
              ...envelopeProblems(call.envelope, await this.committed(m, call.id), input.amount),
            );
            if (problems.length) throw invalid('The grant breaks a rule', problems);
            app.grantedAmount = input.amount;
            app.committeeDate = input.committeeDate;
            break;
          }
          case 'reject':
            app.committeeDate = input.committeeDate;
            break;
          case 'close':
            if (!app.report)
              throw new AppError('invalid_transition', 'The final report has not been received', [
                { path: 'report', message: 'required to close the grant' },
              ]);
            break;
          default: {
            const never: never = input;
            throw new Error(`unknown action ${String(never)}`);
          }
        }
        if (input.action !== 'close') app.decisionNote = input.note ?? null;
        app.status = move.to;
        await m.save(app);
        return { action: input.action, note: input.note ?? null };
      },
      input.action === 'grant' ||
        input.action === 'reject' ||
        input.action === 'admit' ||
        input.action === 'declare_inadmissible',
    );
  }

  addPayment(id: string, input: PaymentRequest, user: Actor) {
    return this.mutate(id, user, ['granted'], async (m, app) => {
      const paid = (await this.paidByApplication(m, [app.id])).get(app.id) ?? 0;
      if (paid + input.amount > (app.grantedAmount ?? 0))
        throw invalid('The payment exceeds the grant', [
          { path: 'amount', message: `${(app.grantedAmount ?? 0) - paid} € left to pay` },
        ]);
      await m.save(m.create(GrantPayment, { applicationId: app.id, ...input, createdBy: user.id }));
      return { action: 'payment', note: `${input.label} : ${input.amount} €` };
    });
  }

  setReport(id: string, input: ReportRequest, user: Actor) {
    return this.mutate(id, user, ['granted', 'closed'], async (m, app) => {
      app.report = input;
      await m.save(app);
      return { action: 'report', note: `Bilan reçu le ${input.receivedOn}` };
    });
  }

  // ------------------------------------------------------------------------ internals
  /**
   * Loads the application and its call under lock, checks its status, runs `work`, bumps the
   * version and records the history line. `frozenByAdoption`: refused once the programme is adopted.
   */
  private mutate(
    id: string,
    user: Actor,
    from: ApplicationDto['status'][],
    work: (
      m: EntityManager,
      app: GrantApplication,
      call: GrantCall,
      rule: GrantProgrammeRule | null,
    ) => Promise<{ action: string; note: string | null }>,
    frozenByAdoption = false,
  ): Promise<ApplicationDto> {
    return this.tx.run(async ({ manager }) => {
      const found = await manager.findOne(GrantApplication, { where: { id } });
      if (!found) throw AppError.notFound('Application');
      // the call first, then the application: the same order for every writer
      const call = await manager.findOneOrFail(GrantCall, {
        where: { id: found.callId },
        lock: { mode: 'pessimistic_write' },
      });
      const app = await manager.findOneOrFail(GrantApplication, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (frozenByAdoption && call.adoptedAt)
        throw new AppError(
          'invalid_transition',
          'The programme has been adopted: decisions are final',
        );
      if (!from.includes(app.status))
        throw new AppError(
          'invalid_transition',
          `Not possible for an application that is ${app.status}`,
          [{ path: 'status', message: `expected one of ${from.join(', ')}` }],
        );
      const before = app.status;
      const rule = await this.ruleFor(manager, call, app.programmeCode);
      const { action, note } = await work(manager, app, call, rule);
      await manager.increment(GrantApplication, { id }, 'version', 1);
      await this.record(manager, app, action, before, user, note);
      return this.applicationDto(manager, id);
    });
  }

  private async record(
    m: EntityManager,
    app: GrantApplication,
    action: string,
    from: ApplicationDto['status'] | null,
    user: Actor,
    note: string | null,
    at = new Date(),
  ): Promise<void> {
    await m.insert(GrantApplicationEvent, {
      applicationId: app.id,
      action,
      from,
      to: app.status,
      at,
      by: user.id,
      byName: user.displayName,
      note,
    });
  }

  private async ruleFor(
    m: EntityManager,
    call: GrantCall,
    programmeCode: string,
  ): Promise<GrantProgrammeRule | null> {
    const rules = await m.find(GrantProgrammeRule, { where: { fund: call.fund, programmeCode } });
    return ruleInForce(rules, call.opensOn);
  }

  private async axisProblems(
    m: EntityManager,
    call: GrantCall,
    codes: string[],
    required: boolean,
  ): Promise<ErrorDetail[]> {
    if (codes.length === 0)
      return required
        ? [
            {
              path: 'axisCodes',
              message: 'link the action to at least one axis of the plan (DGO stake, plan axis)',
            },
          ]
        : [];
    const axes = await m.find(GrantAxis, { where: { fund: call.fund, code: In(codes) } });
    const valid = new Set(
      axes.filter((a) => a.fromYear <= call.year && call.year <= a.toYear).map((a) => a.code),
    );
    return codes.flatMap((c, i) =>
      valid.has(c)
        ? []
        : [{ path: `axisCodes.${i}`, message: `no axis ${c} of this fund for ${call.year}` }],
    );
  }

  private async committed(m: EntityManager, callId: string): Promise<number> {
    const [{ sum }] = (await m.query(
      `SELECT COALESCE(SUM(granted_amount), 0)::int AS sum FROM grant_application
       WHERE call_id = $1 AND status IN ('granted', 'closed')`,
      [callId],
    )) as [{ sum: number }];
    return sum;
  }

  private async paidByApplication(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = (await m.query(
      `SELECT application_id AS id, SUM(amount)::int AS paid FROM grant_payment
       WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`,
      [ids],
    )) as { id: string; paid: number }[];
    return new Map(rows.map((r) => [r.id, r.paid]));
  }

  private async callDtos(
    m: EntityManager,
    calls: GrantCall[],
    now = new Date(),
  ): Promise<CallDto[]> {
    if (!calls.length) return [];
    const rows = (await m.query(
      `SELECT a.call_id AS id, COUNT(*)::int AS applications,
              COALESCE(SUM(a.granted_amount) FILTER (WHERE a.status IN ('granted', 'closed')), 0)::int AS committed,
              COALESCE(SUM(p.paid), 0)::int AS paid
       FROM grant_application a
       LEFT JOIN (SELECT application_id, SUM(amount) AS paid FROM grant_payment GROUP BY application_id) p
         ON p.application_id = a.id
       WHERE a.call_id = ANY($1::uuid[]) GROUP BY a.call_id`,
      [calls.map((c) => c.id)],
    )) as { id: string; applications: number; committed: number; paid: number }[];
    const stats = new Map(rows.map((r) => [r.id, r]));
    return calls.map((c) => {
      const s = stats.get(c.id) ?? { applications: 0, committed: 0, paid: 0 };
      return {
        id: c.id,
        fund: c.fund,
        year: c.year,
        title: c.title,
        description: c.description,
        programmeCodes: c.programmeCodes,
        opensOn: c.opensOn,
        closesAt: c.closesAt.toISOString(),
        envelope: c.envelope,
        criteria: c.criteria,
        phase: callPhase(c, now),
        adoptedAt: c.adoptedAt?.toISOString() ?? null,
        committed: s.committed,
        paid: s.paid,
        remaining: c.envelope - s.committed,
        applications: s.applications,
      };
    });
  }

  private async applicationDto(m: EntityManager, id: string): Promise<ApplicationDto> {
    const app = await m.findOne(GrantApplication, { where: { id } });
    if (!app) throw AppError.notFound('Application');
    return (await this.applicationDtos(m, [app], true))[0];
  }

  private async applicationDtos(
    m: EntityManager,
    apps: GrantApplication[],
    withHistory = false,
  ): Promise<ApplicationDto[]> {
    if (!apps.length) return [];
    const ids = apps.map((a) => a.id);
    const calls = new Map(
      (await m.find(GrantCall, { where: { id: In([...new Set(apps.map((a) => a.callId))]) } })).map(
        (c) => [c.id, c],
      ),
    );
    const rules = await m.find(GrantProgrammeRule);
    const payments = await m.find(GrantPayment, {
      where: { applicationId: In(ids) },
      order: { paidOn: 'ASC' },
    });
    const history = withHistory
      ? await m.find(GrantApplicationEvent, {
          where: { applicationId: In(ids) },
          order: { id: 'ASC' },
        })
      : [];
    return apps.map((a) => {
      const call = calls.get(a.callId)!;
      const rule = ruleInForce(
        rules.filter((r) => r.fund === call.fund && r.programmeCode === a.programmeCode),
        call.opensOn,
      );
      const mine = payments.filter((p) => p.applicationId === a.id);
      return {
        id: a.id,
        callId: a.callId,
        fund: call.fund,
        year: call.year,
        reference: a.reference,
        applicantName: a.applicantName,
        applicantKind: a.applicantKind,
        siret: a.siret,
        applicantCommuneInsee: a.applicantCommuneInsee,
        title: a.title,
        description: a.description,
        programmeCode: a.programmeCode,
        axisCodes: a.axisCodes,
        targetPublic: a.targetPublic,
        communes: a.communes,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        totalCost: a.totalCost,
        requestedAmount: a.requestedAmount,
        requestedRate: ratePercent(a.requestedAmount, a.totalCost),
        coFunding: a.coFunding,
        cerSigned: a.cerSigned,
        documents: a.documents,
        missingDocuments: rule ? missingDocuments(rule, a) : [],
        renewalOfId: a.renewalOfId,
        status: a.status,
        scores: a.scores,
        score: totalScore(a.scores),
        grantedAmount: a.grantedAmount,
        grantedRate: a.grantedAmount === null ? null : ratePercent(a.grantedAmount, a.totalCost),
        committeeDate: a.committeeDate,
        decisionNote: a.decisionNote,
        paid: mine.reduce((s, p) => s + p.amount, 0),
        payments: mine.map((p) => ({
          id: p.id,
          amount: p.amount,
          paidOn: p.paidOn,
          label: p.label,
        })),
        report: a.report,
        version: a.version,
        createdAt: a.createdAt.toISOString(),
        history: history
          .filter((h) => h.applicationId === a.id)
          .map((h) => ({
            at: h.at.toISOString(),
            byName: h.byName,
            action: h.action,
            from: h.from,
            to: h.to,
            note: h.note,
          })),
      };
    });
  }
}
