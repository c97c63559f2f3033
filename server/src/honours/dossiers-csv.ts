/**
 * Reading a CSV export of an online form service (démarches-simplifiées style) into dossiers:
 * headers matched by name (accents, case and punctuation ignored) or by an explicit mapping,
 * French dates, service periods in numbered columns (`Employeur 1`, `Début 1`, `Fin 1`,
 * `Quotité 1`…). Pure functions; problems are reported with the line and the column.
 */
import {
  DISTINCTION_LABELS,
  DISTINCTIONS,
  type Distinction,
  type DossierInput,
} from '../contracts/honours';
import { type CsvRecord, foldKey } from '../directory/csv';

export const IMPORT_FIELDS = {
  distinction: ['Distinction', 'Médaille'],
  echelon: ['Échelon', 'Échelon demandé', 'Echelon sollicité'],
  civility: ['Civilité'],
  sex: ['Sexe'],
  lastName: ['Nom', 'Nom de naissance', "Nom d'usage"],
  firstName: ['Prénom', 'Prénoms'],
  birthDate: ['Date de naissance'],
  birthPlace: ['Lieu de naissance'],
  nationality: ['Nationalité'],
  address: ['Adresse'],
  commune: ['Commune', 'Commune de résidence', 'Code INSEE', 'Code INSEE commune'],
  email: ['Email', 'Courriel', 'Adresse électronique'],
  phone: ['Téléphone'],
  occupation: ['Fonction', 'Profession', 'Emploi'],
  employer: ['Employeur', 'Employeur actuel'],
  employerCity: ['Ville employeur', "Ville de l'employeur", 'Commune employeur'],
  filedAt: ['Date de dépôt', 'Déposé le', 'Date de dépôt du dossier'],
  promotionDate: ['Promotion', 'Date de promotion'],
  reference: ['Numéro de dossier', 'Numéro', 'N° dossier'],
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;

const PERIOD_COLUMNS = {
  employer: ['Employeur', 'Période employeur'],
  start: ['Début', 'Date de début'],
  end: ['Fin', 'Date de fin'],
  ratio: ['Quotité', 'Temps de travail'],
} as const;
const MAX_PERIODS = 10;

export interface ImportColumns {
  fields: Partial<Record<ImportField, number>>;
  periods: { employer?: number; start?: number; end?: number; ratio?: number }[];
  names: string[];
}

export interface ImportProblem {
  line: number;
  column: string;
  message: string;
}

/** Finds the columns; `mapping` (field → header) wins over the usual names. */
export function readImportHeader(
  header: CsvRecord,
  mapping: Record<string, string> = {},
): { columns: ImportColumns; problems: ImportProblem[] } {
  const folded = header.cells.map(foldKey);
  const find = (names: readonly string[]) => {
    for (const n of names) {
      const i = folded.indexOf(foldKey(n));
      if (i >= 0) return i;
    }
    return undefined;
  };
  const problems: ImportProblem[] = [];
  const fields: ImportColumns['fields'] = {};
  for (const [field, names] of Object.entries(IMPORT_FIELDS) as [
    ImportField,
    readonly string[],
  ][]) {
    const mapped = mapping[field];
    if (mapped !== undefined) {
      const i = folded.indexOf(foldKey(mapped));
      if (i < 0)
        problems.push({
          line: 1,
          column: mapped,
          message: `mapped column for ${field} not found in the header`,
        });
      else fields[field] = i;
    } else {
      const i = find(names);
      if (i !== undefined) fields[field] = i;
    }
  }
  for (const key of Object.keys(mapping))
    if (!(key in IMPORT_FIELDS))
      problems.push({
        line: 1,
        column: key,
        message: `unknown field: expected one of ${Object.keys(IMPORT_FIELDS).join(', ')}`,
      });
  const periods: ImportColumns['periods'] = [];
  for (let n = 1; n <= MAX_PERIODS; n++) {
    const cols = {
      employer: find(PERIOD_COLUMNS.employer.map((c) => `${c} ${n}`)),
      start: find(PERIOD_COLUMNS.start.map((c) => `${c} ${n}`)),
      end: find(PERIOD_COLUMNS.end.map((c) => `${c} ${n}`)),
      ratio: find(PERIOD_COLUMNS.ratio.map((c) => `${c} ${n}`)),
    };
    if (Object.values(cols).some((c) => c !== undefined)) periods.push(cols);
  }
  for (const required of ['lastName', 'firstName', 'birthDate', 'commune'] as const)
    if (fields[required] === undefined && mapping[required] === undefined)
      problems.push({
        line: 1,
        column: IMPORT_FIELDS[required][0],
        message: 'required column missing',
      });
  return { columns: { fields, periods, names: header.cells }, problems };
}

/** `02/04/1975` or `1975-04-02` → `1975-04-02`; null when it is not a date. */
export function frenchDate(value: string): string | null {
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  const iso = fr
    ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}`
    : value.trim().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

const ECHELON_WORDS: Record<string, string> = {
  argent: 'argent',
  vermeil: 'vermeil',
  or: 'or',
  grandor: 'grand_or',
  bronze: 'bronze',
  chevalier: 'chevalier',
  officier: 'officier',
  commandeur: 'commandeur',
};

export interface ReadRow {
  line: number;
  /** The dossier as the API would receive it (validated later by the same schema). */
  body: DossierInput & { candidate: { communeName?: string } };
  /** Column of each body path, to report problems where the user will look. */
  columnOf: (path: string) => string;
  problems: ImportProblem[];
}

/**
 * Turns one record into a dossier body. `resolveCommune` maps an INSEE code or a commune name
 * to an INSEE code (null when unknown or ambiguous).
 */
export function readImportRow(
  record: CsvRecord,
  columns: ImportColumns,
  defaults: { distinction?: Distinction },
  resolveCommune: (value: string) => string | null,
): ReadRow {
  const problems: ImportProblem[] = [];
  const name = (i: number | undefined, fallback: string) =>
    i === undefined ? fallback : columns.names[i];
  const cell = (field: ImportField) => {
    const i = columns.fields[field];
    return i === undefined ? '' : (record.cells[i] ?? '').trim();
  };
  const column = (field: ImportField) => name(columns.fields[field], IMPORT_FIELDS[field][0]);
  const problem = (field: ImportField, message: string) =>
    problems.push({ line: record.line, column: column(field), message });
  const date = (field: ImportField): string | undefined => {
    const raw = cell(field);
    if (!raw) return undefined;
    const d = frenchDate(raw);
    if (!d) problem(field, `not a date (JJ/MM/AAAA): « ${raw} »`);
    return d ?? raw;
  };

  let distinction = defaults.distinction;
  const rawDistinction = cell('distinction');
  if (rawDistinction) {
    const key = foldKey(rawDistinction);
    distinction = DISTINCTIONS.find(
      (d) => foldKey(d) === key || foldKey(DISTINCTION_LABELS[d]) === key,
    );
    if (!distinction) problem('distinction', `unknown distinction « ${rawDistinction} »`);
  } else if (!distinction) problem('distinction', 'the distinction is required');

  const rawEchelon = cell('echelon');
  const echelon = ECHELON_WORDS[foldKey(rawEchelon)] ?? rawEchelon.toLowerCase();
  const rawCivility = foldKey(cell('civility'));
  const civility = ['mme', 'madame'].includes(rawCivility)
    ? 'Mme'
    : ['m', 'monsieur', 'mr'].includes(rawCivility)
      ? 'M.'
      : null;
  if (!civility) problem('civility', `expected M. or Mme, got « ${cell('civility')} »`);
  const rawSex = foldKey(cell('sex'));
  const sex = ['f', 'femme', 'feminin'].includes(rawSex)
    ? 'F'
    : ['h', 'm', 'homme', 'masculin'].includes(rawSex)
      ? 'H'
      : civility === 'Mme'
        ? 'F'
        : 'H';
  const rawCommune = cell('commune');
  const communeInsee = rawCommune ? resolveCommune(rawCommune) : null;
  if (rawCommune && !communeInsee)
    problem('commune', `unknown commune of the Puy-de-Dôme « ${rawCommune} »`);

  const servicePeriods: NonNullable<DossierInput['servicePeriods']> = [];
  /** Column group of each period kept (empty groups are skipped). */
  const groupOf: number[] = [];
  columns.periods.forEach((cols, n) => {
    const get = (i: number | undefined) => (i === undefined ? '' : (record.cells[i] ?? '').trim());
    const [employer, start, end, ratio] = [
      get(cols.employer),
      get(cols.start),
      get(cols.end),
      get(cols.ratio),
    ];
    if (!employer && !start && !end && !ratio) return;
    const at = (i: number | undefined, label: string) => name(i, `${label} ${n + 1}`);
    const s = frenchDate(start);
    if (!s)
      problems.push({
        line: record.line,
        column: at(cols.start, 'Début'),
        message: `not a date (JJ/MM/AAAA): « ${start} »`,
      });
    const e = end ? frenchDate(end) : undefined;
    if (e === null)
      problems.push({
        line: record.line,
        column: at(cols.end, 'Fin'),
        message: `not a date (JJ/MM/AAAA): « ${end} »`,
      });
    const percent = ratio ? Number(ratio.replace('%', '').replace(',', '.').trim()) : 100;
    if (!(percent > 0 && percent <= 100))
      problems.push({
        line: record.line,
        column: at(cols.ratio, 'Quotité'),
        message: `a percentage between 1 and 100, got « ${ratio} »`,
      });
    groupOf.push(n);
    servicePeriods.push({
      ...(employer ? { employer } : {}),
      start: s ?? start,
      ...(e ? { end: e } : {}),
      ...(percent > 0 && percent < 100 ? { ratio: percent / 100 } : {}),
    });
  });

  const optional = (field: ImportField) => cell(field) || undefined;
  const body = {
    distinction: distinction ?? ('travail' as const),
    echelon,
    channel: 'demarches_simplifiees' as const,
    proposer: {
      kind: 'candidat' as const,
      ...(cell('reference') ? { name: `démarche n° ${cell('reference')}` } : {}),
    },
    filedAt: date('filedAt'),
    promotionDate: date('promotionDate'),
    candidate: {
      civility: civility ?? 'M.',
      sex,
      lastName: cell('lastName'),
      firstName: cell('firstName'),
      birthDate: date('birthDate') ?? '',
      birthPlace: optional('birthPlace'),
      nationality: optional('nationality'),
      address: optional('address'),
      communeInsee: communeInsee ?? '00000',
      email: optional('email'),
      phone: optional('phone'),
      occupation: optional('occupation'),
      employer: optional('employer'),
      employerCity: optional('employerCity'),
    },
    servicePeriods,
  } as ReadRow['body'];
  const PATHS: Record<string, ImportField> = {
    distinction: 'distinction',
    echelon: 'echelon',
    filedAt: 'filedAt',
    promotionDate: 'promotionDate',
    'candidate.civility': 'civility',
    'candidate.sex': 'sex',
    'candidate.lastName': 'lastName',
    'candidate.firstName': 'firstName',
    'candidate.birthDate': 'birthDate',
    'candidate.communeInsee': 'commune',
    'candidate.email': 'email',
    'candidate.nationality': 'nationality',
    candidate: 'lastName',
  };
  const columnOf = (path: string) => {
    if (PATHS[path]) return column(PATHS[path]);
    const period = /^servicePeriods\.(\d+)\.(\w+)/.exec(path);
    if (period) {
      const group = groupOf[Number(period[1])] ?? Number(period[1]);
      const key = period[2] as keyof typeof PERIOD_COLUMNS;
      return name(
        columns.periods[group]?.[key],
        `${PERIOD_COLUMNS[key]?.[0] ?? period[2]} ${group + 1}`,
      );
    }
    return path || 'ligne';
  };
  // in the order of the file's columns
  const position = (c: string) =>
    columns.names.includes(c) ? columns.names.indexOf(c) : columns.names.length;
  problems.sort((a, b) => position(a.column) - position(b.column));
  return { line: record.line, body, columnOf, problems };
}
