import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  BureauDto,
  Circonscription,
  ScrutinStatus,
  ScrutinSummary,
} from '../contracts/elections';
import { TransactionRunner } from '../database/transaction';
import { Commune } from '../reference/commune.entity';
import { TerritoryService } from '../reference/territory.service';
import { parseBureauxCsv, renderBureauxCsv } from './bureaux-csv';
import type { CreateScrutinInput, CsvImportInput } from './elections.dto';
import { parisInstant } from './paris-time';
import { ElectionRulesService } from './rules.service';
import { Bureau, Scrutin } from './scrutin.entity';

export interface ImportReport {
  created: number;
  updated: number;
  skipped: ErrorDetail[];
}

/** Scrutins, their circonscriptions and bureaux de vote; the publication gate. */
@Injectable()
export class ScrutinsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rules: ElectionRulesService,
    private readonly territory: TerritoryService,
  ) {}

  /** Communes of each circonscription: as given, or from the territorial reference. */
  async compose(
    input: CreateScrutinInput['circonscriptions'],
  ): Promise<{ circos: Circonscription[]; problems: ErrorDetail[] }> {
    const problems: ErrorDetail[] = [];
    const needs = input.some((c) => !c.communes);
    const territory = needs ? await this.territory.listTerritory() : [];
    const circos = input.map((c, i) => {
      if (c.communes) return { ...c, communes: c.communes };
      const communes = territory
        .filter((t) => {
          switch (c.kind) {
            case 'commune':
              return t.insee === c.code;
            case 'canton':
              return t.cantons.some((x) => x.code === c.code);
            case 'legislative':
              return t.circonscriptions.some((x) => x.code === c.code);
            case 'departement':
              return true;
            case 'section':
              return false;
          }
        })
        .map((t) => t.insee);
      if (communes.length === 0)
        problems.push({
          path: `circonscriptions.${i}.communes`,
          message: `no commune known for ${c.kind} ${c.code}: list them`,
        });
      return { ...c, communes };
    });
    return { circos, problems };
  }

  create(input: CreateScrutinInput, user: AuthUser): Promise<ScrutinSummary> {
    return this.tx.run(async ({ manager }) => {
      const { circos, problems } = await this.compose(input.circonscriptions);
      const communes = new Set(circos.flatMap((c) => c.communes));
      const known = new Set(
        (
          await manager.find(Commune, {
            select: { insee: true },
            where: { insee: In([...communes]) },
          })
        ).map((c) => c.insee),
      );
      circos.forEach((c, i) =>
        c.communes.forEach((insee, j) => {
          if (!known.has(insee))
            problems.push({
              path: `circonscriptions.${i}.communes.${j}`,
              message: `unknown commune ${insee}`,
            });
        }),
      );
      input.closingExceptions.forEach((e, i) => {
        if (!communes.has(e.communeInsee))
          problems.push({
            path: `closingExceptions.${i}.communeInsee`,
            message: 'not a commune of the scrutin',
          });
      });
      let firstRound: Scrutin | null = null;
      if (input.round === 2) {
        if (!input.firstRoundId)
          problems.push({ path: 'firstRoundId', message: 'a round two needs its first round' });
        else {
          firstRound = await manager.findOne(Scrutin, { where: { id: input.firstRoundId } });
          if (!firstRound) problems.push({ path: 'firstRoundId', message: 'no such scrutin' });
          else if (firstRound.date >= input.date)
            problems.push({ path: 'date', message: 'round two must come after the first round' });
        }
      }
      if (
        input.previousScrutinId &&
        !(await manager.existsBy(Scrutin, { id: input.previousScrutinId }))
      )
        problems.push({ path: 'previousScrutinId', message: 'no such scrutin' });
      if (problems.length) throw new AppError('validation', 'Invalid scrutin', problems);
      const system = input.type === 'partielle' ? input.system! : input.type;
      const scrutin = await manager.save(
        manager.create(Scrutin, {
          type: input.type,
          system,
          label: input.label,
          date: input.date,
          round: input.round,
          firstRoundId: firstRound?.id ?? null,
          previousScrutinId: input.previousScrutinId ?? null,
          status: 'preparation',
          circonscriptions: circos,
          openingTime: input.openingTime,
          closingTime: input.closingTime,
          closingExceptions: input.closingExceptions,
          turnoutSlots: [...new Set(input.turnoutSlots)].sort(),
          convocationRef: input.convocationRef ?? null,
          createdBy: user.id,
        }),
      );
      return this.summary(manager, scrutin, 0);
    });
  }

  async list(manager: EntityManager): Promise<ScrutinSummary[]> {
    const scrutins = await manager.find(Scrutin, { order: { date: 'DESC', round: 'DESC' } });
    const counts = (await manager.query(
      'SELECT scrutin_id, count(*)::int AS n FROM election_bureau GROUP BY scrutin_id',
    )) as { scrutin_id: string; n: number }[];
    const byId = new Map(counts.map((c) => [c.scrutin_id, c.n]));
    return Promise.all(scrutins.map((s) => this.summary(manager, s, byId.get(s.id) ?? 0)));
  }

  async require(manager: EntityManager, id: string, lock = false): Promise<Scrutin> {
    const scrutin = await manager.findOne(Scrutin, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!scrutin) throw AppError.notFound('Scrutin');
    return scrutin;
  }

  async summary(
    manager: EntityManager,
    s: Scrutin,
    bureauxCount?: number,
  ): Promise<ScrutinSummary> {
    const publicationAt = await this.publicationAt(manager, s);
    return {
      id: s.id,
      type: s.type,
      system: s.system,
      label: s.label,
      date: s.date,
      round: s.round,
      status: s.status,
      firstRoundId: s.firstRoundId,
      previousScrutinId: s.previousScrutinId,
      circonscriptions: s.circonscriptions,
      openingTime: s.openingTime,
      closingTime: s.closingTime,
      closingExceptions: s.closingExceptions,
      turnoutSlots: s.turnoutSlots,
      publicationAt: publicationAt.toISOString(),
      published: publicationAt.getTime() <= Date.now(),
      bureauxCount: bureauxCount ?? (await manager.countBy(Bureau, { scrutinId: s.id })),
    };
  }

  /**
   * The publication gate (L.52-2): the latest closing time of the scrutin's bureaux, and for a
   * general election the national closing time of the rule table, Paris time.
   */
  async publicationAt(manager: EntityManager, s: Scrutin): Promise<Date> {
    const times = [s.closingTime, ...s.closingExceptions.map((e) => e.closingTime)];
    const national = await this.rules.nationalClosing(manager, s.type, s.system, s.date);
    if (national) times.push(national);
    return parisInstant(s.date, times.sort().at(-1)!);
  }

  /** Throws unless results may leave the Cabinet. */
  async assertPublishable(manager: EntityManager, s: Scrutin): Promise<void> {
    const at = await this.publicationAt(manager, s);
    if (at.getTime() > Date.now())
      throw new AppError(
        'conflict',
        'Publication interdite avant la fermeture du dernier bureau de vote (art. L.52-2)',
        [
          {
            path: 'publicationAt',
            message: `results may not leave the Cabinet before ${at.toISOString()}`,
          },
        ],
      );
  }

  setStatus(id: string, status: ScrutinStatus): Promise<ScrutinSummary> {
    return this.tx.run(async ({ manager }) => {
      const scrutin = await this.require(manager, id, true);
      scrutin.status = status;
      await manager.save(scrutin);
      return this.summary(manager, scrutin);
    });
  }

  async bureaux(manager: EntityManager, scrutinId: string): Promise<BureauDto[]> {
    const rows = (await manager.query(
      `SELECT b.id, b.commune_insee, c.name AS commune_name, b.code, b.label, b.address, b.centralisateur, b.inscrits, b.circonscription
       FROM election_bureau b JOIN commune c ON c.insee = b.commune_insee
       WHERE b.scrutin_id = $1 ORDER BY b.commune_insee, b.code`,
      [scrutinId],
    )) as {
      id: string;
      commune_insee: string;
      commune_name: string;
      code: string;
      label: string;
      address: string | null;
      centralisateur: boolean;
      inscrits: number;
      circonscription: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      communeInsee: r.commune_insee,
      communeName: r.commune_name,
      code: r.code,
      label: r.label,
      address: r.address,
      centralisateur: r.centralisateur,
      inscrits: r.inscrits,
      circonscription: r.circonscription,
    }));
  }

  async exportBureaux(manager: EntityManager, scrutinId: string): Promise<Buffer> {
    await this.require(manager, scrutinId);
    return renderBureauxCsv(await this.bureaux(manager, scrutinId));
  }

  /**
   * Creates or updates bureaux from a CSV (key: commune + code). All-or-nothing with a report
   * (line, column, problem), unless `onlyValid` is chosen: then the valid rows are imported
   * and the others reported. A bureau whose results are entered keeps its circonscription.
   */
  importBureaux(scrutinId: string, input: CsvImportInput): Promise<ImportReport> {
    return this.tx.run(async ({ manager }) => {
      const scrutin = await this.require(manager, scrutinId, true);
      const { rows, problems } = parseBureauxCsv(input.csv);
      const inScrutin = new Map<string, string[]>();
      for (const c of scrutin.circonscriptions)
        for (const insee of c.communes)
          inScrutin.set(insee, [...(inScrutin.get(insee) ?? []), c.code]);
      const valid: (typeof rows)[number][] = [];
      for (const row of rows) {
        const at = (k: string) => `line.${row.line}.${k}`;
        const circos = inScrutin.get(row.communeInsee);
        if (!circos) {
          problems.push({
            path: at('commune'),
            message: `commune ${row.communeInsee} is not concerned by this scrutin`,
          });
          continue;
        }
        if (row.circonscription && !circos.includes(row.circonscription)) {
          problems.push({
            path: at('circonscription'),
            message: `commune ${row.communeInsee} is not in circonscription ${row.circonscription} (${circos.join(', ')})`,
          });
          continue;
        }
        if (!row.circonscription && circos.length > 1) {
          problems.push({
            path: at('circonscription'),
            message: `commune ${row.communeInsee} is split between ${circos.join(', ')}: say which one`,
          });
          continue;
        }
        valid.push({ ...row, circonscription: row.circonscription ?? circos[0] });
      }
      problems.sort((a, b) => lineOf(a.path) - lineOf(b.path));
      if (problems.length && !input.onlyValid)
        throw new AppError('validation', 'Invalid CSV: nothing was imported', problems);
      if (valid.length === 0 && problems.length === 0)
        throw new AppError('validation', 'Invalid CSV: no bureau', [
          { path: 'csv', message: 'no row' },
        ]);
      const existing = await manager.find(Bureau, { where: { scrutinId } });
      const byKey = new Map(existing.map((b) => [`${b.communeInsee}-${b.code}`, b]));
      let created = 0;
      let updated = 0;
      const toSave: Bureau[] = [];
      for (const row of valid) {
        const current = byKey.get(`${row.communeInsee}-${row.code}`);
        const fields = {
          label: row.label,
          address: row.address,
          centralisateur: row.centralisateur,
          inscrits: row.inscrits,
          circonscription: row.circonscription!,
        };
        if (current) {
          Object.assign(current, fields);
          toSave.push(current);
          updated++;
        } else {
          toSave.push(
            manager.create(Bureau, {
              scrutinId,
              communeInsee: row.communeInsee,
              code: row.code,
              ...fields,
            }),
          );
          created++;
        }
      }
      await manager.save(toSave, { chunk: 500 });
      return { created, updated, skipped: problems };
    });
  }
}

function lineOf(path: string): number {
  return Number(/^line\.(\d+)/.exec(path)?.[1] ?? 0);
}
