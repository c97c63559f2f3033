import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, In, Not } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import {
  DOSSIER_STATUS_LABELS,
  type DossierDto,
  dossierSchema,
  type DossierStatus,
  type DossierSummary,
  echelonLabel,
} from '../contracts/honours';
import { TransactionRunner } from '../database/transaction';
import { personKey, REFERENCE_PREFIX, toDossierDto, toDossierSummary } from './dossier-mapping';
import {
  checkDossierTransition,
  type DossierActor,
  dossierActor,
  LIVE_STATUSES,
  RETAINED_STATUSES,
} from './dossier-transitions';
import { nextPromotion, resolvePromotion } from './eligibility';
import type { DossierTransitionInput, ListDossiersQuery, UpdateDossierInput } from './honours.dto';
import { HonoursDossier, HonoursDossierTransition, HonoursPromotion } from './honours.entity';
import { evaluate, HonoursRulesService } from './rules.service';

type DossierValues = Omit<
  HonoursDossier,
  | 'id'
  | 'reference'
  | 'status'
  | 'statusSince'
  | 'promotion'
  | 'arreteRank'
  | 'version'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
>;

/** Look-ups shared by the rows of one import (one transaction). */
export interface PrepareCache {
  rules: Map<string, ReturnType<HonoursRulesService['at']>>;
  communes: Map<string, boolean>;
  promotions: Map<string, HonoursPromotion>;
  lastReference: Map<string, number>;
}
export const newPrepareCache = (): PrepareCache => ({
  rules: new Map(),
  communes: new Map(),
  promotions: new Map(),
  lastReference: new Map(),
});

const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const today = (now = new Date()) => parisDay.format(now);

/**
 * Dossiers: intake (with duplicate detection, territorial competence and the cut-off → next
 * promotion rule), eligibility recomputed from the rules in force, the state machine and its
 * history.
 */
@Injectable()
export class DossiersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rules: HonoursRulesService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  create(body: unknown, user: AuthUser): Promise<DossierDto> {
    return this.tx.run(async ({ manager: m }) => {
      const prepared = await this.prepare(m, body, '');
      if (!prepared.ok) throw new AppError(prepared.code, prepared.message, prepared.problems);
      const dossier = await this.insert(m, prepared.value, user.id, {
        id: user.id,
        name: user.displayName,
      });
      return this.dto(m, dossier, user);
    });
  }

  /**
   * Validates a dossier and computes what is stored: promotion (moved after the cut-off or
   * when closed), eligibility with its explanation, warnings. Problems are listed with `path`
   * prefixed (the import uses `line.N.`).
   */
  async prepare(
    m: EntityManager,
    body: unknown,
    prefix: string,
    pending: Map<string, string> = new Map(),
    excludeId?: string,
    cache: PrepareCache = newPrepareCache(),
  ): Promise<
    | { ok: true; value: DossierValues }
    | { ok: false; code: 'validation' | 'conflict'; message: string; problems: ErrorDetail[] }
  > {
    const parsed = dossierSchema.safeParse(body);
    if (!parsed.success)
      return {
        ok: false,
        code: 'validation',
        message: 'Invalid dossier',
        problems: parsed.error.issues.map((i) => ({
          path: prefix + i.path.map(String).join('.'),
          message: i.message,
        })),
      };
    const input = parsed.data;
    const filedAt = input.filedAt ?? today();
    const ruleKey = `${input.distinction}|${input.promotionDate ?? filedAt}`;
    if (!cache.rules.has(ruleKey))
      cache.rules.set(ruleKey, this.rules.at(m, input.distinction, input.promotionDate ?? filedAt));
    const { row, rules } = await cache.rules.get(ruleKey)!;
    const problems: ErrorDetail[] = [];
    const insee = input.candidate.communeInsee;
    if (!cache.communes.has(insee)) {
      const found = (await m.query('SELECT 1 FROM commune WHERE insee = $1', [insee])) as unknown[];
      cache.communes.set(insee, found.length > 0);
    }
    if (!cache.communes.get(insee) && rules.competence === 'residence')
      problems.push({
        path: `${prefix}candidate.communeInsee`,
        message:
          'the candidate does not live in the Puy-de-Dôme: the préfet of the département of residence is competent',
      });
    const key = personKey(input.candidate);
    const duplicate = await m.findOne(HonoursDossier, {
      where: {
        personKey: key,
        distinction: input.distinction,
        echelon: input.echelon,
        status: In([...LIVE_STATUSES]),
        ...(excludeId ? { id: Not(excludeId) } : {}),
      },
    });
    if (duplicate)
      return {
        ok: false,
        code: 'conflict',
        message: 'Duplicate dossier',
        problems: [
          {
            path: `${prefix}candidate`,
            message: `same person, distinction and échelon as dossier ${duplicate.reference} (${DOSSIER_STATUS_LABELS[duplicate.status]})`,
          },
        ],
      };
    const inFile = pending.get(`${key}|${input.distinction}|${input.echelon}`);
    if (inFile)
      return {
        ok: false,
        code: 'conflict',
        message: 'Duplicate dossier',
        problems: [
          {
            path: `${prefix}candidate`,
            message: `same person, distinction and échelon as ${inFile}`,
          },
        ],
      };

    // the promotion: the one asked, or the next one open to this filing date
    const warnings: string[] = [];
    let promotion: HonoursPromotion | null = null;
    let date = input.promotionDate ?? nextPromotion(rules, filedAt)?.date ?? null;
    if (date) {
      const resolved = resolvePromotion(rules, date, filedAt);
      warnings.push(...resolved.warnings);
      date = resolved.date;
      for (let i = 0; i < 4; i++) {
        const promotionKey = `${input.distinction}|${date}`;
        promotion =
          cache.promotions.get(promotionKey) ??
          (await this.promotionOn(m, input.distinction, date, rules.contingents));
        cache.promotions.set(promotionKey, promotion);
        if (promotion.status === 'ouverte' || rules.promotions.length === 0) break;
        const next = nextPromotion(rules, addDay(date));
        if (!next) break;
        warnings.push(
          `la promotion du ${frDate(date)} est close : dossier rattaché à celle du ${frDate(next.date)}`,
        );
        date = next.date;
      }
    }
    let eligibility;
    try {
      eligibility = evaluate(rules, row, {
        ...input,
        promotionDate: date ?? filedAt,
        filedAt,
        actDate: input.actDate,
      });
    } catch (e) {
      if (e instanceof AppError && e.details)
        problems.push(...e.details.map((d) => ({ ...d, path: prefix + d.path })));
      else throw e;
    }
    if (problems.length || !eligibility)
      return { ok: false, code: 'validation', message: 'Invalid dossier', problems };
    return {
      ok: true,
      value: {
        distinction: input.distinction,
        echelon: input.echelon,
        personKey: key,
        candidate: input.candidate,
        communeInsee: input.candidate.communeInsee,
        lastName: input.candidate.lastName,
        proposer: input.proposer,
        channel: input.channel,
        filedAt,
        promotionId: promotion?.id ?? null,
        facts: {
          servicePeriods: input.servicePeriods,
          held: input.held,
          reductions: input.reductions,
          categories: input.categories,
          children: input.children,
          actDate: input.actDate ?? null,
        },
        documents: input.documents,
        opinions: input.opinions,
        eligibility: eligibility,
        warnings: [...warnings, ...eligibility.warnings.filter((w) => !warnings.includes(w))],
      },
    };
  }

  /** Inserts a prepared dossier with its reference and its first history line. */
  async insert(
    m: EntityManager,
    value: DossierValues,
    createdBy: string | null,
    by: { id: string | null; name: string },
    note: string | null = null,
    cache: PrepareCache = newPrepareCache(),
  ): Promise<HonoursDossier> {
    const year = value.filedAt.slice(0, 4);
    const prefix = `${REFERENCE_PREFIX[value.distinction]}-${year}-`;
    let last = cache.lastReference.get(prefix);
    if (last === undefined) {
      // the lock is held until commit: references of one year are taken one transaction at a time
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`vigie.honours.ref.${prefix}`]);
      const [row] = (await m.query(
        `SELECT coalesce(max(substring(reference from '\\d+$')::int), 0) AS last FROM honours_dossier WHERE reference LIKE $1`,
        [`${prefix}%`],
      )) as [{ last: number }];
      last = Number(row.last);
    }
    cache.lastReference.set(prefix, last + 1);
    const dossier = await m.save(
      m.create(HonoursDossier, {
        ...value,
        reference: `${prefix}${String(last + 1).padStart(5, '0')}`,
        status: 'depose',
        createdBy,
      }),
    );
    await m.insert(HonoursDossierTransition, {
      dossierId: dossier.id,
      from: null,
      to: 'depose',
      at: new Date(),
      by: by.id,
      byName: by.name,
      note,
    });
    return dossier;
  }

  async list(query: ListDossiersQuery): Promise<DossierSummary[]> {
    const qb = this.manager
      .createQueryBuilder(HonoursDossier, 'd')
      .leftJoin('d.promotion', 'p')
      .addSelect(['p.date'])
      .orderBy('d.created_at', 'DESC')
      .limit(query.limit);
    if (query.distinction)
      qb.andWhere('d.distinction = :distinction', { distinction: query.distinction });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.promotionId)
      qb.andWhere('d.promotion_id = :promotionId', { promotionId: query.promotionId });
    if (query.q)
      qb.andWhere(
        "(d.last_name ILIKE :q OR d.reference ILIKE :q OR d.candidate->>'firstName' ILIKE :q)",
        {
          q: `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`,
        },
      );
    const rows = await qb.getMany();
    const names = await this.communeNames(
      this.manager,
      rows.map((r) => r.communeInsee),
    );
    return rows.map((r) =>
      toDossierSummary(r, names.get(r.communeInsee) ?? null, r.promotion?.date ?? null),
    );
  }

  async get(id: string, user: AuthUser): Promise<DossierDto> {
    const dossier = await this.manager.findOne(HonoursDossier, { where: { id } });
    if (!dossier) throw AppError.notFound('Dossier');
    return this.dto(this.manager, dossier, user);
  }

  /** Replaces the dossier's content (same schema as creation) and recomputes the eligibility. */
  update(id: string, input: UpdateDossierInput, user: AuthUser): Promise<DossierDto> {
    return this.tx.run(async ({ manager: m }) => {
      const dossier = await m.findOne(HonoursDossier, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!dossier) throw AppError.notFound('Dossier');
      if (dossier.version !== input.version)
        throw new AppError('stale_version', 'The dossier was changed by someone else', [
          { path: 'version', message: `current version is ${dossier.version}` },
        ]);
      if (RETAINED_STATUSES.includes(dossier.status) && dossier.status !== 'retenu')
        throw new AppError('conflict', 'The arrêté is signed: the dossier can no longer change', [
          { path: 'status', message: dossier.status },
        ]);
      const { version: _, ...body } = input;
      const prepared = await this.prepare(m, body, '', new Map(), id);
      if (!prepared.ok) throw new AppError(prepared.code, prepared.message, prepared.problems);
      Object.assign(dossier, prepared.value, { version: dossier.version + 1 });
      await m.save(dossier);
      return this.dto(m, dossier, user);
    });
  }

  transition(id: string, input: DossierTransitionInput, user: AuthUser): Promise<DossierDto> {
    return this.tx.run(async ({ manager: m }) => {
      const actor = dossierActor(user);
      if (!actor) throw new AppError('forbidden', 'Only the Cabinet staff moves dossiers');
      const [dossier] = await this.move(m, [id], input.to, input.note ?? null, actor, {
        id: user.id,
        name: user.displayName,
      });
      return this.dto(m, dossier, user);
    });
  }

  /** Moves several dossiers at once, all or nothing (a refusal lists every dossier refused). */
  bulkTransition(
    ids: string[],
    to: DossierStatus,
    note: string | null,
    user: AuthUser,
  ): Promise<{ moved: number }> {
    return this.tx.run(async ({ manager: m }) => {
      const actor = dossierActor(user);
      if (!actor) throw new AppError('forbidden', 'Only the Cabinet staff moves dossiers');
      const moved = await this.move(m, [...new Set(ids)], to, note, actor, {
        id: user.id,
        name: user.displayName,
      });
      return { moved: moved.length };
    });
  }

  /**
   * Checks then applies one transition to dossiers (locked in id order). Retaining needs an
   * eligible dossier and room in the promotion's contingent for its échelon.
   */
  async move(
    m: EntityManager,
    ids: string[],
    to: DossierStatus,
    note: string | null,
    actor: DossierActor,
    by: { id: string | null; name: string },
  ): Promise<HonoursDossier[]> {
    const dossiers = await m.find(HonoursDossier, {
      where: { id: In(ids) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (dossiers.length !== ids.length) throw AppError.notFound('Dossier');
    const problems: ErrorDetail[] = [];
    let code: 'invalid_transition' | 'forbidden' | 'validation' | 'conflict' = 'invalid_transition';
    // one dossier: plain paths; several: prefixed by each dossier's reference
    const at = (d: HonoursDossier, path: string) =>
      ids.length > 1 ? `${d.reference}.${path}` : path;
    for (const d of dossiers) {
      const check = checkDossierTransition(d.status, to, actor, note);
      if (!check.ok) {
        code = check.code;
        problems.push(...check.details.map((x) => ({ path: at(d, x.path), message: x.message })));
      } else if (to === 'retenu' && !d.eligibility.eligible) {
        code = 'conflict';
        problems.push({
          path: at(d, 'eligibility'),
          message: `not eligible: ${d.eligibility.explanation}`,
        });
      }
    }
    if (to === 'retenu' && problems.length === 0)
      problems.push(...(await this.contingentProblems(m, dossiers)));
    if (problems.length) {
      if (code === 'invalid_transition' && problems.some((p) => p.path.endsWith('contingent')))
        code = 'conflict';
      const message =
        dossiers.length === 1
          ? `Transition refused (${dossiers[0].status} → ${to})`
          : `Transition to ${to} refused`;
      throw new AppError(code, message, problems);
    }
    const now = new Date();
    for (const d of dossiers) {
      const from = d.status;
      d.status = to;
      d.statusSince = now;
      d.version += 1;
      await m.save(d);
      await m.insert(HonoursDossierTransition, {
        dossierId: d.id,
        from,
        to,
        at: now,
        by: by.id,
        byName: by.name,
        note,
      });
    }
    return dossiers;
  }

  /** Retained dossiers per échelon may not exceed the promotion's contingent. */
  private async contingentProblems(
    m: EntityManager,
    dossiers: HonoursDossier[],
  ): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    const byPromotion = new Map<string, HonoursDossier[]>();
    for (const d of dossiers) {
      if (!d.promotionId) continue;
      byPromotion.set(d.promotionId, [...(byPromotion.get(d.promotionId) ?? []), d]);
    }
    for (const [promotionId, list] of byPromotion) {
      const promotion = await m.findOneOrFail(HonoursPromotion, {
        where: { id: promotionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (promotion.status === 'arretee' || promotion.status === 'publiee') {
        problems.push({
          path: 'promotion',
          message: `the arrêté of the promotion of ${promotion.date} is already signed`,
        });
        continue;
      }
      for (const echelon of new Set(list.map((d) => d.echelon))) {
        const limit = promotion.contingents[echelon];
        if (limit === undefined) continue;
        const already = await m.count(HonoursDossier, {
          where: {
            promotionId,
            echelon,
            status: In([...RETAINED_STATUSES]),
            id: Not(In(list.map((d) => d.id))),
          },
        });
        const adding = list.filter((d) => d.echelon === echelon).length;
        if (already + adding > limit)
          problems.push({
            path: `${echelon}.contingent`,
            message: `contingent of ${limit} for ${echelonLabel(echelon)} exceeded: ${already} already retained, ${adding} more asked`,
          });
      }
    }
    return problems;
  }

  /** Finds the promotion of a distinction on a date, opening it (with the default contingents) when missing. */
  async promotionOn(
    m: EntityManager,
    distinction: HonoursDossier['distinction'],
    date: string,
    contingents: Record<string, number>,
  ): Promise<HonoursPromotion> {
    await m.query(
      `INSERT INTO honours_promotion (distinction, date, contingents) VALUES ($1, $2, $3)
       ON CONFLICT (distinction, date) DO NOTHING`,
      [distinction, date, JSON.stringify(contingents)],
    );
    return m.findOneOrFail(HonoursPromotion, { where: { distinction, date } });
  }

  async dto(m: EntityManager, dossier: HonoursDossier, user: AuthUser): Promise<DossierDto> {
    const names = await this.communeNames(m, [dossier.communeInsee]);
    const promotion = dossier.promotionId
      ? await m.findOne(HonoursPromotion, { where: { id: dossier.promotionId } })
      : null;
    const history = await m.find(HonoursDossierTransition, {
      where: { dossierId: dossier.id },
      order: { id: 'ASC' },
    });
    return toDossierDto(
      dossier,
      names.get(dossier.communeInsee) ?? null,
      promotion?.date ?? null,
      history,
      user,
    );
  }

  async communeNames(m: EntityManager, insees: string[]): Promise<Map<string, string>> {
    const rows = (await m.query('SELECT insee, name FROM commune WHERE insee = ANY($1::text[])', [
      [...new Set(insees)],
    ])) as { insee: string; name: string }[];
    return new Map(rows.map((r) => [r.insee, r.name]));
  }
}

function addDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function frDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}
