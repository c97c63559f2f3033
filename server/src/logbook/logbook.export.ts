/**
 * Renders a main courante for the record: CSV (Excel, French) and PDF. Pure functions of the
 * entries read in one snapshot, their verification and the export time; times in Europe/Paris.
 */
import PDFDocument from 'pdfkit';
import {
  CELLULE_LABELS,
  CELLULES,
  CRISIS_KIND_LABELS,
  LOGBOOK_CATEGORY_LABELS,
  type Crisis,
  type LogbookEntry,
  type LogbookVerifyResult,
} from '../contracts/crisis';
import { GENESIS_HASH } from './chain';

export interface LogbookExport {
  crisis: Pick<Crisis, 'title' | 'kind' | 'exercise'>;
  /** Every entry of the chain, in index order. */
  entries: LogbookEntry[];
  verify: LogbookVerifyResult;
  exportedAt: Date;
}

export const EXERCISE_BANNER = 'EXERCICE';

const CSV_HEADERS = [
  'N°',
  'Horodatage (serveur)',
  'Survenu à',
  'Catégorie',
  'Cellule',
  'Auteur',
  'Texte',
  "Corrige l'entrée",
  'Empreinte',
];

const parisDateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});
const parisDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `14/03/2026 10:22:33,123` in Paris time. */
export function parisTime(iso: string | Date): string {
  const parts = Object.fromEntries(
    parisDateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second},${parts.fractionalSecond}`;
}

/** `main-courante-2026-03-14.csv` (date of the export in Paris). */
export function exportFilename(exportedAt: Date, extension: 'csv' | 'pdf'): string {
  return `main-courante-${parisDate.format(exportedAt)}.${extension}`;
}

export function celluleLabel(cellule: string): string {
  if ((CELLULES as readonly string[]).includes(cellule))
    return CELLULE_LABELS[cellule as (typeof CELLULES)[number]];
  return cellule.startsWith('liaison:') ? `Liaison ${cellule.slice('liaison:'.length)}` : cellule;
}

export function finalHash(data: LogbookExport): string {
  return data.entries.at(-1)?.hash ?? GENESIS_HASH;
}

function authorLabel(entry: LogbookEntry): string {
  return entry.source === 'system' ? `${entry.authorName} (automatique)` : entry.authorName;
}

/** One row of cells per entry, shared by both formats. */
function rows(data: LogbookExport): string[][] {
  const indexById = new Map(data.entries.map((e) => [e.id, e.index]));
  return data.entries.map((e) => [
    String(e.index),
    parisTime(e.recordedAt),
    e.occurredAt ? parisTime(e.occurredAt) : '',
    LOGBOOK_CATEGORY_LABELS[e.category],
    celluleLabel(e.cellule),
    authorLabel(e),
    e.text,
    e.correctsEntryId ? `N° ${indexById.get(e.correctsEntryId) ?? e.correctsEntryId}` : '',
    e.hash,
  ]);
}

/**
 * A cell as Excel reads it: quoted when it holds a separator, a quote or a line break; a cell
 * that a spreadsheet would take for a formula (= + - @, tab, CR first) gets a leading
 * apostrophe, so opening the export never runs what someone typed into the main courante.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM, `;`-separated, CRLF: what French Excel opens without an import wizard. */
export function renderCsv(data: LogbookExport): Buffer {
  const lines: string[][] = [];
  if (data.crisis.exercise) lines.push([EXERCISE_BANNER]);
  lines.push(CSV_HEADERS, ...rows(data));
  lines.push([`Empreinte finale de la chaîne : ${finalHash(data)}`]);
  const body = lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}

// ------------------------------------------------------------------------------------ PDF

/** Characters the PDF standard fonts can draw (WinAnsi) beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™Œœ˜ŠšŸŽž');

/**
 * Text the built-in Helvetica can draw: accents decomposed when the letter is missing, other
 * characters shown as `?` (the CSV export keeps the exact text).
 */
export function pdfText(value: string): string {
  const drawable = (c: string) => {
    const code = c.codePointAt(0)!;
    return (
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      c === '\n' ||
      WIN_ANSI_EXTRA.has(c)
    );
  };
  return Array.from(value.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
    .map((c) => {
      if (drawable(c)) return c;
      const base = c.normalize('NFKD').replace(/\p{M}/gu, '');
      return base && Array.from(base).every(drawable) ? base : '?';
    })
    .join('');
}

const PAGE = { margin: 36, top: 54, bottom: 42 };
const BODY_FONT = 'Helvetica';
const BOLD_FONT = 'Helvetica-Bold';
const HASH_FONT = 'Courier';
const BODY_SIZE = 7.5;
const HASH_SIZE = 6.5;
const PAD = 3;
/** Column widths (landscape A4, 770 pt usable), the hash column last. */
const COLUMNS: { header: string; width: number }[] = [
  { header: 'N°', width: 30 },
  { header: 'Horodatage (serveur)', width: 64 },
  { header: 'Survenu à', width: 64 },
  { header: 'Catégorie', width: 48 },
  { header: 'Cellule', width: 70 },
  { header: 'Auteur', width: 80 },
  { header: 'Texte', width: 263 },
  { header: "Corrige l'entrée", width: 40 },
  { header: 'Empreinte (SHA-256)', width: 110 },
];
const TEXT_COLUMN = 6;
const HASH_COLUMN = COLUMNS.length - 1;

/** The PDF: title, entries as a table, final hash and verification; banner and page numbers. */
export function renderPdf(data: LogbookExport): Promise<Buffer> {
  const title = pdfText(`Main courante — ${data.crisis.title}`);
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    bufferPages: true,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    info: {
      Title: title,
      Author: 'Vigie',
      Subject: data.crisis.exercise ? EXERCISE_BANNER : 'Main courante',
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const left = PAGE.margin;
  const width = pdf.page.width - 2 * PAGE.margin;
  const bottom = () => pdf.page.height - PAGE.bottom;

  pdf.font(BOLD_FONT).fontSize(15).text(title, left, PAGE.top, { width });
  pdf
    .font(BODY_FONT)
    .fontSize(9)
    .fillColor('#444444')
    .text(
      pdfText(
        `${CRISIS_KIND_LABELS[data.crisis.kind]} · ${data.entries.length} entrée(s) · exportée le ${parisTime(data.exportedAt)} (heure de Paris)`,
      ),
      { width },
    )
    .fillColor('black');
  let y = pdf.y + 8;

  const cellFont = (column: number, bold = false) =>
    column === HASH_COLUMN && !bold
      ? pdf.font(HASH_FONT).fontSize(HASH_SIZE)
      : pdf.font(bold ? BOLD_FONT : BODY_FONT).fontSize(BODY_SIZE);
  const cellHeight = (column: number, value: string, bold = false) =>
    cellFont(column, bold).heightOfString(value, { width: COLUMNS[column].width - 2 * PAD }) +
    2 * PAD;
  const drawRow = (cells: string[], bold = false) => {
    const height = Math.max(...cells.map((c, i) => cellHeight(i, c, bold)));
    if (bold) pdf.rect(left, y, width, height).fill('#e8e8e8').fillColor('black');
    let x = left;
    cells.forEach((value, i) => {
      cellFont(i, bold).text(value, x + PAD, y + PAD, { width: COLUMNS[i].width - 2 * PAD });
      x += COLUMNS[i].width;
    });
    y += height;
    pdf
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
  };
  const header = COLUMNS.map((c) => c.header);
  const headerHeight = Math.max(...header.map((h, i) => cellHeight(i, h, true)));
  const newPage = () => {
    pdf.addPage();
    y = PAGE.top;
    drawRow(header, true);
  };

  drawRow(header, true);
  for (const cells of rows(data).map((r) => r.map(pdfText))) {
    const height = Math.max(...cells.map((c, i) => cellHeight(i, c)));
    if (y + height > bottom()) {
      if (height <= bottom() - PAGE.top - headerHeight) newPage();
      else {
        // longer than a page: the text follows the row and flows over the next pages
        if (y + 4 * headerHeight > bottom()) newPage();
        const text = cells[TEXT_COLUMN];
        drawRow(cells.map((c, i) => (i === TEXT_COLUMN ? '(texte ci-dessous)' : c)));
        pdf
          .font(BODY_FONT)
          .fontSize(BODY_SIZE)
          .text(text, left + PAD, y + PAD, { width: width - 2 * PAD });
        y = pdf.y + PAD;
        pdf
          .moveTo(left, y)
          .lineTo(left + width, y)
          .lineWidth(0.3)
          .strokeColor('#999999')
          .stroke();
        continue;
      }
    }
    drawRow(cells);
  }

  const { verify } = data;
  const verdict = verify.valid
    ? `Vérification de la chaîne : intègre (${verify.entries} entrée(s), chaque empreinte recalculée et chaînée à la précédente).`
    : `Vérification de la chaîne : ROMPUE — première entrée en défaut : N° ${verify.index ?? '?'} (${verify.firstBrokenEntryId}).`;
  if (y + 60 > bottom()) {
    pdf.addPage();
    y = PAGE.top;
  }
  pdf
    .font(BOLD_FONT)
    .fontSize(9)
    .text('Empreinte finale de la chaîne :', left, y + 12, { width });
  pdf.font(HASH_FONT).fontSize(9).text(finalHash(data), { width });
  pdf
    .font(verify.valid ? BODY_FONT : BOLD_FONT)
    .fontSize(9)
    .fillColor(verify.valid ? 'black' : '#c00000')
    .text(pdfText(verdict), { width })
    .fillColor('black');

  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    // writing in the margins must not start a new page
    const margins = { ...pdf.page.margins };
    pdf.page.margins = { ...margins, top: 0, bottom: 0 };
    if (data.crisis.exercise) {
      pdf
        .font(BOLD_FONT)
        .fontSize(12)
        .fillColor('#c00000')
        .text(`${EXERCISE_BANNER} — ${EXERCISE_BANNER} — ${EXERCISE_BANNER}`, left, 20, {
          width,
          align: 'center',
        })
        .fillColor('black');
    }
    pdf
      .font(BODY_FONT)
      .fontSize(7)
      .fillColor('#444444')
      .text(`${title} · page ${i - start + 1} / ${count}`, left, pdf.page.height - 28, {
        width,
        align: 'center',
      })
      .fillColor('black');
    pdf.page.margins = margins;
  }
  pdf.end();
  return done;
}
