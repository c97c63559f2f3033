import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  BureauDto,
  CandidatureDto,
  ElectionTotals,
  NuanceDto,
  ResultEntry,
  ScrutinSummary,
} from '../contracts/elections';
import { TransactionRunner } from '../database/transaction';
import { Candidature } from './candidature.entity';
import { LIVE_CANDIDATURE_STATUSES } from './candidature-dto';
import { CandidaturesService } from './candidatures.service';
import type { CsvImportInput } from './elections.dto';
import {
  type MinistryRow,
  type MunicipalRow,
  parseMinistryCsv,
  renderMinistryCsv,
  renderMunicipalCsv,
} from './ministry-csv';
import { parisParts } from './paris-time';
import { checkResult } from './result-checks';
import { BureauResult } from './result.entity';
import { ResultsService } from './results.service';
import { Bureau, type Scrutin } from './scrutin.entity';
import { ScrutinsService } from './scrutins.service';
import { TotalsService } from './totals.service';

export interface ScrutinDetail extends ScrutinSummary {
  bureaux: BureauDto[];
  candidatures: CandidatureDto[];
  deadline: { at: string; text: string; toConfirm: boolean; legalRef: string } | null;
  nuances: NuanceDto[];
}

/**
 * The scrutin as a whole: its detail page, the export of the centralised results in the
 * ministry's CSV shape (behind the publication gate) and the import of a results file
 * (all-or-nothing, report naming line and bureau).
 */
@Injectable()
export class ElectionsTransferService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly scrutins: ScrutinsService,
    private readonly candidatures: CandidaturesService,
    private readonly results: ResultsService,
    private readonly totals: TotalsService,
  ) {}

  async detail(id: string): Promise<ScrutinDetail> {
    const { data } = await this.tx.snapshot(async (manager) => {
      const scrutin = await this.scrutins.require(manager, id);
      const bureaux = await this.scrutins.bureaux(manager, id);
      const deadline = await this.candidatures.deadline(manager, scrutin).catch((e: unknown) => {
        if (e instanceof AppError) return null;
        throw e;
      });
      return {
        ...(await this.scrutins.summary(manager, scrutin, bureaux.length)),
        bureaux,
        candidatures: await this.candidatures.list(manager, id),
        deadline: deadline && {
          at: deadline.at.toISOString(),
          text: deadline.text,
          toConfirm: deadline.toConfirm,
          legalRef: deadline.legalRef,
        },
        nuances: await this.candidatures.nuances(manager, scrutin),
      };
    });
    return data;
  }

  /**
   * The centralised results in the ministry's shape: `bureaux` (2024, one row per bureau) or
   * `communes` (municipales 2026, one row per commune, 13-column list blocks with the seats).
   */
  async exportResults(
    id: string,
    format: 'bureaux' | 'communes' = 'bureaux',
  ): Promise<{ filename: string; content: Buffer }> {
    const { data } = await this.tx.snapshot(async (manager) => {
      const scrutin = await this.scrutins.require(manager, id);
      await this.scrutins.assertPublishable(manager, scrutin);
      const totals = await this.totals.totals(manager, scrutin);
      if (format === 'communes') return this.municipalExport(manager, scrutin, totals);
      const elected = new Map<string, string>();
      for (const race of totals.races)
        for (const c of race.candidates)
          elected.set(c.candidatureId, c.elected ? 'élu' : c.qualified ? 'qualifié' : '');
      const bureaux = await this.scrutins.bureaux(manager, id);
      const results = new Map(
        (await manager.find(BureauResult, { where: { scrutinId: id } }))
          .filter((r) => r.status !== 'erreur')
          .map((r) => [r.bureauId, r]),
      );
      const candidatures = await manager.find(Candidature, {
        where: { scrutinId: id, status: In([...LIVE_CANDIDATURE_STATUSES]) },
        order: { panel: 'ASC', createdAt: 'ASC' },
      });
      const rows: MinistryRow[] = [];
      for (const b of bureaux) {
        const r = results.get(b.id);
        if (!r) continue;
        rows.push({
          communeInsee: b.communeInsee,
          communeName: b.communeName,
          bureauCode: b.code,
          inscrits: r.inscrits,
          votants: r.votants,
          blancs: r.blancs,
          nuls: r.nuls,
          exprimes: r.exprimes,
          candidates: candidatures
            .filter((c) => c.circonscription === b.circonscription)
            .map((c, i) => {
              const head = c.members
                .filter((m) => m.role === 'titulaire')
                .sort((a, b2) => a.rank - b2.rank)[0];
              return {
                panel: panelOf(c, i),
                nuance: c.nuance,
                lastName: c.kind === 'liste' && c.title ? c.title : head.lastName.toUpperCase(),
                firstName:
                  c.kind === 'liste' && c.title
                    ? `${head.lastName.toUpperCase()} ${head.firstName}`
                    : head.firstName,
                sex: head.sex,
                voix: r.voix[c.id] ?? 0,
                elected: elected.get(c.id) ?? '',
              };
            }),
        });
      }
      return {
        filename: `resultats-${scrutin.date}-t${scrutin.round}-${parisParts(new Date()).date}.csv`,
        content: renderMinistryCsv(rows),
      };
    });
    return data;
  }

  private async municipalExport(
    manager: EntityManager,
    scrutin: Scrutin,
    totals: ElectionTotals,
  ): Promise<{ filename: string; content: Buffer }> {
    const rows = (await manager.query(
      `SELECT b.commune_insee AS insee, c.name, b.circonscription,
              sum(r.inscrits)::int AS inscrits, sum(r.votants)::int AS votants, sum(r.blancs)::int AS blancs,
              sum(r.nuls)::int AS nuls, sum(r.exprimes)::int AS exprimes
       FROM election_result r JOIN election_bureau b ON b.id = r.bureau_id JOIN commune c ON c.insee = b.commune_insee
       WHERE r.scrutin_id = $1 AND r.status <> 'erreur'
       GROUP BY b.commune_insee, c.name, b.circonscription ORDER BY b.commune_insee`,
      [scrutin.id],
    )) as {
      insee: string;
      name: string;
      circonscription: string;
      inscrits: number;
      votants: number;
      blancs: number;
      nuls: number;
      exprimes: number;
    }[];
    const voix = (await manager.query(
      `SELECT b.commune_insee AS insee, kv.key AS id, sum(kv.value::int)::int AS voix
       FROM election_result r JOIN election_bureau b ON b.id = r.bureau_id CROSS JOIN LATERAL jsonb_each_text(r.voix) kv
       WHERE r.scrutin_id = $1 AND r.status <> 'erreur' GROUP BY 1, 2`,
      [scrutin.id],
    )) as { insee: string; id: string; voix: number }[];
    const voixOf = new Map(voix.map((v) => [`${v.insee}|${v.id}`, v.voix]));
    const candidatures = await manager.find(Candidature, {
      where: { scrutinId: scrutin.id, status: In([...LIVE_CANDIDATURE_STATUSES]) },
      order: { panel: 'ASC', createdAt: 'ASC' },
    });
    const outcome = new Map(
      totals.races.flatMap((race) => race.candidates.map((c) => [c.candidatureId, c])),
    );
    const municipal: MunicipalRow[] = rows.map((r) => ({
      communeInsee: r.insee,
      communeName: r.name,
      inscrits: r.inscrits,
      votants: r.votants,
      blancs: r.blancs,
      nuls: r.nuls,
      exprimes: r.exprimes,
      lists: candidatures
        .filter((c) => c.circonscription === r.circonscription)
        .map((c, i) => {
          const head = c.members
            .filter((m) => m.role === 'titulaire')
            .sort((a, b) => a.rank - b.rank)[0];
          const o = outcome.get(c.id);
          const label = c.title ?? `${head.lastName.toUpperCase()} ${head.firstName}`;
          return {
            number: panelOf(c, i),
            nuance: c.nuance,
            shortLabel: label.slice(0, 30),
            label,
            headLastName: head.lastName.toUpperCase(),
            headFirstName: head.firstName,
            headSex: head.sex,
            voix: voixOf.get(`${r.insee}|${c.id}`) ?? 0,
            elected: o?.elected ? 'Oui' : '',
            seatsCm: o?.seats ?? null,
            seatsCc: null,
          };
        }),
    }));
    return {
      filename: `resultats-communes-${scrutin.date}-t${scrutin.round}.csv`,
      content: renderMunicipalCsv(municipal),
    };
  }

  /**
   * Imports a results file: every row is matched to a bureau (commune + code) and its blocks to
   * the candidatures by panel number, then checked like a manual entry. Any problem: 400 with
   * the report and nothing written, unless `onlyValid` was chosen.
   */
  importResults(
    id: string,
    input: CsvImportInput,
    user: AuthUser,
  ): Promise<{ imported: number; flagged: number; skipped: ErrorDetail[] }> {
    return this.tx.run(async (tx) => {
      const { manager } = tx;
      const scrutin = await this.scrutins.require(manager, id, true);
      const { rows, problems } = parseMinistryCsv(input.csv);
      const bureaux = await manager.find(Bureau, { where: { scrutinId: id } });
      const byRef = new Map(bureaux.map((b) => [`${b.communeInsee}-${b.code}`, b]));
      const names = new Map(
        (
          (await manager.query('SELECT insee, name FROM commune WHERE insee = ANY($1)', [
            [...new Set(bureaux.map((b) => b.communeInsee))],
          ])) as {
            insee: string;
            name: string;
          }[]
        ).map((c) => [c.insee, c.name]),
      );
      const candidatures = await manager.find(Candidature, {
        where: { scrutinId: id, status: In([...LIVE_CANDIDATURE_STATUSES]) },
        order: { panel: 'ASC', createdAt: 'ASC' },
      });
      const planned: { bureau: Bureau; entry: ResultEntry; warnings: string[] }[] = [];
      const seen = new Map<string, number>();
      for (const row of rows) {
        const at = `line.${row.line}`;
        let ref = `${row.communeInsee}-${row.bureauCode}`;
        let bureau = byRef.get(ref);
        if (!row.bureauCode) {
          // a commune-level line (municipales 2026 shape): the commune's only bureau
          const inCommune = bureaux.filter((b) => b.communeInsee === row.communeInsee);
          if (inCommune.length !== 1) {
            problems.push({
              path: at,
              message: `Commune ${row.communeInsee} : ${inCommune.length} bureaux pour ce scrutin, une ligne par bureau est nécessaire`,
            });
            continue;
          }
          bureau = inCommune[0];
          ref = `${bureau.communeInsee}-${bureau.code}`;
        }
        if (!bureau) {
          problems.push({ path: at, message: `Bureau ${ref} : inconnu pour ce scrutin` });
          continue;
        }
        if (seen.has(ref)) {
          problems.push({
            path: at,
            message: `Bureau ${ref} : déjà présent ligne ${seen.get(ref)}`,
          });
          continue;
        }
        seen.set(ref, row.line);
        const inRace = candidatures.filter((c) => c.circonscription === bureau.circonscription);
        const voix: Record<string, number> = {};
        const bad: string[] = [];
        for (const block of row.voix) {
          const c = inRace.find((x, i) => panelOf(x, i) === block.panel);
          if (!c)
            bad.push(
              `panneau ${block.panel} inconnu dans la circonscription ${bureau.circonscription}`,
            );
          else voix[c.id] = block.voix;
        }
        if (bad.length) {
          problems.push({ path: at, message: `Bureau ${ref} : ${bad.join(' ; ')}` });
          continue;
        }
        const entry: ResultEntry = {
          inscrits: row.inscrits,
          votants: row.votants,
          blancs: row.blancs,
          nuls: row.nuls,
          exprimes: row.exprimes,
          voix,
          source: 'import',
        };
        const check = checkResult(
          {
            ref,
            label: `${names.get(bureau.communeInsee) ?? bureau.communeInsee}, ${bureau.label}`,
            inscrits: bureau.inscrits,
          },
          entry,
          inRace.map((c) => c.id),
        );
        if (check.errors.length) {
          problems.push(...check.errors.map((e) => ({ path: at, message: e.message })));
          continue;
        }
        planned.push({ bureau, entry, warnings: check.warnings });
      }
      problems.sort((a, b) => Number(a.path.slice(5)) - Number(b.path.slice(5)));
      if (problems.length && !input.onlyValid)
        throw new AppError(
          'validation',
          `Fichier refusé : ${problems.length} problème(s), rien n’a été importé`,
          problems,
        );
      if (planned.length === 0)
        throw new AppError(
          'validation',
          'Fichier sans résultat valide',
          problems.length ? problems : [{ path: 'csv', message: 'no row' }],
        );
      const written = await this.results.write(tx, planned, user);
      const flagged = written.filter((r) => r.status === 'erreur').length;
      await this.results.publish(
        tx,
        scrutin,
        planned.map((p) => p.bureau),
        null,
      );
      return { imported: planned.length, flagged, skipped: problems };
    });
  }
}

/** Panel (or list) number: as drawn, or the deposit order when none was given. */
function panelOf(c: Pick<Candidature, 'panel'>, index: number): number {
  return c.panel ?? index + 1;
}
