import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, In } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import {
  DISTINCTION_LABELS,
  type Distinction,
  type DossierStatus,
  echelonLabel,
  type PromotionDto,
  type PromotionStats,
  promotionSchema,
  promotionUpdateSchema,
} from '../contracts/honours';
import { TransactionRunner } from '../database/transaction';
import {
  type ArreteModel,
  buildArrete,
  renderArreteDocx,
  renderArretePdf,
  renderMerge,
} from './arrete';
import { RETAINED_STATUSES } from './dossier-transitions';
import { DossiersService, today } from './dossiers.service';
import { cutoffOf } from './eligibility';
import { HonoursDossier, HonoursPromotion } from './honours.entity';
import { HonoursRulesService } from './rules.service';
import type { z } from 'zod';

export interface HonoursFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

const SIGNED: DossierStatus[] = ['arrete', 'publie', 'notifie', 'remis'];

/** Promotions: contingents, parity, the arrêté (PDF, DOCX), publication, diplomas and letters. */
@Injectable()
export class PromotionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rules: HonoursRulesService,
    private readonly dossiers: DossiersService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async list(distinction?: Distinction): Promise<PromotionDto[]> {
    const rows = await this.manager.find(HonoursPromotion, {
      where: distinction ? { distinction } : {},
      order: { date: 'DESC', distinction: 'ASC' },
    });
    return Promise.all(rows.map((p) => this.dto(this.manager, p)));
  }

  async get(id: string): Promise<PromotionDto> {
    return this.dto(this.manager, await this.require(this.manager, id));
  }

  create(input: z.infer<typeof promotionSchema>): Promise<PromotionDto> {
    return this.tx.run(async ({ manager: m }) => {
      const { rules } = await this.rules.at(m, input.distinction, input.date);
      if (await m.existsBy(HonoursPromotion, { distinction: input.distinction, date: input.date }))
        throw new AppError('conflict', 'This promotion exists already', [
          { path: 'date', message: input.date },
        ]);
      this.checkEchelons(
        rules.echelons.map((e) => e.code),
        input.contingents ?? {},
      );
      const promotion = await m.save(
        m.create(HonoursPromotion, {
          distinction: input.distinction,
          date: input.date,
          contingents: input.contingents ?? rules.contingents,
        }),
      );
      return this.dto(m, promotion);
    });
  }

  /** Opens or closes the promotion (no new dossier once closed) and sets its contingents. */
  update(id: string, input: z.infer<typeof promotionUpdateSchema>): Promise<PromotionDto> {
    return this.tx.run(async ({ manager: m }) => {
      const promotion = await this.require(m, id, true);
      if (promotion.status === 'arretee' || promotion.status === 'publiee')
        throw new AppError('conflict', 'The arrêté is signed: the promotion can no longer change', [
          { path: 'status', message: promotion.status },
        ]);
      if (input.contingents) {
        const { rules } = await this.rules.at(m, promotion.distinction, promotion.date);
        this.checkEchelons(
          rules.echelons.map((e) => e.code),
          input.contingents,
        );
        promotion.contingents = input.contingents;
      }
      if (input.status) promotion.status = input.status;
      promotion.version += 1;
      await m.save(promotion);
      return this.dto(m, promotion);
    });
  }

  /**
   * Signs the promotion's arrêté: every retained dossier moves to « arrêté » with its line
   * number, the arrêté gets the next number of the year. Refused when a contingent is exceeded.
   */
  arrete(id: string, user: AuthUser): Promise<PromotionDto> {
    return this.tx.run(async ({ manager: m }) => {
      const promotion = await this.require(m, id, true);
      if (promotion.status === 'arretee' || promotion.status === 'publiee')
        throw new AppError('invalid_transition', 'The arrêté of this promotion is already signed', [
          { path: 'status', message: promotion.status },
        ]);
      const retained = await m.find(HonoursDossier, {
        where: { promotionId: id, status: 'retenu' },
      });
      if (retained.length === 0)
        throw new AppError('conflict', 'No retained dossier in this promotion', [
          { path: 'dossiers', message: 'retain dossiers before generating the arrêté' },
        ]);
      const counts = new Map<string, number>();
      for (const d of retained) counts.set(d.echelon, (counts.get(d.echelon) ?? 0) + 1);
      const problems: ErrorDetail[] = [];
      for (const [echelon, n] of counts) {
        const limit = promotion.contingents[echelon];
        if (limit !== undefined && n > limit)
          problems.push({
            path: `${echelon}.contingent`,
            message: `${n} dossiers retained for ${echelonLabel(echelon)}, contingent ${limit}`,
          });
      }
      if (problems.length) throw new AppError('conflict', 'Contingent exceeded', problems);

      const date = today();
      const year = date.slice(0, 4);
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`vigie.honours.arrete.${year}`]);
      const [{ last }] = (await m.query(
        `SELECT coalesce(max(substring(arrete_number from '\\d+$')::int), 0) AS last FROM honours_promotion WHERE arrete_number LIKE $1`,
        [`${year}-%`],
      )) as [{ last: number }];
      promotion.arreteNumber = `${year}-${String(Number(last) + 1).padStart(4, '0')}`;
      promotion.arreteDate = date;
      promotion.status = 'arretee';
      promotion.version += 1;
      await m.save(promotion);

      const model = await this.model(m, promotion, retained);
      const ranks = new Map(
        model.articles.flatMap((a) => a.lines.map((l) => [l.recipient.id, l.rank] as const)),
      );
      await this.dossiers.move(
        m,
        retained.map((d) => d.id),
        'arrete',
        `arrêté n° ${promotion.arreteNumber}`,
        'promotion',
        {
          id: user.id,
          name: user.displayName,
        },
      );
      for (const d of retained)
        await m.update(HonoursDossier, { id: d.id }, { arreteRank: ranks.get(d.id) ?? null });
      return this.dto(m, promotion);
    });
  }

  /** Records the publication in the RAA: the signed dossiers become « publié ». */
  publish(id: string, user: AuthUser): Promise<PromotionDto> {
    return this.tx.run(async ({ manager: m }) => {
      const promotion = await this.require(m, id, true);
      if (promotion.status !== 'arretee')
        throw new AppError('invalid_transition', 'Only a signed arrêté can be published', [
          { path: 'status', message: promotion.status },
        ]);
      const signed = await m.find(HonoursDossier, { where: { promotionId: id, status: 'arrete' } });
      await this.dossiers.move(
        m,
        signed.map((d) => d.id),
        'publie',
        'publié au recueil des actes administratifs',
        'promotion',
        {
          id: user.id,
          name: user.displayName,
        },
      );
      promotion.status = 'publiee';
      promotion.publishedAt = today();
      promotion.version += 1;
      await m.save(promotion);
      return this.dto(m, promotion);
    });
  }

  async document(id: string, kind: 'pdf' | 'docx' | 'diplomas' | 'letters'): Promise<HonoursFile> {
    const m = this.manager;
    const promotion = await this.require(m, id);
    if (!promotion.arreteNumber)
      throw new AppError('conflict', 'The arrêté of this promotion is not generated yet', [
        { path: 'status', message: promotion.status },
      ]);
    const signed = await m.find(HonoursDossier, { where: { promotionId: id, status: In(SIGNED) } });
    const model = await this.model(m, promotion, signed);
    const base = `arrete-${promotion.arreteNumber}`;
    if (kind === 'pdf')
      return {
        filename: `${base}.pdf`,
        contentType: 'application/pdf',
        content: await renderArretePdf(model),
      };
    if (kind === 'docx')
      return {
        filename: `${base}.docx`,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        content: await renderArreteDocx(model),
      };
    const names = await this.dossiers.communeNames(
      m,
      signed.map((d) => d.communeInsee),
    );
    const recipients = signed.map((d) => ({
      ...d.candidate,
      echelon: d.echelon,
      reference: d.reference,
      communeName: names.get(d.communeInsee) ?? null,
    }));
    return {
      filename: `${kind === 'diplomas' ? 'diplomes' : 'lettres'}-${promotion.arreteNumber}.pdf`,
      contentType: 'application/pdf',
      content: await renderMerge(
        kind === 'diplomas' ? 'diploma' : 'letter',
        DISTINCTION_LABELS[promotion.distinction],
        model,
        promotion.date,
        recipients,
      ),
    };
  }

  private async model(
    m: EntityManager,
    promotion: HonoursPromotion,
    dossiers: HonoursDossier[],
  ): Promise<ArreteModel> {
    const { rules } = await this.rules.at(m, promotion.distinction, promotion.date);
    const names = await this.dossiers.communeNames(
      m,
      dossiers.map((d) => d.communeInsee),
    );
    return buildArrete(
      rules,
      rules.promotions.length ? promotion.date : null,
      promotion.arreteNumber!,
      promotion.arreteDate!,
      dossiers.map((d) => ({
        ...d.candidate,
        id: d.id,
        echelon: d.echelon,
        communeName: names.get(d.communeInsee) ?? null,
      })),
    );
  }

  private checkEchelons(known: string[], contingents: Record<string, number>): void {
    const unknown = Object.keys(contingents).filter((e) => !known.includes(e));
    if (unknown.length)
      throw new AppError(
        'validation',
        'Unknown échelon in the contingents',
        unknown.map((e) => ({
          path: `contingents.${e}`,
          message: `expected one of ${known.join(', ')}`,
        })),
      );
  }

  private async require(m: EntityManager, id: string, lock = false): Promise<HonoursPromotion> {
    const promotion = await m.findOne(HonoursPromotion, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!promotion) throw AppError.notFound('Promotion');
    return promotion;
  }

  async dto(m: EntityManager, p: HonoursPromotion): Promise<PromotionDto> {
    const rows = (await m.query(
      `SELECT echelon, status, candidate->>'sex' AS sex, count(*)::int AS n
       FROM honours_dossier WHERE promotion_id = $1 GROUP BY 1, 2, 3`,
      [p.id],
    )) as { echelon: string; status: DossierStatus; sex: 'F' | 'H'; n: number }[];
    const { rules } = await this.rules.at(m, p.distinction, p.date);
    const stats: PromotionStats = {
      echelons: [],
      byStatus: {},
      parity: { women: 0, men: 0, womenShare: null },
    };
    for (const r of rows) stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + r.n;
    for (const e of [...rules.echelons].sort((a, b) => a.rank - b.rank)) {
      const retained = rows.filter(
        (r) => r.echelon === e.code && RETAINED_STATUSES.includes(r.status),
      );
      const women = retained.filter((r) => r.sex === 'F').reduce((s, r) => s + r.n, 0);
      const men = retained.filter((r) => r.sex === 'H').reduce((s, r) => s + r.n, 0);
      stats.echelons.push({
        echelon: e.code,
        retained: women + men,
        contingent: p.contingents[e.code] ?? null,
        women,
        men,
      });
      stats.parity.women += women;
      stats.parity.men += men;
    }
    const total = stats.parity.women + stats.parity.men;
    stats.parity.womenShare = total ? Math.round((stats.parity.women / total) * 1000) / 10 : null;
    const cutoff = rules.promotions.find((x) => x.date === p.date.slice(5))?.cutoff;
    return {
      id: p.id,
      distinction: p.distinction,
      date: p.date,
      cutoff: cutoff ? cutoffOf(p.date, cutoff) : null,
      status: p.status,
      contingents: p.contingents,
      arreteNumber: p.arreteNumber,
      arreteDate: p.arreteDate,
      publishedAt: p.publishedAt,
      stats,
    };
  }
}
