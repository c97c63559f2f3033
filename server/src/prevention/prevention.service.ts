import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, In, LessThanOrEqual } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  CreateBodyRequest,
  CreateMeetingRequest,
  ObligationReport,
  PreventionBody as BodyDto,
} from '../contracts/prevention';
import { TransactionRunner } from '../database/transaction';
import { parisDay } from '../grants/grant-rules';
import { obligationRows } from './obligation';
import {
  PreventionBody,
  PreventionMeeting,
  PreventionObligationRule,
  PreventionQpv,
} from './prevention.entity';

type Actor = Pick<AuthUser, 'id'>;

interface CommuneRow {
  insee: string;
  name: string;
  population: number;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** CLSPD / CISPD bodies, their meetings and minutes, and the obligation computed from population. */
@Injectable()
export class PreventionService {
  constructor(
    private readonly tx: TransactionRunner,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async listBodies(now = new Date()): Promise<BodyDto[]> {
    const bodies = await this.manager.find(PreventionBody, { order: { kind: 'ASC', name: 'ASC' } });
    return this.bodyDtos(this.manager, bodies, now);
  }

  async getBody(id: string, now = new Date()): Promise<BodyDto> {
    const body = await this.manager.findOne(PreventionBody, { where: { id } });
    if (!body) throw AppError.notFound('Prevention body');
    return (await this.bodyDtos(this.manager, [body], now))[0];
  }

  createBody(input: CreateBodyRequest, user: Actor): Promise<BodyDto> {
    return this.tx.run(async ({ manager }) => {
      const communes = [...new Set(input.communes)];
      const problems: ErrorDetail[] = [];
      const known = new Set((await this.communes(manager, communes)).map((c) => c.insee));
      communes.forEach((c, i) => {
        if (!known.has(c))
          problems.push({ path: `communes.${i}`, message: 'not a Puy-de-Dôme commune' });
      });
      if (input.kind === 'CLSPD' && communes.length !== 1)
        problems.push({ path: 'communes', message: 'a CLSPD covers exactly one commune' });
      if (input.kind === 'CISPD' && communes.length < 2)
        problems.push({
          path: 'communes',
          message: 'a CISPD covers the communes of an EPCI (at least two)',
        });
      if (input.dissolvedOn && input.dissolvedOn < input.createdOn)
        problems.push({ path: 'dissolvedOn', message: 'before the creation' });
      if (input.kind === 'CLSPD' && communes.length === 1 && !input.dissolvedOn) {
        const existing = await manager
          .createQueryBuilder(PreventionBody, 'b')
          .where("b.kind = 'CLSPD' AND b.dissolved_on IS NULL AND :insee = ANY(b.communes)", {
            insee: communes[0],
          })
          .getOne();
        if (existing)
          problems.push({
            path: 'communes.0',
            message: `already has an active CLSPD (${existing.name})`,
          });
      }
      if (problems.length) throw new AppError('validation', 'Invalid prevention body', problems);
      const body = await manager.save(
        manager.create(PreventionBody, {
          kind: input.kind,
          name: input.name,
          communes,
          epciSiren: input.epciSiren ?? null,
          chairName: input.chairName,
          coordinatorName: input.coordinatorName ?? null,
          createdOn: input.createdOn,
          dissolvedOn: input.dissolvedOn ?? null,
          notes: input.notes ?? null,
          createdBy: user.id,
        }),
      );
      return (await this.bodyDtos(manager, [body], new Date()))[0];
    });
  }

  addMeeting(bodyId: string, input: CreateMeetingRequest, user: Actor): Promise<BodyDto> {
    return this.tx.run(async ({ manager }) => {
      const body = await manager.findOne(PreventionBody, { where: { id: bodyId } });
      if (!body) throw AppError.notFound('Prevention body');
      const problems: ErrorDetail[] = [];
      if (input.heldOn < body.createdOn)
        problems.push({ path: 'heldOn', message: 'before the body was created' });
      if (body.dissolvedOn && input.heldOn > body.dissolvedOn)
        problems.push({ path: 'heldOn', message: 'after the body was dissolved' });
      if (input.minutesReceivedOn && input.minutesReceivedOn < input.heldOn)
        problems.push({ path: 'minutesReceivedOn', message: 'before the meeting' });
      if (problems.length) throw new AppError('validation', 'Invalid meeting', problems);
      await manager.save(
        manager.create(PreventionMeeting, {
          bodyId,
          heldOn: input.heldOn,
          kind: input.kind,
          title: input.title,
          minutes: input.minutes ?? null,
          minutesReceivedOn: input.minutesReceivedOn ?? null,
          prefectRepresented: input.prefectRepresented ?? false,
          createdBy: user.id,
        }),
      );
      return (await this.bodyDtos(manager, [body], new Date()))[0];
    });
  }

  listQpv(): Promise<PreventionQpv[]> {
    return this.manager.find(PreventionQpv, { order: { communeInsee: 'ASC', code: 'ASC' } });
  }

  addQpv(input: { code: string; name: string; communeInsee: string }): Promise<PreventionQpv> {
    return this.tx.run(async ({ manager }) => {
      if ((await this.communes(manager, [input.communeInsee])).length === 0)
        throw new AppError('validation', 'Invalid QPV', [
          { path: 'communeInsee', message: 'not a Puy-de-Dôme commune' },
        ]);
      if (await manager.existsBy(PreventionQpv, { code: input.code }))
        throw new AppError('conflict', 'This QPV is already recorded', [
          { path: 'code', message: 'already recorded' },
        ]);
      return manager.save(manager.create(PreventionQpv, input));
    });
  }

  /** Communes that must have a CLSPD or be covered by a CISPD, with the rule in force on `now`. */
  async obligation(now = new Date()): Promise<ObligationReport> {
    const today = parisDay(now);
    const rule = await this.manager.findOne(PreventionObligationRule, {
      where: { effectiveFrom: LessThanOrEqual(today) },
      order: { effectiveFrom: 'DESC' },
    });
    if (!rule) throw new AppError('unavailable', 'No CLSPD obligation rule in force');
    const communes = (await this.manager.query(
      'SELECT insee, name, population FROM commune ORDER BY insee',
    )) as CommuneRow[];
    const qpv = new Set((await this.manager.find(PreventionQpv)).map((q) => q.communeInsee));
    const bodies = await this.manager.find(PreventionBody);
    const rows = obligationRows(
      rule,
      communes,
      qpv,
      bodies.map((b) => ({
        id: b.id,
        kind: b.kind,
        name: b.name,
        communes: b.communes,
        active: b.dissolvedOn === null || b.dissolvedOn > today,
        coordinatorName: b.coordinatorName,
      })),
    );
    return {
      rule: {
        effectiveFrom: rule.effectiveFrom,
        populationThreshold: rule.populationThreshold,
        coordinatorThreshold: rule.coordinatorThreshold,
        qpvRequires: rule.qpvRequires,
        toConfirm: rule.toConfirm,
        source: rule.source,
      },
      rows,
      missing: rows.filter((r) => r.status === 'missing').length,
    };
  }

  private communes(m: EntityManager, insees: string[]): Promise<CommuneRow[]> {
    return m.query('SELECT insee, name, population FROM commune WHERE insee = ANY($1::text[])', [
      insees,
    ]) as Promise<CommuneRow[]>;
  }

  private async bodyDtos(
    m: EntityManager,
    bodies: PreventionBody[],
    now: Date,
  ): Promise<BodyDto[]> {
    if (!bodies.length) return [];
    const today = parisDay(now);
    const communes = new Map(
      (await this.communes(m, [...new Set(bodies.flatMap((b) => b.communes))])).map((c) => [
        c.insee,
        c,
      ]),
    );
    const meetings = await m.find(PreventionMeeting, {
      where: { bodyId: In(bodies.map((b) => b.id)) },
      order: { heldOn: 'DESC' },
    });
    const yearAgo = parisDay(new Date(now.getTime() - YEAR_MS));
    return bodies.map((b) => {
      const mine = meetings.filter((x) => x.bodyId === b.id);
      const active = b.dissolvedOn === null || b.dissolvedOn > today;
      const last = mine[0]?.heldOn ?? null;
      return {
        id: b.id,
        kind: b.kind,
        name: b.name,
        communes: b.communes.map(
          (insee) => communes.get(insee) ?? { insee, name: insee, population: 0 },
        ),
        epciSiren: b.epciSiren,
        chairName: b.chairName,
        coordinatorName: b.coordinatorName,
        createdOn: b.createdOn,
        dissolvedOn: b.dissolvedOn,
        active,
        notes: b.notes,
        lastMeetingOn: last,
        dormant: active && (last === null || last < yearAgo),
        meetings: mine.map((x) => ({
          id: x.id,
          heldOn: x.heldOn,
          kind: x.kind,
          title: x.title,
          minutes: x.minutes,
          minutesReceivedOn: x.minutesReceivedOn,
          prefectRepresented: x.prefectRepresented,
        })),
      };
    });
  }
}
