import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import {
  BAAC_FILES,
  type AccidentImportReport,
  type BaacFile,
  type ImportMode,
  type SeverityTotals,
} from '../contracts/road-safety';
import { TransactionRunner } from '../database/transaction';
import {
  AccidentImport,
  RoadAccident,
  RoadAccidentUser,
  RoadAccidentVehicle,
} from './accident.entity';
import { problemOrder, readBaac, type BaacAccident } from './baac';

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

/** The département whose accidents are kept. */
export const DEPARTMENT = '63';
/** Problems listed in one answer at most (the count of the rest is given). */
const MAX_PROBLEMS = 500;
const BATCH = 500;

type Actor = Pick<AuthUser, 'id' | 'displayName'>;

/** UTF-8 when the bytes are valid UTF-8, else Latin-1 (ONISR files before 2019). */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('latin1').decode(buffer);
  }
}

function sortProblems(problems: ErrorDetail[]): ErrorDetail[] {
  return problems
    .map((p, i) => ({ p, i, o: problemOrder(p.path) }))
    .sort((a, b) => a.o[0] - b.o[0] || a.o[1] - b.o[1] || a.i - b.i)
    .map(({ p }) => p);
}

function capped(problems: ErrorDetail[]): ErrorDetail[] {
  const sorted = sortProblems(problems);
  if (sorted.length <= MAX_PROBLEMS) return sorted;
  return [
    ...sorted.slice(0, MAX_PROBLEMS),
    { path: '', message: `and ${sorted.length - MAX_PROBLEMS} more problems` },
  ];
}

export function severityTotals(
  accidents: Pick<
    BaacAccident,
    'severity' | 'killed' | 'hospitalised' | 'slightlyInjured' | 'unharmed'
  >[],
): SeverityTotals {
  const t: SeverityTotals = {
    accidents: accidents.length,
    mortel: 0,
    grave: 0,
    leger: 0,
    indemne: 0,
    killed: 0,
    hospitalised: 0,
    slightlyInjured: 0,
    unharmed: 0,
  };
  for (const a of accidents) {
    t[a.severity]++;
    t.killed += a.killed;
    t.hospitalised += a.hospitalised;
    t.slightlyInjured += a.slightlyInjured;
    t.unharmed += a.unharmed;
  }
  return t;
}

/**
 * Import of the yearly BAAC files: the accidents of the Puy-de-Dôme replace those of the same
 * years, in one transaction. All or nothing by default: any problem → 400 listing each with its
 * file, line and column, nothing written. `valid_only` leaves out the accidents with a problem
 * (and reports them) — the user's explicit choice.
 */
@Injectable()
export class AccidentImportService {
  constructor(private readonly tx: TransactionRunner) {}

  importFiles(
    uploaded: Partial<Record<BaacFile, UploadedFile>>,
    mode: ImportMode,
    user: Actor,
  ): Promise<AccidentImportReport> {
    const missing = BAAC_FILES.filter((f) => !uploaded[f]);
    if (missing.length)
      throw new AppError(
        'validation',
        'The four BAAC files are needed',
        missing.map((f) => ({ path: f, message: 'file missing' })),
      );
    const files = uploaded as Record<BaacFile, UploadedFile>;
    const texts = {} as Record<BaacFile, string>;
    for (const f of BAAC_FILES) texts[f] = decodeText(files[f].buffer);
    return this.importTexts(
      texts,
      mode,
      user,
      Object.fromEntries(BAAC_FILES.map((f) => [f, files[f].originalname])),
    );
  }

  /** Same as importFiles, from the texts (used by the demo seed inside its own transaction). */
  importTexts(
    texts: Record<BaacFile, string>,
    mode: ImportMode,
    user: Actor,
    names: Record<string, string> = {},
  ): Promise<AccidentImportReport> {
    return this.tx.run(({ manager }) => importBaacIn(manager, texts, mode, user, names));
  }
}

/** The import inside the caller's transaction (the service's, or the demo seed's). */
export async function importBaacIn(
  m: EntityManager,
  texts: Record<BaacFile, string>,
  mode: ImportMode,
  user: Actor,
  names: Record<string, string>,
): Promise<AccidentImportReport> {
  const read = readBaac(texts, DEPARTMENT);
  const fatal = mode === 'all_or_nothing' || read.accidents.length === 0;
  if (read.fileProblems.length && fatal)
    throw new AppError(
      'validation',
      'Invalid BAAC files: nothing was imported',
      capped(read.fileProblems),
    );

  const known = new Set(
    (
      (await m.query('SELECT insee FROM commune WHERE insee = ANY($1::text[])', [
        [...new Set(read.accidents.map((a) => a.communeInsee))],
      ])) as { insee: string }[]
    ).map((r) => r.insee),
  );
  for (const a of read.accidents)
    if (a.communeInsee && !known.has(a.communeInsee) && !read.accidentProblems.has(a.numAcc))
      read.accidentProblems.set(a.numAcc, [
        {
          path: `caracteristiques.line.${a.line}.com`,
          message: `not a commune of the Puy-de-Dôme: « ${a.communeInsee} »`,
        },
      ]);

  const problems = [...read.accidentProblems.values()].flat();
  if (mode === 'all_or_nothing' && problems.length)
    throw new AppError('validation', 'Invalid BAAC files: nothing was imported', capped(problems));
  const accidents = read.accidents.filter((a) => !read.accidentProblems.has(a.numAcc));
  if (accidents.length === 0)
    throw new AppError('validation', 'No valid accident of the Puy-de-Dôme in the files', [
      ...capped(
        problems.length
          ? problems
          : [{ path: 'caracteristiques', message: `no accident with dep = ${DEPARTMENT}` }],
      ),
    ]);

  await m.query("SELECT pg_advisory_xact_lock(hashtext('vigie.road-safety.accident-import'))");
  const years = [...new Set(accidents.map((a) => a.year))].sort();
  const replaced = await m.count(RoadAccident, { where: { year: In(years) } });
  await m.delete(RoadAccident, { year: In(years) });
  const totals = severityTotals(accidents);
  const report = await m.save(
    m.create(AccidentImport, {
      years,
      mode,
      files: names,
      accidentsRead: read.accidents.length,
      accidentsImported: accidents.length,
      accidentsRejected: read.accidents.length - accidents.length,
      otherDepartments: read.otherDepartments,
      replaced,
      totals,
      problems: capped([...problems, ...read.fileProblems]),
      importedBy: user.id,
      importedByName: user.displayName,
    }),
  );
  for (let i = 0; i < accidents.length; i += BATCH) {
    const batch = accidents.slice(i, i + BATCH);
    await m.insert(
      RoadAccident,
      batch.map((a) => ({
        numAcc: a.numAcc,
        year: a.year,
        month: a.month,
        occurredOn: a.day,
        time: a.time,
        communeInsee: a.communeInsee,
        lum: a.lum,
        agg: a.agg,
        intersection: a.intersection,
        atm: a.atm,
        col: a.col,
        address: a.address,
        lat: a.lat,
        lon: a.lon,
        catr: a.catr,
        vma: a.vma,
        surf: a.surf,
        severity: a.severity,
        killed: a.killed,
        hospitalised: a.hospitalised,
        slightlyInjured: a.slightlyInjured,
        unharmed: a.unharmed,
        importId: report.id,
      })),
    );
    const vehicles = batch.flatMap((a) =>
      a.vehicles.map((v) => ({
        accidentNumAcc: a.numAcc,
        idVehicule: v.idVehicule,
        numVeh: v.numVeh,
        catv: v.catv,
        category: v.category,
      })),
    );
    if (vehicles.length) await m.insert(RoadAccidentVehicle, vehicles);
    const users = batch.flatMap((a) =>
      a.users.map((u) => ({
        accidentNumAcc: a.numAcc,
        numVeh: u.numVeh,
        catu: u.catu,
        grav: u.grav,
        sexe: u.sexe,
        birthYear: u.birthYear,
        category: u.category,
      })),
    );
    if (users.length) await m.insert(RoadAccidentUser, users);
  }
  return {
    id: report.id,
    years,
    mode,
    accidentsRead: report.accidentsRead,
    accidentsImported: report.accidentsImported,
    accidentsRejected: report.accidentsRejected,
    otherDepartments: report.otherDepartments,
    vehicles: accidents.reduce((s, a) => s + a.vehicles.length, 0),
    users: accidents.reduce((s, a) => s + a.users.length, 0),
    totals,
    replaced,
    problems: report.problems,
    importedAt: report.importedAt.toISOString(),
    importedBy: report.importedByName,
  };
}
