/**
 * The contacts CSV: columns, French headers, and the mapping of one row to and from a contact.
 * Pure functions; the database side is in contacts-transfer.service.ts.
 */
import { z } from 'zod';
import type { ErrorDetail } from '../common/app-error';
import {
  CONTACT_FUNCTION_LABELS,
  CONTACT_FUNCTIONS,
  inseeSchema,
  phoneSchema,
  type Contact as ContactDto,
} from '../contracts/paging';
import type { ContactFields } from './contact-rules';
import { foldKey, type CsvRecord } from './csv';
import { formatPhone } from './phone';

export const CSV_COLUMNS = [
  { key: 'id', header: 'Identifiant' },
  { key: 'name', header: 'Nom' },
  { key: 'function', header: 'Fonction' },
  { key: 'title', header: 'Titre' },
  { key: 'service', header: 'Service' },
  { key: 'communeInsee', header: 'Code INSEE' },
  { key: 'communeName', header: 'Commune' },
  { key: 'cantonCode', header: 'Canton' },
  { key: 'circonscriptionCode', header: 'Circonscription' },
  { key: 'mobile', header: 'Mobile' },
  { key: 'landline', header: 'Fixe' },
  { key: 'email', header: 'Courriel' },
  { key: 'deputy', header: 'Suppléant' },
  { key: 'userId', header: 'Compte Vigie' },
  { key: 'active', header: 'Actif' },
] as const;
export type ColumnKey = (typeof CSV_COLUMNS)[number]['key'];
export const CSV_HEADERS = CSV_COLUMNS.map((c) => c.header);
const HEADER_OF = Object.fromEntries(CSV_COLUMNS.map((c) => [c.key, c.header])) as Record<
  ColumnKey,
  string
>;
/** Columns an import must have. `Commune` is informative and ignored on import. */
const REQUIRED: ColumnKey[] = ['name', 'function'];

const COLUMN_BY_HEADER = new Map<string, ColumnKey>(
  CSV_COLUMNS.flatMap((c) => [
    [foldKey(c.header), c.key],
    [foldKey(c.key), c.key],
  ]),
);
const FUNCTION_BY_LABEL = new Map<string, ContactFields['function']>(
  CONTACT_FUNCTIONS.flatMap((f) => [
    [foldKey(f), f],
    [foldKey(CONTACT_FUNCTION_LABELS[f]), f],
  ]),
);
const YES = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'actif']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0', 'inactif']);

export interface ExportLookups {
  serviceCode(id: string): string;
  communeName(insee: string): string;
  /** The deputy as the import finds it again: its e-mail, else its identifiant. */
  deputyRef(id: string): string;
}

export function exportRow(c: ContactDto, lookups: ExportLookups): string[] {
  const cells: Record<ColumnKey, string> = {
    id: c.id,
    name: c.name,
    function: CONTACT_FUNCTION_LABELS[c.function],
    title: c.title ?? '',
    service: c.serviceId ? lookups.serviceCode(c.serviceId) : '',
    communeInsee: c.communeInsee ?? '',
    communeName: c.communeInsee ? lookups.communeName(c.communeInsee) : '',
    cantonCode: c.cantonCode ?? '',
    circonscriptionCode: c.circonscriptionCode ?? '',
    mobile: c.mobile ? formatPhone(c.mobile) : '',
    landline: c.landline ? formatPhone(c.landline) : '',
    email: c.email ?? '',
    deputy: c.deputyContactId ? lookups.deputyRef(c.deputyContactId) : '',
    userId: c.userId ?? '',
    active: c.active ? 'oui' : 'non',
  };
  return CSV_COLUMNS.map((col) => cells[col.key]);
}

/** The column of each contact field. */
const FIELD_COLUMN: Record<keyof ContactFields, ColumnKey> = {
  name: 'name',
  function: 'function',
  title: 'title',
  serviceId: 'service',
  communeInsee: 'communeInsee',
  cantonCode: 'cantonCode',
  circonscriptionCode: 'circonscriptionCode',
  mobile: 'mobile',
  landline: 'landline',
  email: 'email',
  userId: 'userId',
  deputyContactId: 'deputy',
  active: 'active',
};

/** `line.7.Mobile`: where a problem of the import is. */
export function csvPath(line: number, key: ColumnKey | keyof ContactFields): string {
  const column =
    key in FIELD_COLUMN ? FIELD_COLUMN[key as keyof ContactFields] : (key as ColumnKey);
  return `line.${line}.${HEADER_OF[column]}`;
}

/** Which column each header cell is, or the problems with the header (line 1). */
export function readHeader(header: CsvRecord): {
  columns: (ColumnKey | null)[];
  problems: ErrorDetail[];
} {
  const problems: ErrorDetail[] = [];
  const seen = new Set<ColumnKey>();
  const columns = header.cells.map((cell, i) => {
    const key = COLUMN_BY_HEADER.get(foldKey(cell)) ?? null;
    if (key === null)
      problems.push({
        path: `line.1.${cell || i + 1}`,
        message: `unknown column; expected ${CSV_HEADERS.join(', ')}`,
      });
    else if (seen.has(key))
      problems.push({ path: `line.1.${cell}`, message: 'this column appears twice' });
    if (key) seen.add(key);
    return key;
  });
  for (const key of REQUIRED)
    if (!seen.has(key))
      problems.push({ path: `line.1.${HEADER_OF[key]}`, message: 'missing column' });
  return { columns, problems };
}

/** One data row as read: only the fields of the columns the file has. */
export interface ImportRow {
  line: number;
  id: string | null;
  fields: Partial<ContactFields>;
  /** The Suppléant cell: undefined when the file has no such column, null when empty. */
  deputyRef: string | null | undefined;
}

const cellSchemas = {
  name: z.string().trim().min(2).max(200),
  title: z.string().trim().max(200),
  communeInsee: inseeSchema,
  cantonCode: z.string().regex(/^\d{4}$/, 'a canton code (6324)'),
  circonscriptionCode: z.string().regex(/^\d{4}$/, 'a circonscription code (6301)'),
  mobile: phoneSchema,
  landline: phoneSchema,
  email: z.email().max(254),
  userId: z.uuid(),
};

/**
 * Reads one record against the header's columns; `serviceIdOf` finds a service by its code.
 * Returns the row, or the problems of the row (every cell checked).
 */
export function readRow(
  record: CsvRecord,
  columns: readonly (ColumnKey | null)[],
  serviceIdOf: (code: string) => string | undefined,
): { row: ImportRow; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const row: ImportRow = { line: record.line, id: null, fields: {}, deputyRef: undefined };
  const problem = (key: ColumnKey, message: string) =>
    problems.push({ path: csvPath(record.line, key), message });
  if (record.cells.length > columns.length)
    problems.push({
      path: `line.${record.line}`,
      message: `${record.cells.length} cells for ${columns.length} columns`,
    });
  columns.forEach((key, i) => {
    if (key === null) return;
    const cell = record.cells[i] ?? '';
    const empty = cell === '';
    switch (key) {
      case 'id':
        if (!empty && !z.uuid().safeParse(cell).success)
          problem(key, 'not an identifiant (leave it empty for a new contact)');
        row.id = empty ? null : cell.toLowerCase();
        break;
      case 'communeName':
        break;
      case 'function': {
        const fn = FUNCTION_BY_LABEL.get(foldKey(cell));
        if (fn) row.fields.function = fn;
        else
          problem(
            key,
            empty
              ? 'required'
              : `unknown function; expected one of ${Object.values(CONTACT_FUNCTION_LABELS).join(', ')}`,
          );
        break;
      }
      case 'service': {
        const id = empty ? null : serviceIdOf(cell);
        if (id === undefined) problem(key, 'unknown service code');
        else row.fields.serviceId = id;
        break;
      }
      case 'deputy':
        row.deputyRef = empty ? null : cell;
        break;
      case 'active':
        if (empty || YES.has(foldKey(cell))) row.fields.active = true;
        else if (NO.has(foldKey(cell))) row.fields.active = false;
        else problem(key, 'expected oui or non');
        break;
      case 'name':
      case 'title':
      case 'communeInsee':
      case 'cantonCode':
      case 'circonscriptionCode':
      case 'mobile':
      case 'landline':
      case 'email':
      case 'userId': {
        if (empty) {
          if (key === 'name') problem(key, 'required');
          else row.fields[key] = null;
          break;
        }
        const parsed = cellSchemas[key].safeParse(cell);
        if (parsed.success) row.fields[key] = parsed.data;
        else problem(key, parsed.error.issues.map((issue) => issue.message).join('; '));
        break;
      }
    }
  });
  return { row, problems };
}
