/**
 * CSV as French spreadsheets write and read it: UTF-8 with BOM, `;`-separated, CRLF, quotes
 * doubled. Pure functions, shared by the contacts export and import.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: quoted when it holds a separator, a quote or a line break; a cell a spreadsheet
 * would run as a formula (= + - @ first) gets a leading apostrophe, which `parseCsv` removes.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;,"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(rows: readonly (readonly string[])[]): Buffer {
  const body = rows.map((cells) => cells.map(csvCell).join(';')).join('\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}

export interface CsvRecord {
  /** Line of the file where the record starts (1 = header). */
  line: number;
  cells: string[];
}

export type CsvParse =
  | { ok: true; header: CsvRecord; records: CsvRecord[] }
  | { ok: false; line: number; message: string };

/**
 * Parses a whole file. The separator is `;` unless the header line has commas and no
 * semicolons. Blank records (every cell empty, as spreadsheets leave at the end) are dropped.
 * Cells are trimmed and the export's formula guard (`'=…`) is undone.
 */
export function parseCsv(text: string): CsvParse {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = source.split(/\r?\n/, 1)[0];
  const separator = !firstLine.includes(';') && firstLine.includes(',') ? ',' : ';';
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endCell = () => {
    cells.push(unguard(cell.trim()));
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (cells.some((c) => c !== '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (c === separator) {
      endCell();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += c;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'a quoted cell is never closed' };
  endRecord();
  const [header, ...rest] = records;
  if (!header) return { ok: false, line: 1, message: 'the file is empty' };
  return { ok: true, header, records: rest };
}

function unguard(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Lower case without accents, spaces or punctuation: how headers and labels are matched. */
export function foldKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
