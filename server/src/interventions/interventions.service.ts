import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/workflow/clock';
import { addDays, daysBetween, parisDate } from '../common/workflow/calendar';
import type {
  CreateInterventionInput,
  InterventionDetail,
  Intervention as InterventionDto,
  InterventionTransitionInput,
  ListInterventionsQuery,
  UpdateInterventionInput,
} from '../contracts/interventions';
import { OFFICIAL_FUNCTIONS } from '../contracts/territory';
import { TransactionRunner, type Tx } from '../database/transaction';
import { Contact } from '../directory/contact.entity';
import { Service } from '../directory/service.entity';
import { reminderLabel, type ReminderKind } from '../common/workflow/due-dates';
import { OPEN_STATUSES, toInterventionDto } from './intervention-dto';
import {
  Intervention,
  InterventionLetter,
  InterventionReminder,
  InterventionTransition,
} from './intervention.entity';
import { InterventionRulesService } from './intervention-rules.service';
import {
  canSee,
  INTERVENTION_WORKFLOW,
  interventionActor,
  interventionAudience,
  interventionScope,
} from './intervention-workflow';

/** Postgres advisory lock key serialising reference numbering. */
const REFERENCE_LOCK = 6300010;

/**
 * The register of interventions: numbering, routing to a service with a due date, the
 * workflow and its history. Need-to-know: a service sees only what is routed to it, and an
 * intervention it may not see is answered 404, never 403 (its existence is not revealed).
 */
@Injectable()
export class InterventionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly rules: InterventionRulesService,
    private readonly clock: Clock,
  ) {}

  create(input: CreateInterventionInput, user: AuthUser): Promise<InterventionDetail> {
    return this.tx.run(async (tx) => {
      await this.requireOfficial(tx.manager, input.officialId);
      await this.requireCommune(tx.manager, input.beneficiaryCommuneInsee);
      const now = this.clock.now();
      if (input.receivedOn > parisDate(now))
        throw new AppError('validation', 'Invalid request', [
          { path: 'receivedOn', message: 'cannot be in the future' },
        ]);
      const reference = await this.nextReference(tx.manager, input.receivedOn.slice(0, 4));
      const item = await tx.manager.save(
        tx.manager.create(Intervention, {
          reference,
          receivedOn: input.receivedOn,
          channel: input.channel,
          officialId: input.officialId,
          beneficiaryKind: input.beneficiaryKind,
          beneficiaryName: input.beneficiaryName,
          beneficiaryCommuneInsee: input.beneficiaryCommuneInsee ?? null,
          theme: input.theme,
          subject: input.subject,
          caseReference: input.caseReference ?? null,
          signatory: input.signatory,
          confidentiality: input.confidentiality,
          status: 'enregistree',
          createdBy: user.id,
        }),
      );
      await tx.manager.insert(InterventionTransition, {
        interventionId: item.id,
        from: null,
        to: 'enregistree',
        at: now,
        by: user.id,
        byName: user.displayName,
        note: null,
        serviceName: null,
      });
      this.emitChanged(tx, 'intervention.created', item);
      return this.detailIn(tx.manager, item.id, user);
    });
  }

  /** `{data, seq}`, most urgent first: by due date, then newest. */
  async list(
    query: ListInterventionsQuery,
    user: AuthUser,
  ): Promise<{ data: InterventionDto[]; seq: number }> {
    const scope = interventionScope(user);
    const now = this.clock.now();
    return this.tx.snapshot(async (manager) => {
      if (!scope.all && scope.serviceId === null) return [];
      const rule = await this.rules.inForce(manager, now);
      const qb = manager
        .createQueryBuilder(Intervention, 'i')
        .innerJoinAndSelect('i.official', 'official')
        .leftJoinAndSelect('i.service', 'service');
      if (!scope.all) {
        qb.andWhere('i.serviceId = :scopeService', { scopeService: scope.serviceId }).andWhere(
          "i.status <> 'enregistree'",
        );
      }
      if (query.status) qb.andWhere('i.status = :status', { status: query.status });
      if (query.serviceId) qb.andWhere('i.serviceId = :serviceId', { serviceId: query.serviceId });
      if (query.officialId)
        qb.andWhere('i.officialId = :officialId', { officialId: query.officialId });
      if (query.theme) qb.andWhere('i.theme = :theme', { theme: query.theme });
      if (query.open === 'true') qb.andWhere('i.status IN (:...open)', { open: OPEN_STATUSES });
      if (query.open === 'false')
        qb.andWhere('i.status NOT IN (:...open)', { open: OPEN_STATUSES });
      if (query.overdue === 'true')
        qb.andWhere("i.status = 'transmise' AND i.dueDate < :today", { today: parisDate(now) });
      if (query.q) {
        const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        qb.andWhere(
          new Brackets((w) => {
            w.where('i.reference ILIKE :like', { like })
              .orWhere('i.subject ILIKE :like', { like })
              .orWhere('i.beneficiaryName ILIKE :like', { like });
            // a service may not search by an official's name it is not shown
            if (scope.all) w.orWhere('official.name ILIKE :like', { like });
          }),
        );
      }
      qb.orderBy('i.dueDate', 'ASC', 'NULLS LAST')
        .addOrderBy('i.receivedOn', 'DESC')
        .addOrderBy('i.reference', 'DESC');
      const items = await qb.take(1000).getMany();
      return items.map((i) => toInterventionDto(i, user, rule.reminderDaysBefore, now));
    });
  }

  get(id: string, user: AuthUser): Promise<InterventionDetail> {
    return this.detailIn(this.dataSource.manager, id, user);
  }

  update(id: string, input: UpdateInterventionInput, user: AuthUser): Promise<InterventionDetail> {
    return this.tx.run(async (tx) => {
      const item = await this.lockVisible(tx.manager, id, user);
      if (interventionActor(user, item) !== 'cabinet')
        throw new AppError('forbidden', 'Only the Cabinet edits an intervention');
      if (item.version !== input.version)
        throw new AppError('stale_version', 'The intervention changed since you read it', [
          { path: 'version', message: `current version is ${item.version}` },
        ]);
      if (!OPEN_STATUSES.includes(item.status))
        throw new AppError('conflict', 'A closed intervention is not edited', [
          { path: 'status', message: item.status },
        ]);
      const { version: _version, ...fields } = input;
      if (fields.beneficiaryCommuneInsee !== undefined)
        await this.requireCommune(tx.manager, fields.beneficiaryCommuneInsee);
      Object.assign(item, fields);
      item.version += 1;
      await tx.manager.save(item);
      this.emitChanged(tx, 'intervention.updated', item);
      return this.detailIn(tx.manager, item.id, user);
    });
  }

  /**
   * One move of the workflow: checked against the table, stamped, recorded in the history and
   * published, in one transaction. Routing sets the service and the due date (default: the
   * rule table's delay); a final reply needs its outcome.
   */
  transition(
    id: string,
    input: InterventionTransitionInput,
    user: AuthUser,
  ): Promise<InterventionDetail> {
    return this.tx.run(async (tx) => {
      const item = await this.lockVisible(tx.manager, id, user);
      const actor = interventionActor(user, item);
      if (!actor) throw new AppError('forbidden', 'You may not move this intervention');
      const check = INTERVENTION_WORKFLOW.check(item.status, input.to, actor);
      if (!check.ok) throw new AppError(check.code, check.message, check.details);
      const now = this.clock.now();
      const today = parisDate(now);
      const problems: ErrorDetail[] = [];
      const formerService = item.serviceId;
      let serviceName: string | null = null;
      switch (input.to) {
        case 'transmise': {
          if (!input.serviceId) {
            problems.push({ path: 'serviceId', message: 'the instructing service is required' });
            break;
          }
          const service = await tx.manager.findOneBy(Service, { id: input.serviceId });
          if (!service) {
            problems.push({ path: 'serviceId', message: 'no such service in the directory' });
            break;
          }
          const rule = await this.rules.inForce(tx.manager, now);
          const dueDate = input.dueDate ?? addDays(today, rule.defaultDueDays);
          if (dueDate < today) problems.push({ path: 'dueDate', message: 'cannot be in the past' });
          item.serviceId = service.id;
          item.service = service;
          item.transmittedOn = today;
          // a new due date starts a new reminder cycle and a new escalation
          if (dueDate !== item.dueDate) item.escalatedAt = null;
          item.dueDate = dueDate;
          item.elementsReceivedOn = null;
          serviceName = service.name;
          break;
        }
        case 'elements_recus':
          item.elementsReceivedOn = today;
          if (actor === 'service' && !input.note)
            problems.push({ path: 'note', message: 'the elements of answer are required' });
          break;
        case 'repondue':
          if (!input.outcome)
            problems.push({ path: 'outcome', message: 'the outcome of the reply is required' });
          item.outcome = input.outcome ?? null;
          item.finalReplySentOn = today;
          item.closedAt = now;
          break;
        case 'classee':
          if (!input.note)
            problems.push({ path: 'note', message: 'say why the intervention is closed' });
          item.closedAt = now;
          break;
        case 'enregistree':
          break;
      }
      if (input.to !== 'transmise' && (input.serviceId || input.dueDate))
        problems.push({ path: 'serviceId', message: 'only when routing to a service (transmise)' });
      if (input.to !== 'repondue' && input.outcome)
        problems.push({ path: 'outcome', message: 'only with the final reply (repondue)' });
      if (problems.length) throw new AppError('validation', 'Invalid transition', problems);
      const from = item.status;
      item.status = input.to;
      item.version += 1;
      await tx.manager.save(item);
      await tx.manager.insert(InterventionTransition, {
        interventionId: item.id,
        from,
        to: input.to,
        at: now,
        by: user.id,
        byName: user.displayName,
        note: input.note || null,
        serviceName,
      });
      this.emitChanged(tx, 'intervention.updated', item, formerService);
      return this.detailIn(tx.manager, item.id, user);
    });
  }

  /** The intervention with its history, letters and reminders; 404 when the user may not see it. */
  async detailIn(manager: EntityManager, id: string, user: AuthUser): Promise<InterventionDetail> {
    const item = await manager.findOne(Intervention, {
      where: { id },
      relations: { official: true, service: true },
    });
    if (!item || !canSee(interventionScope(user), item)) throw AppError.notFound('Intervention');
    const now = this.clock.now();
    const rule = await this.rules.inForce(manager, now);
    const [history, letters, reminders] = await Promise.all([
      manager.find(InterventionTransition, { where: { interventionId: id }, order: { id: 'ASC' } }),
      manager.find(InterventionLetter, {
        where: { interventionId: id },
        order: { createdAt: 'ASC' },
      }),
      manager.find(InterventionReminder, { where: { interventionId: id }, order: { id: 'ASC' } }),
    ]);
    return {
      ...toInterventionDto(item, user, rule.reminderDaysBefore, now),
      history: history.map((h) => ({
        from: h.from,
        to: h.to,
        at: h.at.toISOString(),
        byName: h.byName,
        note: h.note,
        serviceName: h.serviceName,
      })),
      letters: letters.map((l) => ({
        id: l.id,
        kind: l.kind,
        createdAt: l.createdAt.toISOString(),
        createdByName: l.createdByName,
      })),
      reminders: reminders.map((r) => ({
        kind: r.kind,
        label: reminderLabel(r.kind as ReminderKind),
        dueDate: r.dueDate,
        sentAt: r.sentAt.toISOString(),
      })),
    };
  }

  /** Locks the intervention for a change; 404 when absent or not visible to the user. */
  async lockVisible(manager: EntityManager, id: string, user: AuthUser): Promise<Intervention> {
    const item = await manager.findOne(Intervention, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!item || !canSee(interventionScope(user), item)) throw AppError.notFound('Intervention');
    return item;
  }

  emitChanged(
    tx: Tx,
    type: 'intervention.created' | 'intervention.updated',
    item: Intervention,
    formerServiceId: string | null = null,
  ): void {
    tx.emit(
      type,
      {
        id: item.id,
        reference: item.reference,
        status: item.status,
        serviceId: item.serviceId,
        version: item.version,
      },
      interventionAudience(item.status === 'enregistree' ? null : item.serviceId, formerServiceId),
    );
  }

  /** Average days from reception to final reply. */
  static averageAnswerDays(
    items: Pick<Intervention, 'receivedOn' | 'finalReplySentOn'>[],
  ): number | null {
    const answered = items.filter((i) => i.finalReplySentOn);
    if (answered.length === 0) return null;
    const total = answered.reduce(
      (sum, i) => sum + daysBetween(i.receivedOn, i.finalReplySentOn!),
      0,
    );
    return Math.round((total / answered.length) * 10) / 10;
  }

  private async nextReference(manager: EntityManager, year: string): Promise<string> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [REFERENCE_LOCK]);
    const prefix = `INT-${year}-`;
    const [{ last }] = (await manager.query(
      `SELECT coalesce(max(substring(reference from $2::int)::int), 0) AS last FROM intervention WHERE reference LIKE $1`,
      [`${prefix}%`, prefix.length + 1],
    )) as [{ last: number }];
    return `${prefix}${String(Number(last) + 1).padStart(4, '0')}`;
  }

  private async requireOfficial(manager: EntityManager, id: string): Promise<Contact> {
    const contact = await manager.findOneBy(Contact, { id });
    const functions: readonly string[] = OFFICIAL_FUNCTIONS;
    if (!contact || !contact.active)
      throw new AppError('validation', 'Invalid request', [
        { path: 'officialId', message: 'no such active contact in the directory' },
      ]);
    if (!functions.includes(contact.function))
      throw new AppError('validation', 'Invalid request', [
        { path: 'officialId', message: `not an elected official (${contact.function})` },
      ]);
    return contact;
  }

  private async requireCommune(
    manager: EntityManager,
    insee: string | null | undefined,
  ): Promise<void> {
    if (!insee) return;
    const [row] = (await manager.query('SELECT 1 FROM commune WHERE insee = $1', [
      insee,
    ])) as unknown[];
    if (!row)
      throw new AppError('validation', 'Invalid request', [
        { path: 'beneficiaryCommuneInsee', message: 'not a commune of the Puy-de-Dôme' },
      ]);
  }
}
