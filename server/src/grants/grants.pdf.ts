/**
 * The programme of a call as the committee and the prefect read it: figures of the envelope,
 * the applications with their amounts and statuses, commitments by axis or programme. Pure
 * function of the summary and the applications; Helvetica (WinAnsi) text via the logbook's filter.
 */
import PDFDocument from 'pdfkit';
import {
  APPLICATION_STATUS_LABELS,
  GRANT_FUND_LABELS,
  type CallSummary,
  type GrantApplication,
} from '../contracts/grants';
import { pdfText } from '../logbook/logbook.export';

const euros = (n: number | null) =>
  n === null
    ? '—'
    : `${new Intl.NumberFormat('fr-FR').format(n).replace(/[\u202f\u00a0]/g, ' ')} €`;

const COLUMNS = [
  { header: 'Référence', width: 105 },
  { header: 'Porteur', width: 140 },
  { header: 'Action', width: 210 },
  { header: 'Coût', width: 65 },
  { header: 'Demandé', width: 65 },
  { header: 'Accordé', width: 65 },
  { header: 'Versé', width: 60 },
  { header: 'Statut', width: 60 },
];

export function renderCallPdf(
  summary: CallSummary,
  applications: GrantApplication[],
  at: Date,
): Promise<Buffer> {
  const call = summary.call;
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 40, bottom: 40, left: 36, right: 36 },
    info: { Title: pdfText(`Programmation — ${call.title}`), Author: 'Vigie' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const left = 36;
  const width = pdf.page.width - 72;
  pdf
    .font('Helvetica-Bold')
    .fontSize(15)
    .text(pdfText(`Programmation — ${call.title}`), left, 40, { width });
  pdf
    .font('Helvetica')
    .fontSize(9)
    .text(
      pdfText(
        `${GRANT_FUND_LABELS[call.fund]} — enveloppe ${euros(call.envelope)}, engagé ${euros(call.committed)}, ` +
          `versé ${euros(call.paid)}, disponible ${euros(call.remaining)} — édité le ` +
          new Intl.DateTimeFormat('fr-FR', {
            timeZone: 'Europe/Paris',
            dateStyle: 'long',
            timeStyle: 'short',
          }).format(at),
      ),
      { width },
    );
  pdf.moveDown();

  const row = (cells: string[], bold = false) => {
    const y = pdf.y;
    if (y > pdf.page.height - 80) {
      pdf.addPage();
    }
    const top = pdf.y;
    let x = left;
    let height = 0;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    cells.forEach((cell, i) => {
      const w = COLUMNS[i].width - 4;
      const text = pdfText(cell);
      height = Math.max(height, pdf.heightOfString(text, { width: w }));
      pdf.text(text, x, top, { width: w });
      x += COLUMNS[i].width;
    });
    pdf.y = top + height + 4;
    pdf.x = left;
  };
  row(
    COLUMNS.map((c) => c.header),
    true,
  );
  for (const a of applications)
    row([
      a.reference,
      a.applicantName,
      a.title,
      euros(a.totalCost),
      `${euros(a.requestedAmount)} (${a.requestedRate} %)`,
      euros(a.grantedAmount),
      euros(a.paid),
      APPLICATION_STATUS_LABELS[a.status],
    ]);

  pdf.moveDown();
  pdf
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(call.fund === 'fipd' ? 'Engagements par programme' : 'Engagements par axe', left);
  pdf.font('Helvetica').fontSize(9);
  const groups =
    call.fund === 'fipd'
      ? summary.byProgramme.map((g) => ({ label: `Programme ${g.programmeCode}`, ...g }))
      : summary.byAxis;
  for (const g of groups)
    pdf.text(
      pdfText(
        `${g.label} : ${g.actions} action(s), engagé ${euros(g.committed)}, versé ${euros(g.paid)}`,
      ),
      left,
    );
  pdf.end();
  return done;
}
