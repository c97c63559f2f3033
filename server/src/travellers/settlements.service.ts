import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  In,
  IsNull,
  LessThanOrEqual,
  MoreThanOrEqual,
  Not,
} from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  Settlement as SettlementDto,
  SettlementActionInput,
  SettlementInput,
  SettlementStatus,
  UpdateSettlementInput,
} from '../contracts/travellers';
import { Commune } from '../reference/commune.entity';
import { parisDay } from './delays';
import { checkAction, nextActions, preconditions } from './settlement-workflow';
import { TravellersRulesService } from './travellers-rules.service';
import { UnlawfulSettlement, UnlawfulSettlementEvent } from './travellers.entity';

/** Steps during which the facts and preconditions may still be completed. */
const EDITABLE: readonly SettlementStatus[] = ['constate', 'demande_recue'];
/** A constat may be recorded a little ahead of the server clock, not in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

type SettlementWithCommune = UnlawfulSettlement & { commune: Commune };

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The unlawful-settlement procedures: constat, guided steps, history and documents. */
@Injectable()
export class SettlementsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rules: TravellersRulesService,
  ) {}

  async list(status?: SettlementStatus): Promise<SettlementDto[]> {
    const rows = await this.ds.manager.find(UnlawfulSettlement, {
      where: status ? { status } : {},
      relations: { commune: true },
      order: { observedAt: 'DESC' },
    });
    return this.toDtos(this.ds.manager, rows as SettlementWithCommune[]);
  }

  async get(id: string, manager: EntityManager = this.ds.manager): Promise<SettlementDto> {
    const row = await manager.findOne(UnlawfulSettlement, {
      where: { id },
      relations: { commune: true },
    });
    if (!row) throw AppError.notFound('Settlement');
    const [dto] = await this.toDtos(manager, [row as SettlementWithCommune]);
    return dto;
  }

  /** The record as stored, with its commune (documents). */
  async record(id: string): Promise<SettlementWithCommune> {
    const row = await this.ds.manager.findOne(UnlawfulSettlement, {
      where: { id },
      relations: { commune: true },
    });
    if (!row) throw AppError.notFound('Settlement');
    return row as SettlementWithCommune;
  }

  create(input: SettlementInput, user: AuthUser): Promise<SettlementDto> {
    return this.ds.transaction(async (manager) => {
      const observedAt = new Date(input.observedAt);
      await this.checkFacts(manager, input.communeInsee, observedAt);
      // one reference sequence per year, taken under a lock
      await manager.query('SELECT pg_advisory_xact_lock(6300010)');
      const year = parisDay(observedAt).slice(0, 4);
      const [{ n }] = (await manager.query(
        // the highest number of the year, not a count: numbers are never reused
        `SELECT coalesce(max(substring(reference FROM '\\d+$')::int), 0) AS n
         FROM unlawful_settlement WHERE reference LIKE $1`,
        [`GDV-${year}-%`],
      )) as [{ n: number }];
      const saved = await manager.save(
        manager.create(UnlawfulSettlement, {
          reference: `GDV-${year}-${String(n + 1).padStart(3, '0')}`,
          communeInsee: input.communeInsee,
          place: input.place,
          lon: input.location?.[0] ?? null,
          lat: input.location?.[1] ?? null,
          landKind: input.landKind,
          landOwner: input.landOwner ?? null,
          caravans: input.caravans,
          groupName: input.groupName ?? null,
          observedAt,
          status: 'constate',
          banOrderNumber: input.banOrderNumber ?? null,
          banOrderDate: input.banOrderDate ?? null,
          compliance: input.compliance ?? null,
          complianceNote: input.complianceNote ?? null,
          harmKinds: input.harmKinds ?? [],
          harmFacts: input.harmFacts ?? null,
          createdBy: user.id,
        }),
      );
      await manager.insert(UnlawfulSettlementEvent, {
        settlementId: saved.id,
        action: 'created',
        from: null,
        to: 'constate',
        at: new Date(),
        by: user.id,
        byName: user.displayName,
        note: null,
      });
      return this.get(saved.id, manager);
    });
  }

  /** Completes the facts and preconditions, until the mise en demeure is issued. */
  update(id: string, input: UpdateSettlementInput, user: AuthUser): Promise<SettlementDto> {
    return this.ds.transaction(async (manager) => {
      const row = await this.locked(manager, id, input.version);
      if (!EDITABLE.includes(row.status))
        throw new AppError(
          'invalid_transition',
          'The facts are frozen once the mise en demeure is issued',
          [{ path: 'status', message: row.status }],
        );
      const { version: _v, location, observedAt, ...rest } = input;
      const next = { ...row, ...stripUndefined(rest) } as UnlawfulSettlement;
      if (location !== undefined) [next.lon, next.lat] = location ?? [null, null];
      if (observedAt) next.observedAt = new Date(observedAt);
      await this.checkFacts(manager, next.communeInsee, next.observedAt);
      next.version = row.version + 1;
      await manager.save(UnlawfulSettlement, next);
      await manager.insert(UnlawfulSettlementEvent, {
        settlementId: id,
        action: 'updated',
        from: row.status,
        to: row.status,
        at: new Date(),
        by: user.id,
        byName: user.displayName,
        note: `Faits complétés : ${Object.keys(stripUndefined({ ...rest, location, observedAt })).join(', ')}`,
      });
      return this.get(id, manager);
    });
  }

  /** One step of the guided procedure; refused with every reason when the law does not allow it. */
  act(id: string, input: SettlementActionInput, user: AuthUser): Promise<SettlementDto> {
    return this.ds.transaction(async (manager) => {
      const row = await this.locked(manager, id, input.version);
      const rules = await this.rules.at(manager, parisDay(new Date()));
      const prior =
        input.action === 'reuse_formal_notice'
          ? await manager.findOneBy(UnlawfulSettlement, { id: input.priorSettlementId })
          : null;
      const check = checkAction(row, input, rules, prior);
      if (!check.ok) throw new AppError(check.code, check.message, check.details);
      const from = row.status;
      Object.assign(row, check.changes, { version: row.version + 1 });
      await manager.save(row);
      await manager.insert(UnlawfulSettlementEvent, {
        settlementId: id,
        action: input.action,
        from,
        to: row.status,
        at: new Date(),
        by: user.id,
        byName: user.displayName,
        note: input.note || null,
      });
      return this.get(id, manager);
    });
  }

  private async locked(
    manager: EntityManager,
    id: string,
    version: number,
  ): Promise<UnlawfulSettlement> {
    const row = await manager.findOne(UnlawfulSettlement, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw AppError.notFound('Settlement');
    if (row.version !== version)
      throw new AppError('stale_version', 'The procedure was changed by someone else', [
        { path: 'version', message: `current version is ${row.version}` },
      ]);
    return row;
  }

  private async checkFacts(manager: EntityManager, insee: string, observedAt: Date): Promise<void> {
    const details = [];
    if (!(await manager.existsBy(Commune, { insee })))
      details.push({ path: 'communeInsee', message: 'not a Puy-de-Dôme commune' });
    if (observedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
      details.push({ path: 'observedAt', message: 'in the future' });
    if (details.length) throw new AppError('validation', 'Invalid constat', details);
  }

  private async toDtos(
    manager: EntityManager,
    rows: SettlementWithCommune[],
  ): Promise<SettlementDto[]> {
    if (!rows.length) return [];
    const events = await manager.find(UnlawfulSettlementEvent, {
      where: { settlementId: In(rows.map((r) => r.id)) },
      order: { id: 'ASC' },
    });
    const out: SettlementDto[] = [];
    for (const s of rows) {
      // earlier notices of the commune still applicable when this settlement was observed
      const applicable = EDITABLE.includes(s.status)
        ? await manager.find(UnlawfulSettlement, {
            where: {
              communeInsee: s.communeInsee,
              id: Not(s.id),
              priorSettlementId: IsNull(),
              notifiedAt: LessThanOrEqual(s.observedAt),
              reuseUntil: MoreThanOrEqual(s.observedAt),
            },
          })
        : [];
      out.push({
        id: s.id,
        reference: s.reference,
        communeInsee: s.communeInsee,
        communeName: s.commune.name,
        place: s.place,
        location: s.lon !== null && s.lat !== null ? [s.lon, s.lat] : null,
        landKind: s.landKind,
        landOwner: s.landOwner,
        caravans: s.caravans,
        groupName: s.groupName,
        observedAt: s.observedAt.toISOString(),
        status: s.status,
        banOrderNumber: s.banOrderNumber,
        banOrderDate: s.banOrderDate,
        compliance: s.compliance,
        complianceNote: s.complianceNote,
        harmKinds: s.harmKinds,
        harmFacts: s.harmFacts,
        requester: s.requester as SettlementDto['requester'],
        requesterName: s.requesterName,
        requestReceivedAt: iso(s.requestReceivedAt),
        noticeNumber: s.noticeNumber,
        notifiedAt: iso(s.notifiedAt),
        delayHours: s.delayHours,
        postedAtMairie: s.postedAtMairie,
        postedOnSite: s.postedOnSite,
        ownerNotified: s.ownerNotified,
        executionDeadline: iso(s.executionDeadline),
        reuseUntil: iso(s.reuseUntil),
        priorSettlementId: s.priorSettlementId,
        appealFiledAt: iso(s.appealFiledAt),
        appealCourt: s.appealCourt,
        appealRulingDeadline: iso(s.appealRulingDeadline),
        appealOutcome: s.appealOutcome,
        appealDecidedAt: iso(s.appealDecidedAt),
        evictedAt: iso(s.evictedAt),
        evictionMeans: s.evictionMeans,
        closedAt: iso(s.closedAt),
        closeReason: s.closeReason,
        version: s.version,
        preconditions: preconditions(s),
        nextActions: nextActions(s.status).filter(
          (a) => a !== 'reuse_formal_notice' || applicable.length > 0,
        ),
        applicableNotices: applicable.map((a) => ({
          id: a.id,
          reference: a.reference,
          reuseUntil: a.reuseUntil!.toISOString(),
        })),
        history: events
          .filter((e) => e.settlementId === s.id)
          .map((e) => ({
            action: e.action,
            from: e.from,
            to: e.to,
            at: e.at.toISOString(),
            by: e.by,
            byName: e.byName,
            note: e.note,
          })),
      });
    }
    return out;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
