/**
 * The point de situation as a PDF (A4 portrait): préfecture header, number and version,
 * validation, COD level, bilan with deltas, fil de situation, missions, alerts, cellule texts;
 * the EXERCICE marking on every page of an exercise, page numbers. Times in Europe/Paris.
 */
import PDFDocument from 'pdfkit';
import { COD_LEVEL_LABELS, COUNTER_KEYS, COUNTER_LABELS } from '../contracts/crisis';
import { SITREP_SECTION_LABELS, SITREP_SECTIONS, type Sitrep } from '../contracts/direction';
import { celluleLabel, EXERCISE_BANNER, parisTime, pdfText } from '../logbook/logbook.export';
import { formatDelta } from './sitrep-build';

export const PREFECTURE_HEADER = ['PRÉFET DU PUY-DE-DÔME', 'Cabinet du préfet', 'Service interministériel de défense et de protection civiles'];

const MARGIN = 50;
const TOP = 70;
const BOTTOM = 60;
const BLUE = '#000091';

/** `14/03/2026 10:22` (Paris). */
function shortTime(iso: string): string {
  return parisTime(iso).slice(0, 16);
}

export function sitrepFilename(s: Pick<Sitrep, 'number' | 'exercise'>): string {
  return `${s.exercise ? 'exercice-' : ''}point-de-situation-${String(s.number).padStart(3, '0')}.pdf`;
}

export function renderSitrepPdf(s: Sitrep): Promise<Buffer> {
  const title = `Point de situation n° ${s.number}`;
  const pdf = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
    info: { Title: pdfText(`${title} — ${s.crisisTitle}`), Author: 'Préfecture du Puy-de-Dôme (Vigie)', Subject: s.exercise ? EXERCISE_BANNER : 'Point de situation' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => pdf.text(pdfText(value), { width, ...options });
  const heading = (value: string) => {
    if (pdf.y > pdf.page.height - BOTTOM - 80) pdf.addPage();
    pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor(BLUE);
    text(value);
    pdf.fillColor('black').font('Helvetica').fontSize(10).moveDown(0.3);
  };

  // header
  pdf.font('Helvetica-Bold').fontSize(10);
  for (const line of PREFECTURE_HEADER) text(line);
  pdf.moveDown(1).font('Helvetica-Bold').fontSize(18).fillColor(BLUE);
  text(title.toUpperCase(), { align: 'center' });
  pdf.fillColor('black').font('Helvetica-Bold').fontSize(12);
  text(s.crisisTitle, { align: 'center' });
  pdf.font('Helvetica').fontSize(9).moveDown(0.5);
  text(
    `Établi le ${shortTime(s.generatedAt)} (heure de Paris) · version ${s.version}` +
      (s.periodStart ? ` · faits promus depuis le ${shortTime(s.periodStart)}` : ' · premier point'),
    { align: 'center' },
  );
  if (s.validatedAt) text(`Validé par ${s.validatedByName ?? '?'} le ${shortTime(s.validatedAt)}`, { align: 'center' });
  else {
    pdf.font('Helvetica-Bold').fillColor('#c00000');
    text('PROJET — non validé', { align: 'center' });
    pdf.font('Helvetica').fillColor('black');
  }

  heading('Niveau du COD');
  text(COD_LEVEL_LABELS[s.codLevel]);

  heading('Bilan');
  const cols = [220, 90, 90, 95];
  const row = (cells: string[], bold = false) => {
    if (pdf.y > pdf.page.height - BOTTOM - 20) pdf.addPage();
    const y = pdf.y;
    let x = MARGIN;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((c, i) => {
      pdf.text(pdfText(c), x + 3, y + 2, { width: cols[i] - 6, align: i === 0 ? 'left' : 'right' });
      x += cols[i];
    });
    pdf.y = y + 16;
    pdf.moveTo(MARGIN, pdf.y).lineTo(MARGIN + cols.reduce((a, b) => a + b), pdf.y).lineWidth(0.3).strokeColor('#999999').stroke();
    pdf.x = MARGIN;
  };
  row(['Indicateur', 'Point précédent', 'Ce point', 'Évolution'], true);
  for (const key of COUNTER_KEYS) {
    row([COUNTER_LABELS[key], String(s.previousBilan[key] ?? 0), String(s.bilan[key] ?? 0), formatDelta(s.deltas[key] ?? 0)]);
  }

  heading(`Fil de situation (${s.entries.length} fait(s) promu(s))`);
  if (s.entries.length === 0) text('Aucun fait promu depuis le point précédent.');
  for (const e of s.entries) {
    pdf.font('Helvetica-Bold').fontSize(9);
    text(`N° ${e.index} · ${shortTime(e.recordedAt)} · ${celluleLabel(e.cellule)} · ${e.authorName}`);
    pdf.font('Helvetica').fontSize(10);
    text(e.text);
    pdf.moveDown(0.3);
  }

  heading('Missions');
  text(
    `${s.tasks.open} mission(s) en cours dont ${s.tasks.overdue} en retard ; ${s.tasks.createdSincePrevious} demandée(s) et ${s.tasks.closedSincePrevious} close(s) depuis le point précédent.`,
  );
  heading('Alertes');
  text(
    `${s.paging.pages} alerte(s) envoyée(s) depuis le point précédent à ${s.paging.targets} destinataire(s), ${s.paging.acknowledged} accusé(s) de réception ; ${s.paging.unacknowledged} destinataire(s) n'ont pas encore acquitté.`,
  );

  for (const section of SITREP_SECTIONS) {
    heading(SITREP_SECTION_LABELS[section]);
    text(s.sections[section]?.trim() || '—');
  }

  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const margins = { ...pdf.page.margins };
    pdf.page.margins = { ...margins, top: 0, bottom: 0 };
    if (s.exercise) {
      pdf.font('Helvetica-Bold').fontSize(14).fillColor('#c00000');
      pdf.text(`${EXERCISE_BANNER} — ${EXERCISE_BANNER} — ${EXERCISE_BANNER}`, MARGIN, 25, { width, align: 'center' });
      pdf.text(`${EXERCISE_BANNER} — ${EXERCISE_BANNER} — ${EXERCISE_BANNER}`, MARGIN, pdf.page.height - 48, { width, align: 'center' });
    }
    pdf.font('Helvetica').fontSize(8).fillColor('#444444');
    pdf.text(pdfText(`${title} — ${s.crisisTitle} · page ${i - start + 1} / ${count}`), MARGIN, pdf.page.height - 30, { width, align: 'center' });
    pdf.fillColor('black');
    pdf.page.margins = margins;
  }
  pdf.end();
  return done;
}
