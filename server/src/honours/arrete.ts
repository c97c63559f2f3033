/**
 * The arrêté of a promotion in the format of the recueil des actes administratifs (RAA): visas,
 * one article per échelon (rank order), one numbered line per person in alphabetical order,
 * an execution article and the signature. Pure: a model, then PDF (pdfkit) and DOCX (docx).
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { echelonLabel, type RuleSet } from '../contracts/honours';
import { pdfText as pdfSafe } from '../logbook/logbook.export';
import { frLongDate } from './dates';

export interface ArreteRecipient {
  /** The dossier, to store its line number. */
  id?: string;
  civility: string;
  lastName: string;
  firstName: string;
  echelon: string;
  occupation?: string;
  employer?: string;
  employerCity?: string;
  communeName: string | null;
  /** The commune of residence when it is not in the reference (another département). */
  address?: string;
}

export interface ArreteLine {
  rank: number;
  text: string;
  recipient: ArreteRecipient;
}

export interface ArreteModel {
  number: string;
  date: string;
  title: string;
  visas: string[];
  articles: { heading: string; lines: ArreteLine[] }[];
  closing: string[];
  signature: string;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Alphabetical order of the RAA: last name, then first name, accents ignored. */
export function byName(a: ArreteRecipient, b: ArreteRecipient): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
}

/** `M. DUPONT Jean, technicien, ACME, CLERMONT-FERRAND, demeurant à Riom`. */
export function arreteLine(r: ArreteRecipient): string {
  const parts = [`${r.civility} ${r.lastName.toLocaleUpperCase('fr')} ${r.firstName}`];
  if (r.occupation) parts.push(r.occupation);
  if (r.employer) parts.push(r.employer.toLocaleUpperCase('fr'));
  if (r.employerCity) parts.push(r.employerCity.toLocaleUpperCase('fr'));
  const commune = r.communeName ?? r.address;
  if (commune) parts.push(`demeurant à ${commune}`);
  return parts.join(', ');
}

/** Groups the recipients by échelon in the rule set's order and numbers the lines (1… per article). */
export function buildArrete(
  rules: RuleSet,
  promotionDate: string | null,
  number: string,
  date: string,
  recipients: ArreteRecipient[],
): ArreteModel {
  const articles = [...rules.echelons]
    .sort((a, b) => a.rank - b.rank)
    .map((e) => ({
      echelon: e.code,
      people: recipients.filter((r) => r.echelon === e.code).sort(byName),
    }))
    .filter((a) => a.people.length > 0)
    .map((a, i) => ({
      heading: `Article ${i + 1} : ${rules.arrete.article.replace('{ECHELON}', echelonLabel(a.echelon).toLocaleUpperCase('fr'))}`,
      lines: a.people.map((r, j) => ({ rank: j + 1, text: arreteLine(r), recipient: r })),
    }));
  const n = articles.length + 1;
  return {
    number,
    date,
    title:
      `ARRÊTÉ n° ${number} ${rules.arrete.title.replace('{date}', promotionDate ? frLongDate(promotionDate) : '')}`.trim(),
    visas: rules.arrete.visas,
    articles,
    closing: [
      `Article ${n} : Le directeur de cabinet du préfet du Puy-de-Dôme est chargé de l'exécution du présent arrêté, qui sera publié au recueil des actes administratifs de la préfecture du Puy-de-Dôme.`,
    ],
    signature: rules.arrete.signature,
  };
}

const HEADER = ['PRÉFET DU PUY-DE-DÔME', 'Liberté, Égalité, Fraternité', 'Cabinet du préfet'];

export function renderArretePdf(model: ArreteModel): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: pdfSafe(model.title), Author: 'Préfecture du Puy-de-Dôme — Vigie' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(10);
  for (const line of HEADER) pdf.text(pdfSafe(line));
  pdf
    .moveDown(2)
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(pdfSafe(model.title), { align: 'center' });
  pdf
    .moveDown()
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(pdfSafe('Le préfet du Puy-de-Dôme'), { align: 'center' });
  pdf.moveDown().font('Helvetica').fontSize(10);
  for (const visa of model.visas) pdf.text(pdfSafe(visa), { align: 'justify' }).moveDown(0.3);
  pdf.moveDown().font('Helvetica-Bold').text('ARRÊTE', { align: 'center' }).moveDown();
  for (const article of model.articles) {
    pdf.font('Helvetica-Bold').fontSize(10).text(pdfSafe(article.heading)).moveDown(0.3);
    pdf.font('Helvetica').fontSize(9.5);
    for (const line of article.lines)
      pdf.text(pdfSafe(`${line.rank}. ${line.text}`), { indent: 12 });
    pdf.moveDown();
  }
  pdf.font('Helvetica').fontSize(10);
  for (const c of model.closing) pdf.text(pdfSafe(c), { align: 'justify' }).moveDown();
  pdf
    .text(pdfSafe(`Fait à Clermont-Ferrand, le ${frLongDate(model.date)}`), { align: 'right' })
    .moveDown();
  pdf.text(pdfSafe(model.signature), { align: 'right' });
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    pdf
      .font('Helvetica')
      .fontSize(8)
      .text(
        pdfSafe(`Arrêté n° ${model.number} — page ${i + 1}/${range.count}`),
        64,
        pdf.page.height - 40,
        {
          align: 'center',
          width: pdf.page.width - 128,
          lineBreak: false,
        },
      );
  }
  pdf.end();
  return done;
}

export function renderArreteDocx(model: ArreteModel): Promise<Buffer> {
  const p = (
    text: string,
    options: { bold?: boolean; center?: boolean; right?: boolean; size?: number } = {},
  ) =>
    new Paragraph({
      alignment: options.center
        ? AlignmentType.CENTER
        : options.right
          ? AlignmentType.RIGHT
          : AlignmentType.JUSTIFIED,
      spacing: { after: 120 },
      children: [
        new TextRun({ text, bold: options.bold, size: options.size ?? 22, font: 'Marianne' }),
      ],
    });
  const children = [
    ...HEADER.map((h) => p(h, { bold: true })),
    p(model.title, { bold: true, center: true, size: 24 }),
    p('Le préfet du Puy-de-Dôme', { bold: true, center: true }),
    ...model.visas.map((v) => p(v)),
    p('ARRÊTE', { bold: true, center: true }),
    ...model.articles.flatMap((a) => [
      p(a.heading, { bold: true }),
      ...a.lines.map((l) => p(`${l.rank}. ${l.text}`)),
    ]),
    ...model.closing.map((c) => p(c)),
    p(`Fait à Clermont-Ferrand, le ${frLongDate(model.date)}`, { right: true }),
    p(model.signature, { right: true }),
  ];
  const doc = new Document({
    creator: 'Vigie',
    title: model.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

export interface LetterRecipient extends ArreteRecipient {
  reference: string;
  address?: string;
}

/**
 * Mail merge: one page per recipient. `diploma`: the diploma to print; `letter`: the
 * notification letter sent with it.
 */
export function renderMerge(
  kind: 'diploma' | 'letter',
  distinctionName: string,
  model: Pick<ArreteModel, 'number' | 'date'>,
  promotionDate: string | null,
  recipients: LetterRecipient[],
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: kind === 'diploma' ? 'landscape' : 'portrait',
    margins: { top: 64, bottom: 56, left: 64, right: 64 },
    info: {
      Title: pdfSafe(
        kind === 'diploma' ? `Diplômes — ${distinctionName}` : 'Lettres de notification',
      ),
      Author: 'Vigie',
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const promotion = promotionDate ? ` (promotion du ${frLongDate(promotionDate)})` : '';
  [...recipients].sort(byName).forEach((r, i) => {
    if (i > 0) pdf.addPage();
    const name = `${r.civility} ${r.firstName} ${r.lastName.toLocaleUpperCase('fr')}`;
    const echelon = echelonLabel(r.echelon);
    if (kind === 'diploma') {
      pdf
        .font('Helvetica-Bold')
        .fontSize(14)
        .text('RÉPUBLIQUE FRANÇAISE', { align: 'center' })
        .moveDown(2);
      pdf.fontSize(26).text(pdfSafe(distinctionName), { align: 'center' }).moveDown();
      pdf
        .font('Helvetica')
        .fontSize(16)
        .text(pdfSafe(`échelon ${echelon}`), { align: 'center' })
        .moveDown(2);
      pdf
        .fontSize(14)
        .text('Le préfet du Puy-de-Dôme décerne ce diplôme à', { align: 'center' })
        .moveDown();
      pdf.font('Helvetica-Bold').fontSize(22).text(pdfSafe(name), { align: 'center' }).moveDown(2);
      pdf
        .font('Helvetica')
        .fontSize(11)
        .text(pdfSafe(`Arrêté n° ${model.number} du ${frLongDate(model.date)}${promotion}`), {
          align: 'center',
        });
    } else {
      pdf
        .font('Helvetica-Bold')
        .fontSize(10)
        .text('PRÉFET DU PUY-DE-DÔME')
        .text('Cabinet du préfet')
        .moveDown(3);
      pdf.font('Helvetica').fontSize(10).text(pdfSafe(name), { align: 'right' });
      if (r.address) pdf.text(pdfSafe(r.address), { align: 'right' });
      if (r.communeName) pdf.text(pdfSafe(r.communeName), { align: 'right' });
      pdf
        .moveDown(2)
        .text(pdfSafe(`Clermont-Ferrand, le ${frLongDate(model.date)}`), { align: 'right' })
        .moveDown(2);
      pdf.text(pdfSafe(`Réf. : ${r.reference}`)).moveDown();
      pdf.text(pdfSafe(`${r.civility === 'Mme' ? 'Madame' : 'Monsieur'},`)).moveDown();
      pdf
        .text(
          pdfSafe(
            `J'ai le plaisir de vous informer que, par arrêté n° ${model.number} du ${frLongDate(model.date)}, la ${distinctionName.charAt(0).toLowerCase()}${distinctionName.slice(1)}, échelon ${echelon}, vous a été décernée${promotion}.`,
          ),
          { align: 'justify' },
        )
        .moveDown();
      pdf
        .text(
          pdfSafe(
            "Le diplôme correspondant vous sera remis lors d'une cérémonie dont la date vous sera communiquée. Je vous adresse mes sincères félicitations.",
          ),
          { align: 'justify' },
        )
        .moveDown();
      pdf
        .text(
          pdfSafe(
            `Je vous prie d'agréer, ${r.civility === 'Mme' ? 'Madame' : 'Monsieur'}, l'expression de mes salutations distinguées.`,
          ),
        )
        .moveDown(2);
      pdf.text('Le préfet', { align: 'right' });
    }
  });
  pdf.end();
  return done;
}
