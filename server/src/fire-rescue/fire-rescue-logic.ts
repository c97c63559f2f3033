/**
 * Pure rules of the fire and rescue oversight: document revision state, CSV imports (sector
 * table, yearly statistics) with a row/column/problem report, nearest-CIS sectors.
 */
import { addMonths, daysBetween } from '../common/workflow/calendar';
import {
  STAT_NATURE_LABELS,
  STAT_NATURES,
  type DocumentState,
  type StatNature,
} from '../contracts/fire-rescue';
import { foldKey, parseCsv } from '../directory/csv';

export interface Problem {
  row: number;
  column: string;
  problem: string;
}

/** `revision_depassee` after the due date, `revision_proche` within the alert window. */
export function documentState(
  revisionDueOn: string,
  today: string,
  alertMonthsBefore: number,
): { state: DocumentState; daysLeft: number } {
  const daysLeft = daysBetween(today, revisionDueOn);
  if (daysLeft < 0) return { state: 'revision_depassee', daysLeft };
  if (today >= addMonths(revisionDueOn, -alertMonthsBefore))
    return { state: 'revision_proche', daysLeft };
  return { state: 'a_jour', daysLeft };
}

/** Finds the columns of a header by folded name; reports the missing ones. */
function columns<K extends string>(
  header: string[],
  wanted: Record<K, string[]>,
): { index: Record<K, number>; problems: Problem[] } {
  const folded = header.map(foldKey);
  const index = {} as Record<K, number>;
  const problems: Problem[] = [];
  for (const [key, names] of Object.entries(wanted) as [K, string[]][]) {
    const i = folded.findIndex((h) => names.map(foldKey).includes(h));
    if (i < 0)
      problems.push({ row: 1, column: names[0], problem: 'column missing from the header' });
    index[key] = i;
  }
  return { index, problems };
}

export interface SectorFileCheck {
  rows: { insee: string; cisCode: string }[];
  problems: Problem[];
  duplicates: { insee: string; cis: string[] }[];
  missing: string[];
}

/**
 * Checks a `commune;cis` file against the communes and CIS codes known: unknown codes, a
 * commune listed twice (reported with both CIS), and, when the file must be complete, every
 * commune it leaves out.
 */
export function checkSectorFile(
  csv: string,
  communes: ReadonlySet<string>,
  cisCodes: ReadonlySet<string>,
  requireComplete: boolean,
): SectorFileCheck {
  const parsed = parseCsv(csv);
  if (!parsed.ok)
    return {
      rows: [],
      problems: [{ row: parsed.line, column: '', problem: parsed.message }],
      duplicates: [],
      missing: [],
    };
  const { index, problems } = columns(parsed.header.cells, {
    insee: ['commune', 'insee', 'code_insee', 'code commune'],
    cis: ['cis', 'code_cis', 'centre'],
  });
  if (problems.length) return { rows: [], problems, duplicates: [], missing: [] };
  const rows: SectorFileCheck['rows'] = [];
  const seen = new Map<string, { row: number; cis: string }[]>();
  for (const record of parsed.records) {
    const insee = record.cells[index.insee] ?? '';
    const cisCode = (record.cells[index.cis] ?? '').toUpperCase();
    let ok = true;
    if (!communes.has(insee)) {
      problems.push({
        row: record.line,
        column: 'commune',
        problem: `${insee || '(vide)'}: not a commune of the Puy-de-Dôme`,
      });
      ok = false;
    }
    if (!cisCodes.has(cisCode)) {
      problems.push({
        row: record.line,
        column: 'cis',
        problem: `${cisCode || '(vide)'}: unknown CIS code`,
      });
      ok = false;
    }
    const list = seen.get(insee) ?? [];
    list.push({ row: record.line, cis: cisCode });
    seen.set(insee, list);
    if (ok) rows.push({ insee, cisCode });
  }
  const duplicates = [...seen.entries()]
    .filter(([insee, list]) => list.length > 1 && communes.has(insee))
    .map(([insee, list]) => ({ insee, cis: list.map((l) => l.cis) }));
  for (const [insee, list] of seen) {
    if (list.length > 1 && communes.has(insee)) {
      for (const extra of list.slice(1))
        problems.push({
          row: extra.row,
          column: 'commune',
          problem: `${insee} is already in the sector of ${list[0].cis} (row ${list[0].row}): a commune belongs to exactly one sector`,
        });
    }
  }
  const missing = requireComplete ? [...communes].filter((c) => !seen.has(c)).sort() : [];
  for (const insee of missing)
    problems.push({
      row: 0,
      column: 'commune',
      problem: `${insee} is in no sector (the file must cover every commune)`,
    });
  return { rows, problems, duplicates, missing };
}

export interface StatsFileCheck {
  rows: { year: number; nature: StatNature; count: number }[];
  problems: Problem[];
}

const NATURE_BY_KEY = new Map<string, StatNature>(
  STAT_NATURES.flatMap((n) => [
    [foldKey(n), n],
    [foldKey(STAT_NATURE_LABELS[n]), n],
  ]),
);

/** Checks an `annee;nature;nombre` file: a year, a known nature (code or label), a count. */
export function checkStatsFile(csv: string, thisYear: number): StatsFileCheck {
  const parsed = parseCsv(csv);
  if (!parsed.ok)
    return { rows: [], problems: [{ row: parsed.line, column: '', problem: parsed.message }] };
  const { index, problems } = columns(parsed.header.cells, {
    year: ['annee', 'année', 'year'],
    nature: ['nature', 'type'],
    count: ['nombre', 'interventions', 'count', 'volume'],
  });
  if (problems.length) return { rows: [], problems };
  const rows: StatsFileCheck['rows'] = [];
  const seen = new Map<string, number>();
  for (const record of parsed.records) {
    const yearText = record.cells[index.year] ?? '';
    const natureText = record.cells[index.nature] ?? '';
    const countText = (record.cells[index.count] ?? '').replace(/[\s\u00a0\u202f]/g, '');
    const before = problems.length;
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1990 || year > thisYear)
      problems.push({
        row: record.line,
        column: 'annee',
        problem: `${yearText || '(vide)'}: a year between 1990 and ${thisYear}`,
      });
    const nature = NATURE_BY_KEY.get(foldKey(natureText));
    if (!nature)
      problems.push({
        row: record.line,
        column: 'nature',
        problem: `${natureText || '(vide)'}: one of ${STAT_NATURES.join(', ')}`,
      });
    const count = Number(countText);
    if (!/^\d{1,7}$/.test(countText))
      problems.push({
        row: record.line,
        column: 'nombre',
        problem: `${countText || '(vide)'}: a whole number of interventions`,
      });
    if (problems.length > before || !nature) continue;
    const key = `${year}|${nature}`;
    if (seen.has(key)) {
      problems.push({
        row: record.line,
        column: 'nature',
        problem: `${year} ${nature} already given on row ${seen.get(key)}`,
      });
      continue;
    }
    seen.set(key, record.line);
    rows.push({ year, nature, count });
  }
  return { rows, problems };
}

/** Great-circle distance in km. */
export function distanceKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Each commune to its nearest centre (by label point): a complete, non-overlapping sectoring. */
export function nearestSectors<C extends { id: string; at: [number, number] }>(
  communes: { insee: string; at: [number, number] }[],
  centres: C[],
): Map<string, string> {
  const result = new Map<string, string>();
  if (centres.length === 0) return result;
  for (const commune of communes) {
    let best = centres[0];
    let bestKm = Infinity;
    for (const centre of centres) {
      const km = distanceKm(commune.at, centre.at);
      if (km < bestKm) [best, bestKm] = [centre, km];
    }
    result.set(commune.insee, best.id);
  }
  return result;
}
