import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  CandidatureDto,
  CandidatureStatus,
  CreateCandidatureRequest,
  NuanceDto,
} from '../contracts/elections';
import { TransactionRunner } from '../database/transaction';
import { checkCandidature } from './candidature-checks';
import { candidatureLabel, LIVE_CANDIDATURE_STATUSES, toCandidatureDto } from './candidature-dto';
import { Candidature, CandidatureEvent } from './candidature.entity';
import { computeDeadline, type DeadlineRule, describeDeadline } from './deadlines';
import { renderReceipt } from './receipt.pdf';
import { ElectionRulesService } from './rules.service';
import { Scrutin } from './scrutin.entity';
import { ScrutinsService } from './scrutins.service';

/** Age in years (decimal) on a date. */
function ageOn(birthDate: string, on: string): number {
  return (Date.parse(on) - Date.parse(birthDate)) / (365.2425 * 86400_000);
}

/**
 * Candidatures: deposit with every check software can do, provisional and definitive
 * receipts (numbered per scrutin), refusal with the court-appeal window, appeal outcome.
 */
@Injectable()
export class CandidaturesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly scrutins: ScrutinsService,
    private readonly rules: ElectionRulesService,
  ) {}

  async deadline(
    manager: EntityManager,
    scrutin: Scrutin,
  ): Promise<{ at: Date; rule: DeadlineRule; text: string; toConfirm: boolean; legalRef: string }> {
    const rule = await this.rules.deadlineRule(
      manager,
      scrutin.system,
      scrutin.round,
      scrutin.date,
    );
    const firstRound = scrutin.firstRoundId
      ? await manager.findOne(Scrutin, { where: { id: scrutin.firstRoundId } })
      : null;
    const at = computeDeadline(rule.value, {
      pollingDate: scrutin.date,
      firstRoundDate: firstRound?.date,
    });
    return {
      at,
      rule: rule.value,
      text: describeDeadline(rule.value),
      toConfirm: rule.toConfirm,
      legalRef: rule.legalRef,
    };
  }

  create(
    scrutinId: string,
    input: CreateCandidatureRequest,
    user: AuthUser,
  ): Promise<CandidatureDto> {
    return this.tx.run(async ({ manager }) => {
      const scrutin = await this.scrutins.require(manager, scrutinId, true);
      const circo = scrutin.circonscriptions.find((c) => c.code === input.circonscription);
      if (!circo)
        throw new AppError('validation', 'Unknown circonscription', [
          {
            path: 'circonscription',
            message: `not a circonscription of this scrutin (${scrutin.circonscriptions.map((c) => c.code).join(', ')})`,
          },
        ]);
      const deadline = await this.deadline(manager, scrutin);
      const others = await manager.find(Candidature, {
        where: { scrutinId, status: In([...LIVE_CANDIDATURE_STATUSES]) },
      });
      const problems = checkCandidature(input, {
        system: scrutin.system,
        deadline: deadline.at,
        deadlineRule: deadline.rule,
        seats: circo.seats,
        population: circo.population,
        listSize: await this.rules.listSize(manager, scrutin.system, scrutin.date),
        others: others.map((o) => ({ label: candidatureLabel(o), members: o.members })),
      });
      if (input.nuance) {
        const grid = await this.rules.nuances(manager, scrutin.system, scrutin.date);
        if (grid.length && !grid.some((n) => n.code === input.nuance))
          problems.push({
            path: 'nuance',
            message: `« ${input.nuance} » is not in the nuance grid in force`,
          });
      }
      if (
        input.panel &&
        others.some((o) => o.circonscription === input.circonscription && o.panel === input.panel)
      )
        problems.push({
          path: 'panel',
          message: `panel ${input.panel} is already given in this circonscription`,
        });
      if (problems.length)
        throw new AppError(
          'validation',
          `Candidature refusée : ${problems.map((p) => p.message).join(' ; ')}`,
          problems,
        );
      scrutin.receiptCounter += 1;
      await manager.save(scrutin);
      const now = new Date();
      const ages = input.members
        .filter((m) => m.role === 'titulaire')
        .map((m) => ageOn(m.birthDate, scrutin.date));
      const candidature = await manager.save(
        manager.create(Candidature, {
          scrutinId,
          circonscription: input.circonscription,
          kind: input.kind,
          title: input.title ?? null,
          etiquette: input.etiquette ?? null,
          nuance: input.nuance ?? null,
          panel: input.panel ?? null,
          depositedAt: new Date(input.depositedAt),
          depositor: input.depositor,
          deadline: deadline.at,
          members: input.members,
          status: 'deposee',
          provisionalReceiptNo: receiptNumber('P', scrutin, scrutin.receiptCounter),
          provisionalReceiptAt: now,
          averageAge: ages.length
            ? Math.round((ages.reduce((a, b) => a + b, 0) / ages.length) * 100) / 100
            : null,
          createdBy: user.id,
        }),
      );
      await this.record(manager, candidature, null, user, null);
      return toCandidatureDto(candidature);
    });
  }

  async list(manager: EntityManager, scrutinId: string): Promise<CandidatureDto[]> {
    const rows = await manager.find(Candidature, {
      where: { scrutinId },
      order: { circonscription: 'ASC', panel: 'ASC', createdAt: 'ASC' },
    });
    return rows.map(toCandidatureDto);
  }

  /** Definitive receipt: the file is complete. */
  register(scrutinId: string, id: string, user: AuthUser): Promise<CandidatureDto> {
    return this.change(scrutinId, id, user, ['deposee'], (c, scrutin, now) => {
      scrutin.receiptCounter += 1;
      c.definitiveReceiptNo = receiptNumber('D', scrutin, scrutin.receiptCounter);
      c.definitiveReceiptAt = now;
      return Promise.resolve({ to: 'enregistree' as const, note: null });
    });
  }

  /** Motivated refusal: starts the window to seize the tribunal administratif. */
  refuse(scrutinId: string, id: string, motive: string, user: AuthUser): Promise<CandidatureDto> {
    return this.change(scrutinId, id, user, ['deposee'], async (c, scrutin, now, manager) => {
      const window = await this.rules.requireRule<DeadlineRule>(
        manager,
        scrutin.system,
        scrutin.round,
        'appeal_window',
        scrutin.date,
      );
      const ruling = await this.rules.requireRule<DeadlineRule>(
        manager,
        scrutin.system,
        scrutin.round,
        'court_ruling',
        scrutin.date,
      );
      c.refusalMotive = motive;
      c.refusedAt = now;
      c.appealUntil = computeDeadline(window.value, { pollingDate: scrutin.date, from: now });
      c.courtRulesBy = computeDeadline(ruling.value, {
        pollingDate: scrutin.date,
        from: c.appealUntil,
      });
      return { to: 'refusee', note: motive };
    });
  }

  /** The appeal to the tribunal administratif and its outcome (annulled refusal: registered). */
  appeal(
    scrutinId: string,
    id: string,
    input: { lodgedAt: string; outcome: 'pending' | 'annulee' | 'confirmee'; note?: string },
    user: AuthUser,
  ): Promise<CandidatureDto> {
    return this.change(scrutinId, id, user, ['refusee'], async (c, scrutin, now, manager) => {
      const lodgedAt = new Date(input.lodgedAt);
      if (c.appealUntil && lodgedAt > c.appealUntil)
        throw new AppError('validation', 'Recours hors délai', [
          { path: 'lodgedAt', message: `the window closed at ${c.appealUntil.toISOString()}` },
        ]);
      const ruling = await this.rules.requireRule<DeadlineRule>(
        manager,
        scrutin.system,
        scrutin.round,
        'court_ruling',
        scrutin.date,
      );
      c.appealLodgedAt = lodgedAt;
      c.appealOutcome = input.outcome;
      c.appealNote = input.note ?? null;
      c.courtRulesBy = computeDeadline(ruling.value, { pollingDate: scrutin.date, from: lodgedAt });
      if (input.outcome === 'annulee') {
        scrutin.receiptCounter += 1;
        c.definitiveReceiptNo = receiptNumber('D', scrutin, scrutin.receiptCounter);
        c.definitiveReceiptAt = now;
        return {
          to: 'enregistree',
          note: `Refus annulé par le tribunal administratif. ${input.note ?? ''}`.trim(),
        };
      }
      return {
        to: 'refusee',
        note: `Recours ${input.outcome === 'pending' ? 'déposé' : 'rejeté'}. ${input.note ?? ''}`.trim(),
      };
    });
  }

  withdraw(scrutinId: string, id: string, user: AuthUser): Promise<CandidatureDto> {
    return this.change(scrutinId, id, user, ['deposee', 'enregistree'], () =>
      Promise.resolve({ to: 'retiree' as const, note: null }),
    );
  }

  async receipt(
    manager: EntityManager,
    scrutinId: string,
    id: string,
    kind: 'provisoire' | 'definitif',
  ): Promise<{ filename: string; content: Buffer }> {
    const scrutin = await this.scrutins.require(manager, scrutinId);
    const c = await manager.findOne(Candidature, { where: { id, scrutinId } });
    if (!c) throw AppError.notFound('Candidature');
    const dto = toCandidatureDto(c);
    const receipt = kind === 'provisoire' ? dto.provisionalReceipt : dto.definitiveReceipt;
    if (!receipt) throw new AppError('conflict', `No ${kind} receipt for this candidature`);
    const content = await renderReceipt({
      kind,
      scrutin: {
        label: scrutin.label,
        type: scrutin.type,
        date: scrutin.date,
        round: scrutin.round,
      },
      circonscriptionLabel:
        scrutin.circonscriptions.find((x) => x.code === c.circonscription)?.label ??
        c.circonscription,
      candidature: dto,
      issuedAt: new Date(),
    });
    return { filename: `recepisse-${receipt.number}.pdf`, content };
  }

  nuances(manager: EntityManager, scrutin: Scrutin): Promise<NuanceDto[]> {
    return this.rules.nuances(manager, scrutin.system, scrutin.date);
  }

  private change(
    scrutinId: string,
    id: string,
    user: AuthUser,
    from: CandidatureStatus[],
    apply: (
      c: Candidature,
      scrutin: Scrutin,
      now: Date,
      manager: EntityManager,
    ) => Promise<{ to: CandidatureStatus; note: string | null }>,
  ): Promise<CandidatureDto> {
    return this.tx.run(async ({ manager }) => {
      const scrutin = await this.scrutins.require(manager, scrutinId, true);
      const c = await manager.findOne(Candidature, {
        where: { id, scrutinId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) throw AppError.notFound('Candidature');
      if (!from.includes(c.status))
        throw new AppError('invalid_transition', `Not possible from status ${c.status}`, [
          { path: 'status', message: c.status },
        ]);
      const previous = c.status;
      const { to, note } = await apply(c, scrutin, new Date(), manager);
      c.status = to;
      c.version += 1;
      await manager.save([scrutin, c]);
      await this.record(manager, c, previous, user, note);
      return toCandidatureDto(c);
    });
  }

  private async record(
    manager: EntityManager,
    c: Candidature,
    from: CandidatureStatus | null,
    user: AuthUser,
    note: string | null,
  ) {
    await manager.insert(CandidatureEvent, {
      candidatureId: c.id,
      from,
      to: c.status,
      at: new Date(),
      by: user.id,
      byName: user.displayName,
      note,
    });
  }
}

function receiptNumber(prefix: 'P' | 'D', scrutin: Scrutin, n: number): string {
  return `${prefix}-${scrutin.date.slice(0, 4)}-${scrutin.id.slice(0, 4).toUpperCase()}-${String(n).padStart(4, '0')}`;
}
