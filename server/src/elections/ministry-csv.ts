/**
 * The ministry's open-data results files (routine.md §3.7): 2024 wide shape, one row per
 * bureau, `;`-separated, decimal comma and `%`, then a 9-column block per candidate
 * (`Numéro de panneau k; Nuance candidat k; Nom candidat k; Prénom candidat k; Sexe candidat k;
 * Voix k; % Voix/inscrits k; % Voix/exprimés k; Elu k`). Import locates the first `Numéro de
 * panneau 1` (or `N°Panneau`) column and reads blocks until the first empty one; it also reads
 * the 2017–2022 headers (`Code de la commune`, `Code du b.vote`).
 */
import type { ErrorDetail } from '../common/app-error';
import { foldKey, parseCsv } from '../directory/csv';

export interface MinistryCandidate {
  panel: number;
  nuance: string | null;
  lastName: string;
  firstName: string;
  sex: string;
  voix: number;
  elected: string;
}

export interface MinistryRow {
  communeInsee: string;
  communeName: string;
  bureauCode: string;
  inscrits: number;
  votants: number;
  blancs: number;
  nuls: number;
  exprimes: number;
  candidates: MinistryCandidate[];
}

export const DEPARTEMENT = { code: '63', label: 'Puy-de-Dôme' };

const HEAD = [
  'Code département',
  'Libellé département',
  'Code commune',
  'Libellé commune',
  'Code BV',
  'Inscrits',
  'Votants',
  '% Votants',
  'Abstentions',
  '% Abstentions',
  'Exprimés',
  '% Exprimés/inscrits',
  '% Exprimés/votants',
  'Blancs',
  '% Blancs/inscrits',
  '% Blancs/votants',
  'Nuls',
  '% Nuls/inscrits',
  '% Nuls/votants',
];
const BLOCK = (k: number) => [
  `Numéro de panneau ${k}`,
  `Nuance candidat ${k}`,
  `Nom candidat ${k}`,
  `Prénom candidat ${k}`,
  `Sexe candidat ${k}`,
  `Voix ${k}`,
  `% Voix/inscrits ${k}`,
  `% Voix/exprimés ${k}`,
  `Elu ${k}`,
];

/** One list of a commune-level municipales file (13-column block). */
export interface MunicipalList {
  number: number;
  nuance: string | null;
  shortLabel: string;
  label: string;
  headLastName: string;
  headFirstName: string;
  headSex: string;
  voix: number;
  elected: string;
  seatsCm: number | null;
  seatsCc: number | null;
}

export interface MunicipalRow extends Omit<MinistryRow, 'bureauCode' | 'candidates'> {
  lists: MunicipalList[];
}

const LIST_BLOCK = (k: number) => [
  `Numéro de liste ${k}`,
  `Nuance liste ${k}`,
  `Libellé abrégé de liste ${k}`,
  `Libellé de liste ${k}`,
  `Nom tête de liste ${k}`,
  `Prénom tête de liste ${k}`,
  `Sexe tête de liste ${k}`,
  `Voix ${k}`,
  `% Voix/inscrits ${k}`,
  `% Voix/exprimés ${k}`,
  `Elu ${k}`,
  `Sièges au CM ${k}`,
  `Sièges au CC ${k}`,
];

/**
 * Municipales 2026 shape: one row per commune, a 13-column block per list (`Nuance liste` left
 * empty when the list has none, as in most small communes).
 */
export function renderMunicipalCsv(rows: readonly MunicipalRow[]): Buffer {
  const blocks = Math.max(0, ...rows.map((r) => r.lists.length));
  const head = HEAD.filter((h) => h !== 'Code BV');
  const header = [...head, ...Array.from({ length: blocks }, (_, i) => LIST_BLOCK(i + 1)).flat()];
  const lines = rows.map((r) => [
    ...turnoutCells({ ...r, bureauCode: '' }).filter((_, i) => i !== 4),
    ...r.lists.flatMap((l) => [
      String(l.number),
      l.nuance ?? '',
      l.shortLabel,
      l.label,
      l.headLastName,
      l.headFirstName,
      l.headSex,
      String(l.voix),
      frenchPct(l.voix, r.inscrits),
      frenchPct(l.voix, r.exprimes),
      l.elected,
      l.seatsCm === null ? '' : String(l.seatsCm),
      l.seatsCc === null ? '' : String(l.seatsCc),
    ]),
  ]);
  return toFile([header, ...lines]);
}

/** `61,23%` */
export function frenchPct(part: number, whole: number): string {
  return `${(whole ? (part * 100) / whole : 0).toFixed(2).replace('.', ',')}%`;
}

export function renderMinistryCsv(rows: readonly MinistryRow[]): Buffer {
  const blocks = Math.max(0, ...rows.map((r) => r.candidates.length));
  const header = [...HEAD, ...Array.from({ length: blocks }, (_, i) => BLOCK(i + 1)).flat()];
  const lines = rows.map((r) => [
    ...turnoutCells(r),
    ...r.candidates.flatMap((c) => [
      String(c.panel),
      c.nuance ?? '',
      c.lastName,
      c.firstName,
      c.sex,
      String(c.voix),
      frenchPct(c.voix, r.inscrits),
      frenchPct(c.voix, r.exprimes),
      c.elected,
    ]),
  ]);
  return toFile([header, ...lines]);
}

function turnoutCells(r: Omit<MinistryRow, 'candidates'>): string[] {
  const abst = r.inscrits - r.votants;
  return [
    DEPARTEMENT.code,
    DEPARTEMENT.label,
    r.communeInsee,
    r.communeName,
    r.bureauCode,
    String(r.inscrits),
    String(r.votants),
    frenchPct(r.votants, r.inscrits),
    String(abst),
    frenchPct(abst, r.inscrits),
    String(r.exprimes),
    frenchPct(r.exprimes, r.inscrits),
    frenchPct(r.exprimes, r.votants),
    String(r.blancs),
    frenchPct(r.blancs, r.inscrits),
    frenchPct(r.blancs, r.votants),
    String(r.nuls),
    frenchPct(r.nuls, r.inscrits),
    frenchPct(r.nuls, r.votants),
  ];
}

function toFile(rows: string[][]): Buffer {
  const body = rows.map((cells) => cells.map(ministryCell).join(';')).join('\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}

/** As the ministry writes: quoted only when a cell holds `;`, a quote or a line break. */
function ministryCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface ImportedRow {
  line: number;
  communeInsee: string;
  bureauCode: string;
  inscrits: number;
  votants: number;
  blancs: number;
  nuls: number;
  exprimes: number;
  voix: { panel: number; voix: number }[];
}

const COLUMN_NAMES: Record<string, string[]> = {
  commune: ['codecommune', 'codedelacommune'],
  departement: ['codedepartement', 'codedudepartement'],
  bureau: ['codebv', 'codedubvote', 'codebureaudevote'],
  inscrits: ['inscrits'],
  votants: ['votants'],
  blancs: ['blancs'],
  nuls: ['nuls'],
  exprimes: ['exprimes'],
};

/** Whole number as the files write it (`1 234`, no decimals). */
function whole(value: string): number | null {
  const v = value.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+$/.test(v) ? Number(v) : null;
}

export function parseMinistryCsv(text: string): { rows: ImportedRow[]; problems: ErrorDetail[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return { rows: [], problems: [{ path: `line.${parsed.line}`, message: parsed.message }] };
  const folded = parsed.header.cells.map(foldKey);
  const find = (names: string[]) => folded.findIndex((h) => names.includes(h));
  const col = Object.fromEntries(
    Object.entries(COLUMN_NAMES).map(([k, names]) => [k, find(names)]),
  );
  const missing = ['commune', 'inscrits', 'votants', 'blancs', 'nuls', 'exprimes'].filter(
    (k) => col[k] < 0,
  );
  const first = folded.findIndex(
    (h) =>
      h === 'numerodepanneau1' ||
      h === 'npanneau' ||
      h === 'numerodepanneau' ||
      h === 'numerodeliste1',
  );
  if (first < 0) missing.push('Numéro de panneau 1');
  if (missing.length)
    return {
      rows: [],
      problems: missing.map((m) => ({ path: 'line.1', message: `colonne manquante : ${m}` })),
    };
  const second = folded.findIndex(
    (h, i) => i > first && (h === 'numerodepanneau2' || h === 'npanneau' || h === 'numerodeliste2'),
  );
  const width = second > first ? second - first : 9;
  const voixOffset = folded.slice(first, first + width).findIndex((h) => /^voix\d*$/.test(h));
  if (voixOffset < 0)
    return { rows: [], problems: [{ path: 'line.1', message: 'colonne manquante : Voix 1' }] };

  const rows: ImportedRow[] = [];
  const problems: ErrorDetail[] = [];
  for (const r of parsed.records) {
    const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
    const at = `line.${r.line}`;
    // commune-level files (municipales 2026) have no bureau column: the commune's only bureau
    const bureauCode = col.bureau >= 0 ? cell(col.bureau).padStart(4, '0') : '';
    let insee = cell(col.commune);
    if (/^\d{1,3}$/.test(insee) && col.departement >= 0)
      insee = `${cell(col.departement)}${insee.padStart(3, '0')}`;
    const ref = bureauCode ? `${insee}-${bureauCode}` : insee;
    const numbers: Record<string, number> = {};
    const bad: string[] = [];
    for (const k of ['inscrits', 'votants', 'blancs', 'nuls', 'exprimes']) {
      const v = whole(cell(col[k]));
      if (v === null) bad.push(`${k} « ${cell(col[k])} » n’est pas un entier positif`);
      else numbers[k] = v;
    }
    const voix: ImportedRow['voix'] = [];
    for (let start = first; start < r.cells.length; start += width) {
      const panelText = cell(start);
      if (!panelText) break;
      const panel = whole(panelText);
      const v = whole(cell(start + voixOffset));
      if (panel === null) bad.push(`panneau « ${panelText} » invalide`);
      else if (v === null)
        bad.push(`voix du panneau ${panel} « ${cell(start + voixOffset)} » invalides`);
      else voix.push({ panel, voix: v });
    }
    if (!/^\d{5}$/.test(insee)) bad.push(`code commune « ${insee} » invalide`);
    if (bad.length) {
      problems.push({ path: at, message: `Bureau ${ref} : ${bad.join(' ; ')}` });
      continue;
    }
    rows.push({
      line: r.line,
      communeInsee: insee,
      bureauCode,
      inscrits: numbers.inscrits,
      votants: numbers.votants,
      blancs: numbers.blancs,
      nuls: numbers.nuls,
      exprimes: numbers.exprimes,
      voix,
    });
  }
  return { rows, problems };
}
