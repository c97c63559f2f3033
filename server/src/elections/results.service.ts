import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  BureauResultDto,
  CommuneProgress,
  ElectionTotals,
  ResultEntry,
  ResultStatus,
} from '../contracts/elections';
import { type Tx, TransactionRunner } from '../database/transaction';
import { electionAudience } from './audience';
import { Candidature } from './candidature.entity';
import { LIVE_CANDIDATURE_STATUSES } from './candidature-dto';
import { type CheckedBureau, checkResult } from './result-checks';
import { BureauResult, ResultEvent } from './result.entity';
import { Bureau, type Scrutin } from './scrutin.entity';
import { ScrutinsService } from './scrutins.service';
import { TotalsService } from './totals.service';

/** A bureau with its commune name, as checks and messages name it. */
export async function checkedBureau(
  manager: EntityManager,
  bureau: Bureau,
): Promise<CheckedBureau> {
  const [row] = (await manager.query('SELECT name FROM commune WHERE insee = $1', [
    bureau.communeInsee,
  ])) as { name: string }[];
  return {
    ref: `${bureau.communeInsee}-${bureau.code}`,
    label: `${row?.name ?? bureau.communeInsee}, ${bureau.label}`,
    inscrits: bureau.inscrits,
  };
}

export function toResultDto(r: BureauResult, history: ResultEvent[]): BureauResultDto {
  return {
    bureauId: r.bureauId,
    status: r.status,
    inscrits: r.inscrits,
    votants: r.votants,
    blancs: r.blancs,
    nuls: r.nuls,
    exprimes: r.exprimes,
    emargements: r.emargements,
    voix: r.voix,
    comment: r.comment,
    warnings: r.warnings,
    source: r.source,
    pvReceived: r.pvReceived,
    enteredBy: r.enteredBy,
    enteredByName: r.enteredByName,
    enteredAt: r.enteredAt.toISOString(),
    callback:
      r.callbackByName && r.callbackAt
        ? { by: r.callbackByName, at: r.callbackAt.toISOString(), note: r.callbackNote ?? '' }
        : null,
    validatedByName: r.validatedByName,
    validatedAt: r.validatedAt?.toISOString() ?? null,
    version: r.version,
    history: history.map((h) => ({
      from: h.from,
      to: h.to,
      at: h.at.toISOString(),
      byName: h.byName,
      note: h.note,
    })),
  };
}

/**
 * Results night: entry per bureau with the blocking checks, contre-appel, four-eyes
 * validation, and the new totals pushed after each change (`election.totalsUpdated`). Writers
 * of one scrutin are serialised on its row, so the totals of an event include every earlier
 * commit and events arrive in seq order with growing totals.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly scrutins: ScrutinsService,
    private readonly totalsService: TotalsService,
  ) {}

  async candidatureIds(
    manager: EntityManager,
    scrutinId: string,
    circonscription: string,
  ): Promise<string[]> {
    const rows = await manager.find(Candidature, {
      select: { id: true },
      where: { scrutinId, circonscription, status: In([...LIVE_CANDIDATURE_STATUSES]) },
    });
    return rows.map((r) => r.id);
  }

  enter(
    scrutinId: string,
    bureauId: string,
    entry: ResultEntry,
    user: AuthUser,
  ): Promise<BureauResultDto> {
    return this.tx.run(async (tx) => {
      const scrutin = await this.scrutins.require(tx.manager, scrutinId, true);
      const bureau = await this.bureau(tx.manager, scrutinId, bureauId);
      const ids = await this.candidatureIds(tx.manager, scrutinId, bureau.circonscription);
      const check = checkResult(await checkedBureau(tx.manager, bureau), entry, ids);
      if (check.errors.length)
        throw new AppError(
          'validation',
          check.errors.map((e) => e.message).join(' ; '),
          check.errors,
        );
      const [result] = await this.write(tx, [{ bureau, entry, warnings: check.warnings }], user);
      await this.publish(tx, scrutin, [bureau], result.status);
      return toResultDto(result, await this.history(tx.manager, bureau.id));
    });
  }

  /**
   * Writes checked entries (one from the entry screen, many from a file import) in a few
   * statements. Unexplained warnings flag the bureau « erreur » (to be called back); a re-entry
   * clears the earlier callback and validation.
   */
  async write(
    tx: Tx,
    items: readonly { bureau: Bureau; entry: ResultEntry; warnings: string[] }[],
    user: AuthUser,
  ): Promise<BureauResult[]> {
    if (items.length === 0) return [];
    const now = new Date();
    const ids = items.map((i) => i.bureau.id);
    const current = new Map(
      (await tx.manager.find(BureauResult, { where: { bureauId: In(ids) } })).map((r) => [
        r.bureauId,
        r,
      ]),
    );
    const rows = items.map(({ bureau, entry, warnings }) => {
      const before = current.get(bureau.id);
      return {
        scrutinId: bureau.scrutinId,
        bureauId: bureau.id,
        status: (warnings.length && !entry.comment ? 'erreur' : 'saisi') as BureauResult['status'],
        inscrits: entry.inscrits,
        emargements: entry.emargements ?? null,
        votants: entry.votants,
        blancs: entry.blancs,
        nuls: entry.nuls,
        exprimes: entry.exprimes,
        voix: entry.voix,
        comment: entry.comment ?? null,
        warnings,
        source: entry.source,
        pvReceived: entry.pvReceived ?? before?.pvReceived ?? false,
        enteredBy: user.id,
        enteredByName: user.displayName,
        enteredAt: now,
        callbackBy: null,
        callbackByName: null,
        callbackAt: null,
        callbackNote: null,
        validatedBy: null,
        validatedByName: null,
        validatedAt: null,
        version: (before?.version ?? 0) + 1,
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await tx.manager.upsert(BureauResult, rows.slice(i, i + 500), {
        conflictPaths: ['bureauId'],
      });
    const events = rows.map((r, i) => ({
      bureauId: r.bureauId,
      from: current.get(r.bureauId)?.status ?? ('non_arrive' as const),
      to: r.status,
      at: now,
      by: user.id,
      byName: user.displayName,
      note: r.status === 'erreur' ? items[i].warnings.join(' ; ') : r.comment,
    }));
    for (let i = 0; i < events.length; i += 1000)
      await tx.manager.insert(ResultEvent, events.slice(i, i + 1000));
    return tx.manager.find(BureauResult, { where: { bureauId: In(ids) } });
  }

  /** A contre-appel to the mairie, logged: it lets the person who entered validate. */
  callback(
    scrutinId: string,
    bureauId: string,
    note: string,
    user: AuthUser,
  ): Promise<BureauResultDto> {
    return this.move(scrutinId, bureauId, user, ['saisi', 'erreur', 'contre_appele'], (r, now) => {
      r.callbackBy = user.id;
      r.callbackByName = user.displayName;
      r.callbackAt = now;
      r.callbackNote = note;
      return { to: 'contre_appele', note };
    });
  }

  /** Flags an entry as wrong (PV differs, numbers doubtful): it leaves the totals until re-entered. */
  markError(
    scrutinId: string,
    bureauId: string,
    note: string,
    user: AuthUser,
  ): Promise<BureauResultDto> {
    return this.move(scrutinId, bureauId, user, ['saisi', 'contre_appele', 'valide'], (r) => {
      r.validatedBy = null;
      r.validatedByName = null;
      r.validatedAt = null;
      return { to: 'erreur', note };
    });
  }

  /** Four-eyes rule: someone other than who entered validates, or a contre-appel was logged. */
  validate(scrutinId: string, bureauId: string, user: AuthUser): Promise<BureauResultDto> {
    return this.move(scrutinId, bureauId, user, ['saisi', 'contre_appele'], (r, now) => {
      if (r.enteredBy === user.id && !r.callbackAt)
        throw new AppError(
          'forbidden',
          'Règle des quatre yeux : la validation revient à une autre personne que celle qui a saisi, ou suit un contre-appel enregistré',
        );
      r.validatedBy = user.id;
      r.validatedByName = user.displayName;
      r.validatedAt = now;
      return { to: 'valide', note: null };
    });
  }

  private move(
    scrutinId: string,
    bureauId: string,
    user: AuthUser,
    from: BureauResult['status'][],
    change: (r: BureauResult, now: Date) => { to: BureauResult['status']; note: string | null },
  ): Promise<BureauResultDto> {
    return this.tx.run(async (tx) => {
      const scrutin = await this.scrutins.require(tx.manager, scrutinId, true);
      const bureau = await this.bureau(tx.manager, scrutinId, bureauId);
      const result = await tx.manager.findOne(BureauResult, { where: { bureauId } });
      if (!result) throw new AppError('invalid_transition', 'No result entered for this bureau');
      if (!from.includes(result.status))
        throw new AppError('invalid_transition', `Not possible from status ${result.status}`, [
          { path: 'status', message: `${result.status} → ?` },
        ]);
      const now = new Date();
      const previous = result.status;
      const { to, note } = change(result, now);
      result.status = to;
      result.version += 1;
      await tx.manager.save(result);
      await tx.manager.insert(ResultEvent, {
        bureauId,
        from: previous,
        to,
        at: now,
        by: user.id,
        byName: user.displayName,
        note,
      });
      await this.publish(tx, scrutin, [bureau], to);
      return toResultDto(result, await this.history(tx.manager, bureauId));
    });
  }

  /** Computes the totals in the writer's transaction (scrutin row held) and records the event. */
  async publish(
    tx: Tx,
    scrutin: Scrutin,
    bureaux: Bureau[],
    status: ResultStatus | null,
  ): Promise<ElectionTotals> {
    const totals = await this.totalsService.totals(tx.manager, scrutin);
    const changed = new Set(bureaux.map((b) => b.communeInsee));
    const communes: CommuneProgress[] = totals.communes.filter((c) => changed.has(c.insee));
    tx.emit(
      'election.totalsUpdated',
      {
        scrutinId: scrutin.id,
        bureauIds: bureaux.map((b) => b.id),
        status,
        communes,
        totals: { ...totals, communes: [] },
      },
      electionAudience(),
    );
    return totals;
  }

  async results(manager: EntityManager, scrutinId: string): Promise<BureauResultDto[]> {
    const rows = await manager.find(BureauResult, { where: { scrutinId } });
    const events = rows.length
      ? await manager.find(ResultEvent, {
          where: { bureauId: In(rows.map((r) => r.bureauId)) },
          order: { id: 'ASC' },
        })
      : [];
    const byBureau = new Map<string, ResultEvent[]>();
    for (const e of events) byBureau.set(e.bureauId, [...(byBureau.get(e.bureauId) ?? []), e]);
    return rows.map((r) => toResultDto(r, byBureau.get(r.bureauId) ?? []));
  }

  async totals(scrutinId: string): Promise<ElectionTotals & { seq: number }> {
    const { data, seq } = await this.tx.snapshot(async (manager) =>
      this.totalsService.totals(manager, await this.scrutins.require(manager, scrutinId)),
    );
    return { ...data, seq };
  }

  /** Published totals (press, public page): refused before the publication gate. */
  /** The published results with the scrutin's name and date, for the public page. */
  async publicResults(
    scrutinId: string,
  ): Promise<{ label: string; date: string; round: number; totals: ElectionTotals }> {
    return this.tx
      .snapshot(async (manager) => {
        const scrutin = await this.scrutins.require(manager, scrutinId);
        await this.scrutins.assertPublishable(manager, scrutin);
        const totals = await this.totalsService.totals(manager, scrutin);
        return { label: scrutin.label, date: scrutin.date, round: scrutin.round, totals };
      })
      .then((r) => r.data);
  }

  async publicTotals(scrutinId: string): Promise<ElectionTotals> {
    return this.tx
      .snapshot(async (manager) => {
        const scrutin = await this.scrutins.require(manager, scrutinId);
        await this.scrutins.assertPublishable(manager, scrutin);
        return this.totalsService.totals(manager, scrutin);
      })
      .then((r) => r.data);
  }

  private async bureau(
    manager: EntityManager,
    scrutinId: string,
    bureauId: string,
  ): Promise<Bureau> {
    const bureau = await manager.findOne(Bureau, { where: { id: bureauId, scrutinId } });
    if (!bureau) throw AppError.notFound('Bureau');
    return bureau;
  }

  private history(manager: EntityManager, bureauId: string): Promise<ResultEvent[]> {
    return manager.find(ResultEvent, { where: { bureauId }, order: { id: 'ASC' } });
  }
}
