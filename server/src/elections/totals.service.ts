import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { ElectionTotals, RaceTotals, ResultStatus } from '../contracts/elections';
import { Candidature } from './candidature.entity';
import { candidatureLabel, LIVE_CANDIDATURE_STATUSES } from './candidature-dto';
import { ElectionRulesService } from './rules.service';
import type { Scrutin } from './scrutin.entity';
import { raceOutcome } from './seats';

const pct = (part: number, whole: number) => (whole ? Math.round((part * 10000) / whole) / 100 : 0);

interface RaceRow {
  circonscription: string;
  bureaux: number;
  arrived: number;
  counted: number;
  validated: number;
  errors: number;
  inscrits_configured: number;
  inscrits: number;
  votants: number;
  blancs: number;
  nuls: number;
  exprimes: number;
}

/**
 * Live aggregation of a scrutin's results, computed by PostgreSQL from the bureaux rows (no
 * stored counters to drift). Counted: every entered result but those flagged « erreur ».
 */
@Injectable()
export class TotalsService {
  constructor(private readonly rules: ElectionRulesService) {}

  async totals(manager: EntityManager, scrutin: Scrutin): Promise<ElectionTotals> {
    const races = (await manager.query(
      `SELECT b.circonscription,
              count(*)::int AS bureaux,
              count(r.id)::int AS arrived,
              count(r.id) FILTER (WHERE r.status <> 'erreur')::int AS counted,
              count(r.id) FILTER (WHERE r.status = 'valide')::int AS validated,
              count(r.id) FILTER (WHERE r.status = 'erreur')::int AS errors,
              sum(b.inscrits)::int AS inscrits_configured,
              coalesce(sum(r.inscrits) FILTER (WHERE r.status <> 'erreur'), 0)::int AS inscrits,
              coalesce(sum(r.votants) FILTER (WHERE r.status <> 'erreur'), 0)::int AS votants,
              coalesce(sum(r.blancs) FILTER (WHERE r.status <> 'erreur'), 0)::int AS blancs,
              coalesce(sum(r.nuls) FILTER (WHERE r.status <> 'erreur'), 0)::int AS nuls,
              coalesce(sum(r.exprimes) FILTER (WHERE r.status <> 'erreur'), 0)::int AS exprimes
       FROM election_bureau b LEFT JOIN election_result r ON r.bureau_id = b.id
       WHERE b.scrutin_id = $1 GROUP BY b.circonscription ORDER BY b.circonscription`,
      [scrutin.id],
    )) as RaceRow[];
    const voixRows = (await manager.query(
      `SELECT kv.key AS id, sum(kv.value::bigint)::bigint AS voix
       FROM election_result r CROSS JOIN LATERAL jsonb_each_text(r.voix) kv
       WHERE r.scrutin_id = $1 AND r.status <> 'erreur' GROUP BY kv.key`,
      [scrutin.id],
    )) as { id: string; voix: string }[];
    const voix = new Map(voixRows.map((v) => [v.id, Number(v.voix)]));
    const candidatures = await manager.find(Candidature, {
      where: { scrutinId: scrutin.id, status: In([...LIVE_CANDIDATURE_STATUSES]) },
      order: { panel: 'ASC', createdAt: 'ASC' },
    });
    const statusRows = (await manager.query(
      `SELECT coalesce(r.status, 'non_arrive') AS status, count(*)::int AS n
       FROM election_bureau b LEFT JOIN election_result r ON r.bureau_id = b.id
       WHERE b.scrutin_id = $1 GROUP BY 1`,
      [scrutin.id],
    )) as { status: ResultStatus; n: number }[];
    const communes = (await manager.query(
      `SELECT b.commune_insee AS insee, c.name, count(*)::int AS bureaux, count(r.id)::int AS arrived,
              count(r.id) FILTER (WHERE r.status = 'valide')::int AS validated,
              count(r.id) FILTER (WHERE r.status = 'erreur')::int AS errors
       FROM election_bureau b JOIN commune c ON c.insee = b.commune_insee
       LEFT JOIN election_result r ON r.bureau_id = b.id
       WHERE b.scrutin_id = $1 GROUP BY b.commune_insee, c.name ORDER BY b.commune_insee`,
      [scrutin.id],
    )) as ElectionTotals['communes'];
    const thresholds = await this.rules.thresholds(
      manager,
      scrutin.system,
      scrutin.round,
      scrutin.date,
    );

    const raceTotals: RaceTotals[] = races.map((r) => {
      const circo = scrutin.circonscriptions.find((c) => c.code === r.circonscription);
      const inRace = candidatures.filter((c) => c.circonscription === r.circonscription);
      const complete = r.validated === r.bureaux;
      const outcome = raceOutcome(
        scrutin.system,
        scrutin.round,
        { inscrits: r.inscrits_configured, exprimes: r.exprimes },
        inRace.map((c) => ({
          id: c.id,
          voix: voix.get(c.id) ?? 0,
          age: c.averageAge ?? undefined,
        })),
        thresholds,
        circo?.seats,
      );
      return {
        circonscription: r.circonscription,
        label: circo?.label ?? r.circonscription,
        bureaux: r.bureaux,
        arrived: r.arrived,
        validated: r.validated,
        errors: r.errors,
        inscrits: r.inscrits,
        votants: r.votants,
        blancs: r.blancs,
        nuls: r.nuls,
        exprimes: r.exprimes,
        inscritsConfigured: r.inscrits_configured,
        complete,
        candidates: inRace.map((c) => {
          const v = voix.get(c.id) ?? 0;
          const o = outcome.byId.get(c.id)!;
          return {
            candidatureId: c.id,
            label: candidatureLabel(c),
            nuance: c.nuance,
            panel: c.panel,
            voix: v,
            pctExprimes: pct(v, r.exprimes),
            pctInscrits: pct(v, r.inscrits_configured),
            ...o,
          };
        }),
        outcome:
          outcome.summary &&
          (complete ? outcome.summary : `Tendance : ${outcome.summary.toLowerCase()}`),
      };
    });
    const sum = (k: keyof RaceRow) => races.reduce((a, r) => a + Number(r[k]), 0);
    const byStatus = { non_arrive: 0, saisi: 0, erreur: 0, contre_appele: 0, valide: 0 } as Record<
      ResultStatus,
      number
    >;
    for (const s of statusRows) byStatus[s.status] = s.n;
    return {
      scrutinId: scrutin.id,
      bureaux: sum('bureaux'),
      arrived: sum('arrived'),
      validated: sum('validated'),
      errors: sum('errors'),
      byStatus,
      inscrits: sum('inscrits'),
      votants: sum('votants'),
      blancs: sum('blancs'),
      nuls: sum('nuls'),
      exprimes: sum('exprimes'),
      races: raceTotals,
      communes,
      computedAt: new Date().toISOString(),
    };
  }
}
