/**
 * The press contacts' CSV: French headers, `;`, UTF-8 with BOM (directory/csv.ts). Reading a
 * row is pure: it returns the contact or the problems of each cell (line, column, message).
 */
import { MEDIA_TYPE_LABELS, MEDIA_TYPES, type ImportProblem, type MediaType, type PressContact, pressContactInputSchema, type PressContactInput } from '../contracts/press';
import { foldKey } from '../directory/csv';

export const PRESS_CSV_HEADERS = [
  'Identifiant',
  'Nom',
  'Fonction',
  'Média',
  'Type de média',
  'Rubriques',
  'Courriel',
  'Mobile',
  'Fixe',
  'Consentement RGPD',
  'Date du consentement',
  'Actif',
  'Listes',
] as const;
type Header = (typeof PRESS_CSV_HEADERS)[number];
const REQUIRED: Header[] = ['Nom', 'Média', 'Type de média', 'Consentement RGPD'];

const FIELD_COLUMN: Record<string, Header> = {
  name: 'Nom',
  title: 'Fonction',
  media: 'Média',
  mediaType: 'Type de média',
  beats: 'Rubriques',
  email: 'Courriel',
  mobile: 'Mobile',
  landline: 'Fixe',
  consent: 'Consentement RGPD',
  consentAt: 'Date du consentement',
  active: 'Actif',
};

const yesNo = (v: boolean) => (v ? 'oui' : 'non');
const frDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

export function exportRow(c: PressContact, listNames: (id: string) => string): string[] {
  return [
    c.id,
    c.name,
    c.title ?? '',
    c.media,
    MEDIA_TYPE_LABELS[c.mediaType],
    c.beats.join(', '),
    c.email ?? '',
    c.mobile ?? '',
    c.landline ?? '',
    yesNo(c.consent),
    frDate(c.consentAt),
    yesNo(c.active),
    c.listIds.map(listNames).join(', '),
  ];
}

export interface HeaderMap {
  columns: Map<Header, number>;
  problems: ImportProblem[];
}

export function readHeader(cells: string[]): HeaderMap {
  const known = new Map(PRESS_CSV_HEADERS.map((h) => [foldKey(h), h]));
  const columns = new Map<Header, number>();
  const problems: ImportProblem[] = [];
  cells.forEach((cell, i) => {
    const header = known.get(foldKey(cell));
    if (header) columns.set(header, i);
    else if (cell !== '') problems.push({ line: 1, column: cell, message: 'unknown column' });
  });
  for (const h of REQUIRED) if (!columns.has(h)) problems.push({ line: 1, column: h, message: 'missing column' });
  return { columns, problems };
}

function parseBool(value: string): boolean | null {
  const v = foldKey(value);
  if (['oui', 'o', 'yes', 'true', '1', 'x'].includes(v)) return true;
  if (['non', 'n', 'no', 'false', '0', ''].includes(v)) return false;
  return null;
}

function parseFrenchDate(value: string): string | null | undefined {
  if (value === '') return null;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

export interface ReadRow {
  line: number;
  id: string | null;
  input: PressContactInput;
  lists: string[];
}

/** One data row → the contact input, or every problem of the row. */
export function readRow(line: number, cells: string[], columns: Map<Header, number>): { row: ReadRow | null; problems: ImportProblem[] } {
  const cell = (h: Header) => {
    const i = columns.get(h);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const problems: ImportProblem[] = [];
  const mediaLabel = cell('Type de média');
  const mediaType = MEDIA_TYPES.find((t) => foldKey(t) === foldKey(mediaLabel) || foldKey(MEDIA_TYPE_LABELS[t]) === foldKey(mediaLabel));
  if (!mediaType) problems.push({ line, column: 'Type de média', message: `one of: ${MEDIA_TYPES.map((t) => MEDIA_TYPE_LABELS[t]).join(', ')}` });
  const consent = parseBool(cell('Consentement RGPD'));
  if (consent === null) problems.push({ line, column: 'Consentement RGPD', message: 'oui or non' });
  const active = cell('Actif') === '' ? true : parseBool(cell('Actif'));
  if (active === null) problems.push({ line, column: 'Actif', message: 'oui or non' });
  const consentAt = parseFrenchDate(cell('Date du consentement'));
  if (consentAt === undefined) problems.push({ line, column: 'Date du consentement', message: 'a date such as 14/03/2026' });
  const id = cell('Identifiant') || null;
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) problems.push({ line, column: 'Identifiant', message: 'not an identifier exported by Vigie' });
  const candidate = {
    name: cell('Nom'),
    title: cell('Fonction') || null,
    media: cell('Média'),
    mediaType: (mediaType ?? 'autre') as MediaType,
    beats: cell('Rubriques').split(/[,|]/).map((b) => b.trim()).filter(Boolean),
    email: cell('Courriel') || null,
    mobile: cell('Mobile') || null,
    landline: cell('Fixe') || null,
    consent: consent ?? false,
    consentAt: consentAt ?? null,
    active: active ?? true,
  };
  const parsed = pressContactInputSchema.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const column = FIELD_COLUMN[String(issue.path[0])] ?? String(issue.path[0]);
      if (!problems.some((p) => p.column === column)) problems.push({ line, column, message: issue.message });
    }
  const lists = cell('Listes').split(',').map((l) => l.trim()).filter(Boolean);
  return problems.length || !parsed.success ? { row: null, problems } : { row: { line, id: id?.toLowerCase() ?? null, input: parsed.data, lists }, problems };
}
