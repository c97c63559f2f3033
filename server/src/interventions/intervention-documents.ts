/**
 * Documents of the interventions register, pure functions of their data: letters from
 * templates (accusé de réception, réponse d'attente, réponse définitive) and the weekly list
 * for the prefect's meeting (PDF and CSV). Dates in Paris time, French text.
 */
import PDFDocument from 'pdfkit';
import { frenchDate } from '../common/workflow/calendar';
import {
  INTERVENTION_STATUS_LABELS,
  INTERVENTION_THEME_LABELS,
  LETTER_KIND_LABELS,
  OUTCOME_LABELS,
  SIGNATORY_LABELS,
  type Intervention,
  type LetterKind,
} from '../contracts/interventions';
import { renderCsv } from '../directory/csv';
import { pdfText } from '../logbook/logbook.export';

export interface LetterData {
  kind: LetterKind;
  /** Day the letter is dated (Paris calendar day). */
  date: string;
  intervention: Pick<
    Intervention,
    | 'reference'
    | 'receivedOn'
    | 'subject'
    | 'beneficiaryName'
    | 'signatory'
    | 'outcome'
    | 'serviceName'
    | 'dueDate'
  >;
  official: { name: string; title: string | null };
  /** Paragraph written by the Cabinet (the substance of a final reply). */
  body: string | null;
}

const OPENING =
  'Par votre courrier du {received}, vous avez bien voulu appeler mon attention sur la situation de {beneficiary}, concernant : {subject}.';

/** The paragraphs of each template; `{…}` are filled from the intervention. */
export const LETTER_TEMPLATES: Record<LetterKind, string[]> = {
  accuse_reception: [
    OPENING,
    "J'ai l'honneur de vous en accuser réception. Votre intervention est enregistrée sous la référence {reference} et fait l'objet d'un examen attentif par les services compétents.",
    'Je ne manquerai pas de vous tenir informé(e) de la suite qui pourra lui être réservée.',
  ],
  reponse_attente: [
    OPENING,
    "L'instruction de ce dossier par {service} est en cours. Elle nécessite encore quelques vérifications, et je ne suis pas en mesure de vous apporter dès à présent une réponse définitive.",
    'Je ne manquerai pas de revenir vers vous dès que cette instruction sera achevée.',
  ],
  reponse_definitive: [
    OPENING,
    'Après examen attentif de ce dossier par les services compétents, je suis en mesure de vous apporter les éléments suivants (avis : {outcome}).',
    '{body}',
    "Je vous rappelle que votre intervention ne modifie pas les règles applicables à l'instruction du dossier, qui relève de la seule application des textes en vigueur.",
  ],
};

export function fillTemplate(paragraph: string, data: LetterData): string {
  const i = data.intervention;
  const values: Record<string, string> = {
    received: frenchDate(i.receivedOn),
    beneficiary: i.beneficiaryName,
    subject: i.subject,
    reference: i.reference,
    service: i.serviceName ?? 'les services de la préfecture',
    outcome: i.outcome ? OUTCOME_LABELS[i.outcome].toLowerCase() : 'en cours',
    body: data.body ?? '',
  };
  return paragraph.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

export function renderLetter(data: LetterData): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 70, right: 70 },
    info: {
      Title: pdfText(`${LETTER_KIND_LABELS[data.kind]} ${data.intervention.reference}`),
      Author: 'Vigie',
    },
  });
  const done = collect(pdf);
  const width = pdf.page.width - 140;
  pdf.font('Helvetica-Bold').fontSize(11).text('PRÉFET DU PUY-DE-DÔME', { width });
  pdf.font('Helvetica').fontSize(9).text('Liberté, Égalité, Fraternité');
  pdf.moveDown(0.5).text('Cabinet du préfet');
  pdf.moveDown(2);
  pdf
    .fontSize(10)
    .text(pdfText(`Clermont-Ferrand, le ${frenchDate(data.date)}`), { align: 'right', width });
  pdf.moveDown(1.5);
  pdf.text(pdfText(data.official.name), { align: 'right', width });
  if (data.official.title) pdf.text(pdfText(data.official.title), { align: 'right', width });
  pdf.moveDown(2);
  pdf.font('Helvetica-Bold').text(pdfText(`Objet : ${LETTER_KIND_LABELS[data.kind]}`));
  pdf.font('Helvetica').text(pdfText(`Référence : ${data.intervention.reference}`));
  pdf.moveDown(1.5);
  pdf.text('Madame, Monsieur,');
  for (const paragraph of LETTER_TEMPLATES[data.kind]) {
    const text = fillTemplate(paragraph, data).trim();
    if (!text) continue;
    pdf.moveDown(0.8).text(pdfText(text), { width, align: 'justify' });
  }
  pdf
    .moveDown(0.8)
    .text(
      pdfText(
        "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée.",
      ),
      { width },
    );
  pdf
    .moveDown(3)
    .text(pdfText(SIGNATORY_LABELS[data.intervention.signatory]), { align: 'right', width });
  pdf.end();
  return done;
}

export interface WeeklyRow {
  situation: string;
  item: Intervention;
}

export interface WeeklyList {
  /** Monday of the week. */
  week: string;
  generatedAt: Date;
  rows: WeeklyRow[];
}

const WEEKLY_HEADERS = [
  'Situation',
  'Référence',
  'Reçue le',
  'Élu',
  'Bénéficiaire',
  'Thème',
  'Objet',
  'Service instructeur',
  'Échéance',
  'État',
];

function weeklyCells(row: WeeklyRow): string[] {
  const i = row.item;
  return [
    row.situation,
    i.reference,
    frenchDate(i.receivedOn),
    i.official
      ? `${i.official.name}${i.official.title ? ` (${i.official.title})` : ''}`
      : 'Confidentiel',
    i.beneficiaryName,
    INTERVENTION_THEME_LABELS[i.theme],
    i.subject,
    i.serviceName ?? '',
    i.dueDate ? frenchDate(i.dueDate) : '',
    INTERVENTION_STATUS_LABELS[i.status],
  ];
}

export function renderWeeklyCsv(list: WeeklyList): Buffer {
  return renderCsv([WEEKLY_HEADERS, ...list.rows.map(weeklyCells)]);
}

const COLUMN_WIDTHS = [62, 62, 50, 110, 90, 70, 150, 90, 50, 36];

export function renderWeeklyPdf(list: WeeklyList): Promise<Buffer> {
  const title = `Interventions des élus — semaine du ${frenchDate(list.week)}`;
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 40, bottom: 40, left: 36, right: 36 },
    info: { Title: pdfText(title), Author: 'Vigie' },
  });
  const done = collect(pdf);
  const left = 36;
  pdf.font('Helvetica-Bold').fontSize(14).text(pdfText(title), left, 40);
  pdf
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444444')
    .text(
      pdfText(
        `Réunion du préfet — liste éditée le ${list.generatedAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })} — ${list.rows.length} intervention(s). Document confidentiel.`,
      ),
    );
  pdf.fillColor('#000000').moveDown(0.8);
  const drawRow = (cells: string[], bold: boolean) => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    const heights = cells.map((c, k) =>
      pdf.heightOfString(pdfText(c), { width: COLUMN_WIDTHS[k] - 4 }),
    );
    const height = Math.max(...heights) + 6;
    if (pdf.y + height > pdf.page.height - 40) pdf.addPage();
    const y = pdf.y;
    let x = left;
    cells.forEach((c, k) => {
      pdf.text(pdfText(c), x + 2, y + 3, { width: COLUMN_WIDTHS[k] - 4 });
      x += COLUMN_WIDTHS[k];
    });
    pdf
      .moveTo(left, y + height)
      .lineTo(x, y + height)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    pdf.x = left;
    pdf.y = y + height;
  };
  drawRow(WEEKLY_HEADERS, true);
  for (const row of list.rows) drawRow(weeklyCells(row), false);
  if (list.rows.length === 0)
    pdf.moveDown().font('Helvetica').fontSize(10).text('Aucune intervention à signaler.', left);
  pdf.end();
  return done;
}
