/**
 * PDF building blocks of the press module (pdfkit, standard fonts): the préfecture header,
 * a buffered document, page numbers and the EXERCICE banner.
 */
import PDFDocument from 'pdfkit';
import { pdfText } from '../logbook/logbook.export';

export const MARGIN = 56;
export const BODY_FONT = 'Helvetica';
export const BOLD_FONT = 'Helvetica-Bold';
export const ITALIC_FONT = 'Helvetica-Oblique';

export { pdfText };

export interface PressDoc {
  doc: PDFKit.PDFDocument;
  width: number;
  /** Numbers the pages (and draws the banner), then returns the file. */
  finish(options?: { exercise?: boolean; footer?: string }): Promise<Buffer>;
}

export function pressDocument(title: string): PressDoc {
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: pdfText(title), Author: 'Préfecture du Puy-de-Dôme — Vigie' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  return {
    doc,
    width,
    async finish(options = {}) {
      const { start, count } = doc.bufferedPageRange();
      for (let i = start; i < start + count; i++) {
        doc.switchToPage(i);
        const margins = { ...doc.page.margins };
        doc.page.margins = { ...margins, top: 0, bottom: 0 };
        if (options.exercise)
          doc.font(BOLD_FONT).fontSize(12).fillColor('#c00000').text('EXERCICE — EXERCICE — EXERCICE', MARGIN, 22, { width, align: 'center' });
        doc
          .font(BODY_FONT)
          .fontSize(8)
          .fillColor('#555555')
          .text(pdfText(`${options.footer ? `${options.footer} — ` : ''}page ${i - start + 1} / ${count}`), MARGIN, doc.page.height - 36, { width, align: 'center' });
        doc.fillColor('black');
        doc.page.margins = margins;
      }
      doc.end();
      return done;
    },
  };
}

/** The préfecture's header block (text version of the State's brand block) and the service line. */
export function prefectureHeader(doc: PDFKit.PDFDocument, width: number, service = 'Cabinet du préfet — Communication interministérielle'): void {
  const top = MARGIN;
  doc.rect(MARGIN, top, 3, 62).fill('#000091').fillColor('black');
  doc.font(BOLD_FONT).fontSize(12).text('PRÉFET', MARGIN + 12, top, { width: 200 });
  doc.text('DU PUY-DE-DÔME', { width: 200 });
  doc.font(ITALIC_FONT).fontSize(8).text('Liberté', { width: 200 }).text('Égalité').text('Fraternité');
  doc.font(BODY_FONT).fontSize(9).fillColor('#333333').text(pdfText(service), MARGIN + width / 2, top + 4, { width: width / 2, align: 'right' });
  doc.fillColor('black');
  doc.y = top + 80;
  doc.x = MARGIN;
}
