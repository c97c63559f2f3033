import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { addMonths, parisDate } from '../common/workflow/calendar';
import { Clock } from '../common/workflow/clock';
import { ruleInForce } from '../common/workflow/rules';
import {
  STAT_NATURES,
  type Cis as CisDto,
  type CisDetail,
  type CisInput,
  type FireRescueRule as RuleDto,
  type FireStatsYear,
  type FrameworkDocument as DocumentDto,
  type FrameworkDocumentInput,
  type FrameworkDocumentKind,
  type ImportReport,
  type SectorCoverage,
} from '../contracts/fire-rescue';
import type { Role } from '../contracts/roles';
import { TransactionRunner } from '../database/transaction';
import { JobHandlers } from '../queue/job-handlers';
import { rooms } from '../realtime/rooms';
import { Commune } from '../reference/commune.entity';
import { checkSectorFile, checkStatsFile, documentState } from './fire-rescue-logic';
import {
  Cis,
  CisSectorCommune,
  FireRescueRule,
  FireStat,
  FrameworkDocument,
} from './fire-rescue.entity';

export const FIRE_RESCUE_WRITE_ROLES: Role[] = ['admin', 'cabinet_staff'];
export const FIRE_RESCUE_READ_ROLES: Role[] = ['admin', 'cabinet_staff', 'director'];
export const DOCUMENT_SCAN_EVERY_MS = 24 * 3600_000;

/** A refused import: every problem as `row N, column` + message; nothing was written. */
function importError(problems: ImportReport['problems']): AppError {
  return new AppError(
    'validation',
    `The file was refused: ${problems.length} problem(s), nothing imported`,
    problems.map((p) => ({
      path: `row ${p.row}${p.column ? `, ${p.column}` : ''}`,
      message: p.problem,
    })),
  );
}

/**
 * Fire and rescue oversight: CIS with their first-call sectors (every commune in exactly one),
 * framework documents with revision alerts, yearly statistics with CSV import.
 */
@Injectable()
export class FireRescueService implements OnModuleInit {
  private readonly logger = new Logger('FireRescue');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register('fire-rescue.document-scan', () => this.scanDocuments());
    this.handlers.every(
      'fire-rescue-documents',
      'fire-rescue.document-scan',
      DOCUMENT_SCAN_EVERY_MS,
    );
  }

  // ------------------------------------------------------------------------------- CIS
  async listCis(): Promise<CisDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.id, count(s.commune_insee)::int AS communes, coalesce(sum(m.population), 0)::int AS population
       FROM cis c LEFT JOIN cis_sector_commune s ON s.cis_id = c.id LEFT JOIN commune m ON m.insee = s.commune_insee
       GROUP BY c.id`,
    )) as { id: string; communes: number; population: number }[];
    const sizes = new Map(rows.map((r) => [r.id, r]));
    const list = await this.dataSource.manager.find(Cis, {
      relations: { commune: true },
      order: { name: 'ASC' },
    });
    return list.map((c) =>
      toCisDto(c, sizes.get(c.id)?.communes ?? 0, sizes.get(c.id)?.population ?? 0),
    );
  }

  async getCis(id: string): Promise<CisDetail> {
    const cis = await this.dataSource.manager.findOne(Cis, {
      where: { id },
      relations: { commune: true },
    });
    if (!cis) throw AppError.notFound('CIS');
    const sector = (await this.dataSource.query(
      `SELECT m.insee, m.name, m.population FROM cis_sector_commune s JOIN commune m ON m.insee = s.commune_insee
       WHERE s.cis_id = $1 ORDER BY m.name`,
      [id],
    )) as { insee: string; name: string; population: number }[];
    const population = sector.reduce((sum, c) => sum + c.population, 0);
    return { ...toCisDto(cis, sector.length, population), sector };
  }

  async createCis(input: CisInput): Promise<CisDetail> {
    const id = await this.tx.run(async (tx) => {
      await requireCommunes(tx.manager, [input.communeInsee], 'communeInsee');
      if (await tx.manager.existsBy(Cis, { code: input.code }))
        throw new AppError('conflict', 'A CIS already has this code', [
          { path: 'code', message: input.code },
        ]);
      const saved = await tx.manager.save(
        tx.manager.create(Cis, {
          ...input,
          address: input.address ?? null,
          groupement: input.groupement ?? null,
        }),
      );
      return saved.id;
    });
    return this.getCis(id);
  }

  async updateCis(id: string, input: Partial<CisInput>): Promise<CisDetail> {
    await this.tx.run(async (tx) => {
      const cis = await tx.manager.findOne(Cis, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!cis) throw AppError.notFound('CIS');
      if (input.communeInsee)
        await requireCommunes(tx.manager, [input.communeInsee], 'communeInsee');
      if (
        input.code &&
        input.code !== cis.code &&
        (await tx.manager.existsBy(Cis, { code: input.code }))
      )
        throw new AppError('conflict', 'A CIS already has this code', [
          { path: 'code', message: input.code },
        ]);
      Object.assign(cis, input);
      await tx.manager.save(cis);
    });
    return this.getCis(id);
  }

  // ---------------------------------------------------------------------------- sectors
  /** Moves communes into the CIS's sector (out of their former one): never two sectors. */
  async assignSector(id: string, communeInsees: string[]): Promise<CisDetail> {
    await this.tx.run(async (tx) => {
      const cis = await tx.manager.findOneBy(Cis, { id });
      if (!cis) throw AppError.notFound('CIS');
      const unique = [...new Set(communeInsees)];
      await requireCommunes(tx.manager, unique, 'communeInsees');
      await tx.manager.upsert(
        CisSectorCommune,
        unique.map((communeInsee) => ({ communeInsee, cisId: id })),
        ['communeInsee'],
      );
    });
    return this.getCis(id);
  }

  async coverage(): Promise<SectorCoverage> {
    const missing = (await this.dataSource.query(
      `SELECT m.insee, m.name FROM commune m LEFT JOIN cis_sector_commune s ON s.commune_insee = m.insee
       WHERE s.commune_insee IS NULL ORDER BY m.insee`,
    )) as { insee: string; name: string }[];
    const [{ total }] = (await this.dataSource.query(
      'SELECT count(*)::int AS total FROM commune',
    )) as [{ total: number }];
    return {
      communes: total,
      covered: total - missing.length,
      missing,
      duplicates: [],
      complete: missing.length === 0,
    };
  }

  /**
   * Replaces the whole sectoring from a `commune;cis` file, all or nothing: any unknown code,
   * commune listed twice or (when `requireComplete`) commune left out refuses the file with
   * the list of problems.
   */
  importSectors(csv: string, requireComplete: boolean): Promise<ImportReport> {
    return this.tx.run(async (tx) => {
      const communes = new Set(
        ((await tx.manager.query('SELECT insee FROM commune')) as { insee: string }[]).map(
          (r) => r.insee,
        ),
      );
      const cis = await tx.manager.find(Cis);
      const byCode = new Map(cis.map((c) => [c.code, c.id]));
      const check = checkSectorFile(csv, communes, new Set(byCode.keys()), requireComplete);
      if (check.problems.length) throw importError(check.problems);
      if (requireComplete) await tx.manager.clear(CisSectorCommune);
      await tx.manager.upsert(
        CisSectorCommune,
        check.rows.map((r) => ({ communeInsee: r.insee, cisId: byCode.get(r.cisCode)! })),
        ['communeInsee'],
      );
      return { imported: check.rows.length, problems: [] };
    });
  }

  // -------------------------------------------------------------------------- documents
  async rules(manager: EntityManager = this.dataSource.manager): Promise<RuleDto[]> {
    const rows = await manager.find(FireRescueRule, {
      order: { kind: 'ASC', effectiveFrom: 'ASC' },
    });
    return rows.map(
      ({ kind, effectiveFrom, revisionYears, alertMonthsBefore, toConfirm, source }) => ({
        kind,
        effectiveFrom,
        revisionYears,
        alertMonthsBefore,
        toConfirm,
        source,
      }),
    );
  }

  private async ruleFor(
    manager: EntityManager,
    kind: FrameworkDocumentKind,
    on: string,
  ): Promise<FireRescueRule> {
    const rows = await manager.find(FireRescueRule, { where: { kind } });
    const rule = ruleInForce(rows, on);
    if (!rule)
      throw new AppError(
        'unavailable',
        `No revision rule in force for ${kind}: seed fire_rescue_rule`,
      );
    return rule;
  }

  async listDocuments(): Promise<DocumentDto[]> {
    const manager = this.dataSource.manager;
    const docs = await manager.find(FrameworkDocument, {
      order: { kind: 'ASC', approvedOn: 'DESC' },
    });
    const today = parisDate(this.clock.now());
    const rules = await manager.find(FireRescueRule);
    const latest = new Map<string, string>();
    for (const d of docs) if (!latest.has(d.kind)) latest.set(d.kind, d.id);
    return docs.map((d) => {
      const rule = ruleInForce(
        rules.filter((r) => r.kind === d.kind),
        today,
      );
      const { state, daysLeft } = documentState(
        d.revisionDueOn,
        today,
        rule?.alertMonthsBefore ?? 6,
      );
      return {
        id: d.id,
        kind: d.kind,
        title: d.title,
        version: d.version,
        approvedOn: d.approvedOn,
        arreteReference: d.arreteReference,
        revisionDueOn: d.revisionDueOn,
        notes: d.notes,
        current: latest.get(d.kind) === d.id,
        state,
        daysLeft,
      };
    });
  }

  async createDocument(input: FrameworkDocumentInput, user: AuthUser): Promise<DocumentDto> {
    const id = await this.tx.run(async (tx) => {
      const rule = await this.ruleFor(tx.manager, input.kind, input.approvedOn);
      const revisionDueOn =
        input.revisionDueOn ?? addMonths(input.approvedOn, 12 * rule.revisionYears);
      if (revisionDueOn <= input.approvedOn)
        throw new AppError('validation', 'Invalid request', [
          { path: 'revisionDueOn', message: 'must be after the approval' },
        ]);
      if (input.approvedOn > parisDate(this.clock.now()))
        throw new AppError('validation', 'Invalid request', [
          { path: 'approvedOn', message: 'cannot be in the future' },
        ]);
      if (
        await tx.manager.existsBy(FrameworkDocument, { kind: input.kind, version: input.version })
      )
        throw new AppError('conflict', 'This version is already recorded', [
          { path: 'version', message: input.version },
        ]);
      const doc = await tx.manager.save(
        tx.manager.create(FrameworkDocument, {
          ...input,
          arreteReference: input.arreteReference ?? null,
          notes: input.notes ?? null,
          revisionDueOn,
          alertedState: null,
          createdBy: user.id,
        }),
      );
      return doc.id;
    });
    return (await this.listDocuments()).find((d) => d.id === id)!;
  }

  /**
   * Publishes `fireRescue.documentDue` once when the current version of a document enters its
   * alert window, and once more when its revision date passes. Returns how many were sent.
   */
  async scanDocuments(): Promise<number> {
    const docs = (await this.listDocuments()).filter((d) => d.current && d.state !== 'a_jour');
    let sent = 0;
    for (const doc of docs) {
      await this.tx.run(async (tx) => {
        const result = await tx.manager
          .createQueryBuilder()
          .update(FrameworkDocument)
          .set({ alertedState: doc.state })
          .where('id = :id AND alerted_state IS DISTINCT FROM :state', {
            id: doc.id,
            state: doc.state,
          })
          .execute();
        if (!result.affected) return;
        tx.emit(
          'fireRescue.documentDue',
          {
            id: doc.id,
            kind: doc.kind,
            title: doc.title,
            revisionDueOn: doc.revisionDueOn,
            state: doc.state,
          },
          FIRE_RESCUE_READ_ROLES.map(rooms.role),
        );
        sent++;
      });
    }
    if (sent) this.logger.log(`sent ${sent} framework document alerts`);
    return sent;
  }

  // ------------------------------------------------------------------------------ stats
  async stats(): Promise<FireStatsYear[]> {
    const rows = await this.dataSource.manager.find(FireStat, { order: { year: 'ASC' } });
    const years = new Map<number, FireStatsYear>();
    for (const r of rows) {
      const year = years.get(r.year) ?? {
        year: r.year,
        total: 0,
        byNature: Object.fromEntries(STAT_NATURES.map((n) => [n, 0])) as FireStatsYear['byNature'],
      };
      year.byNature[r.nature] = r.count;
      year.total += r.count;
      years.set(r.year, year);
    }
    return [...years.values()];
  }

  /** `annee;nature;nombre`, all or nothing; each year in the file replaces that year's figures. */
  importStats(csv: string): Promise<ImportReport> {
    return this.tx.run(async (tx) => {
      const thisYear = Number(parisDate(this.clock.now()).slice(0, 4));
      const check = checkStatsFile(csv, thisYear);
      if (check.problems.length) throw importError(check.problems);
      if (check.rows.length === 0)
        throw new AppError('validation', 'The file has no data row', [
          { path: 'row 2', message: 'no data' },
        ]);
      const years = [...new Set(check.rows.map((r) => r.year))];
      await tx.manager.delete(FireStat, { year: In(years) });
      await tx.manager.insert(FireStat, check.rows);
      return { imported: check.rows.length, problems: [] };
    });
  }
}

function toCisDto(c: Cis, sectorCommunes: number, sectorPopulation: number): CisDto {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    category: c.category,
    communeInsee: c.communeInsee,
    communeName: c.commune.name,
    address: c.address,
    groupement: c.groupement,
    staffProfessional: c.staffProfessional,
    staffVolunteer: c.staffVolunteer,
    fictitious: c.fictitious,
    lon: c.commune.labelLon,
    lat: c.commune.labelLat,
    sectorCommunes,
    sectorPopulation,
  };
}

async function requireCommunes(
  manager: EntityManager,
  insees: string[],
  path: string,
): Promise<void> {
  const found = new Set(
    (await manager.find(Commune, { select: { insee: true }, where: { insee: In(insees) } })).map(
      (c) => c.insee,
    ),
  );
  const unknown = insees.filter((i) => !found.has(i));
  if (unknown.length)
    throw new AppError(
      'validation',
      'Unknown communes',
      unknown.map((insee) => ({ path, message: `${insee}: not a commune of the Puy-de-Dôme` })),
    );
}
