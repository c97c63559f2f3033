/** The PDF of a RAA issue: cover, table of contents (act, subject, page), then one page per act. */
import { ACT_NATURE_LABELS, type RaaIssue } from '../contracts/press';
import { frenchDate } from './publication-dates';
import { BODY_FONT, BOLD_FONT, pdfText, prefectureHeader, pressDocument } from './press-pdf';

/** Table-of-contents lines per page. */
export const TOC_PER_PAGE = 30;

/** Page of the `index`-th act (0-based): after the cover and the table of contents. */
export function actPage(index: number, count: number): number {
  return 1 + Math.max(1, Math.ceil(count / TOC_PER_PAGE)) + index + 1;
}

export function renderRaaPdf(issue: RaaIssue): Promise<Buffer> {
  const pdf = pressDocument(issue.label);
  const { doc, width } = pdf;
  const published = issue.publishedOn ? `du ${frenchDate(issue.publishedOn)}` : '(en préparation — non publié)';
  prefectureHeader(doc, width, 'Recueil des actes administratifs');
  doc.moveDown(6);
  doc.font(BOLD_FONT).fontSize(22).text('RECUEIL DES ACTES ADMINISTRATIFS', { width, align: 'center' });
  doc.moveDown(1);
  doc.font(BOLD_FONT).fontSize(18).text(pdfText(`${issue.label} ${published}`), { width, align: 'center' });
  if (issue.title) doc.moveDown(0.5).font(BODY_FONT).fontSize(13).text(pdfText(issue.title), { width, align: 'center' });
  doc.moveDown(2);
  doc.font(BODY_FONT).fontSize(11).text(pdfText(`${issue.acts.length} acte(s) publié(s)`), { width, align: 'center' });
  if (issue.appealDeadline)
    doc.moveDown(0.5).text(pdfText(`Délai de recours contentieux : jusqu'au ${frenchDate(issue.appealDeadline)} inclus`), { width, align: 'center' });

  const count = issue.acts.length;
  issue.acts.forEach((act, i) => {
    if (i % TOC_PER_PAGE === 0) {
      doc.addPage();
      doc.font(BOLD_FONT).fontSize(14).text(i === 0 ? 'SOMMAIRE' : 'SOMMAIRE (suite)', { width });
      doc.moveDown(0.8);
    }
    const y = doc.y;
    doc.font(BOLD_FONT).fontSize(9).text(pdfText(act.number), doc.page.margins.left, y, { width: 150 });
    const subject = act.subject.length > 110 ? `${act.subject.slice(0, 108)}…` : act.subject;
    doc.font(BODY_FONT).fontSize(9).text(pdfText(subject), doc.page.margins.left + 155, y, { width: width - 205 });
    const bottom = doc.y;
    doc.text(String(actPage(i, count)), doc.page.margins.left + width - 40, y, { width: 40, align: 'right' });
    doc.x = doc.page.margins.left;
    doc.y = Math.max(bottom, doc.y) + 4;
  });

  for (const act of issue.acts) {
    doc.addPage();
    doc.font(BOLD_FONT).fontSize(13).text(pdfText(`Arrêté n° ${act.number}`), { width });
    doc.moveDown(0.5);
    const line = (label: string, value: string | null) => {
      if (!value) return;
      doc.font(BOLD_FONT).fontSize(10).text(pdfText(`${label} : `), { continued: true, width }).font(BODY_FONT).text(pdfText(value));
    };
    line('Signé le', frenchDate(act.signedAt));
    line('Signataire', act.signatory);
    line('Délégation de signature', act.delegation);
    line('Service', act.service);
    line('Nature', ACT_NATURE_LABELS[act.nature]);
    doc.moveDown(0.8);
    doc.font(BOLD_FONT).fontSize(11).text('Objet', { width });
    doc.font(BODY_FONT).fontSize(11).text(pdfText(act.subject), { width, align: 'justify' });
    doc.moveDown(0.8);
    if (act.hasPdf) doc.font(BODY_FONT).fontSize(9).fillColor('#333333').text("L'acte signé est consultable en préfecture et joint au registre des actes.", { width }).fillColor('black');
    if (issue.publishedOn)
      doc.moveDown(0.5).font(BODY_FONT).fontSize(9).text(pdfText(`Publié au ${issue.label} du ${frenchDate(issue.publishedOn)}. Recours contentieux possible devant le tribunal administratif de Clermont-Ferrand jusqu'au ${frenchDate(issue.appealDeadline!)}.`), { width });
  }
  return pdf.finish({ footer: issue.label });
}
