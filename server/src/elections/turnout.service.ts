import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { TurnoutLevel, TurnoutReport, TurnoutRow } from '../contracts/elections';
import { TransactionRunner } from '../database/transaction';
import { checkTurnout } from './result-checks';
import { checkedBureau } from './results.service';
import { Turnout } from './result.entity';
import { Bureau, Scrutin } from './scrutin.entity';
import { ScrutinsService } from './scrutins.service';

/** SQL key and label of each aggregation level (fixed fragments, never user text). */
const LEVELS: Record<TurnoutLevel, { key: string; label: string }> = {
  bureau: { key: `b.commune_insee || '-' || b.code`, label: `c.name || ', ' || b.label` },
  commune: { key: 'b.commune_insee', label: 'c.name' },
  circonscription: { key: 'b.circonscription', label: 'b.circonscription' },
  arrondissement: { key: 'c.arrondissement', label: 'c.arrondissement_name' },
  departement: { key: `'63'`, label: `'Puy-de-Dôme'` },
};

const pct = (part: number, whole: number) => (whole ? Math.round((part * 10000) / whole) / 100 : 0);

/** Participation at the configured slots (12:00, 17:00…): entry per bureau and aggregation. */
@Injectable()
export class TurnoutService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly scrutins: ScrutinsService,
  ) {}

  enter(
    scrutinId: string,
    bureauId: string,
    input: { slot: string; votants: number },
    user: AuthUser,
  ) {
    return this.tx.run(async ({ manager }) => {
      const scrutin = await this.scrutins.require(manager, scrutinId);
      if (!scrutin.turnoutSlots.includes(input.slot))
        throw new AppError('validation', 'Unknown slot', [
          { path: 'slot', message: `slots of this scrutin: ${scrutin.turnoutSlots.join(', ')}` },
        ]);
      const bureau = await manager.findOne(Bureau, { where: { id: bureauId, scrutinId } });
      if (!bureau) throw AppError.notFound('Bureau');
      const others = await manager.find(Turnout, { where: { bureauId } });
      const warnings = checkTurnout(
        await checkedBureau(manager, bureau),
        input.slot,
        input.votants,
        others.filter((o) => o.slot !== input.slot),
      );
      await manager.upsert(
        Turnout,
        {
          scrutinId,
          bureauId,
          slot: input.slot,
          votants: input.votants,
          warnings,
          enteredBy: user.id,
          enteredAt: new Date(),
        },
        ['bureauId', 'slot'],
      );
      return { bureauId, slot: input.slot, votants: input.votants, warnings };
    });
  }

  async report(
    manager: EntityManager,
    scrutinId: string,
    level: TurnoutLevel,
  ): Promise<TurnoutReport> {
    const scrutin = await this.scrutins.require(manager, scrutinId);
    const rows = await this.aggregate(manager, scrutin, level);
    const previous = scrutin.previousScrutinId
      ? await manager.findOne(Scrutin, { where: { id: scrutin.previousScrutinId } })
      : null;
    const before = previous
      ? new Map((await this.aggregate(manager, previous, level)).map((r) => [r.key, r]))
      : null;
    const labels = new Map(scrutin.circonscriptions.map((c) => [c.code, c.label]));
    for (const row of rows) {
      if (level === 'circonscription') row.label = labels.get(row.key) ?? row.key;
      for (const slot of Object.keys(row.slots))
        row.slots[slot].previousPct = before?.get(row.key)?.slots[slot]?.pct ?? null;
    }
    return { scrutinId, level, slots: scrutin.turnoutSlots, rows };
  }

  private async aggregate(
    manager: EntityManager,
    scrutin: Scrutin,
    level: TurnoutLevel,
  ): Promise<TurnoutRow[]> {
    const { key, label } = LEVELS[level];
    const base = (await manager.query(
      `SELECT ${key} AS key, min(${label}) AS label, sum(b.inscrits)::int AS inscrits, count(*)::int AS bureaux
       FROM election_bureau b JOIN commune c ON c.insee = b.commune_insee
       WHERE b.scrutin_id = $1 GROUP BY 1 ORDER BY 1`,
      [scrutin.id],
    )) as { key: string; label: string; inscrits: number; bureaux: number }[];
    const slots = (await manager.query(
      `SELECT ${key} AS key, t.slot, sum(t.votants)::int AS votants, count(*)::int AS reported,
              sum(b.inscrits)::int AS inscrits_reported
       FROM election_turnout t JOIN election_bureau b ON b.id = t.bureau_id JOIN commune c ON c.insee = b.commune_insee
       WHERE t.scrutin_id = $1 GROUP BY 1, 2`,
      [scrutin.id],
    )) as {
      key: string;
      slot: string;
      votants: number;
      reported: number;
      inscrits_reported: number;
    }[];
    const rows = new Map<string, TurnoutRow>(
      base.map((b) => [
        b.key,
        { key: b.key, label: b.label, inscrits: b.inscrits, bureaux: b.bureaux, slots: {} },
      ]),
    );
    for (const s of slots) {
      const row = rows.get(s.key);
      if (row)
        // the rate over the bureaux that reported, as the ministry publishes it
        row.slots[s.slot] = {
          votants: s.votants,
          reported: s.reported,
          pct: pct(s.votants, s.inscrits_reported),
          previousPct: null,
        };
    }
    return [...rows.values()];
  }
}
