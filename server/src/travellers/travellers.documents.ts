/**
 * Documents of the unlawful-settlement procedure, as PDF (pdfkit, built-in Helvetica):
 * the arrêté portant mise en demeure de quitter les lieux, and the arrêté portant évacuation
 * forcée. Pure functions of the record and the time of printing; times in Europe/Paris.
 */
import PDFDocument from 'pdfkit';
import {
  COMPLIANCE_LABELS,
  HARM_KIND_LABELS,
  REQUESTER_LABELS,
  type Requester,
} from '../contracts/travellers';
import { pdfText } from '../logbook/logbook.export';
import { formatIsoDate, formatParis } from './delays';
import type { UnlawfulSettlement } from './travellers.entity';

export type SettlementDocumentKind = 'mise-en-demeure' | 'evacuation';

export interface SettlementDocumentData {
  settlement: UnlawfulSettlement;
  communeName: string;
  /** The commune's competent force (territorial reference), when known. */
  force: { kind: 'police' | 'gendarmerie'; unit: string; zone: string } | null;
  printedAt: Date;
}

export interface DocumentProblem {
  path: string;
  message: string;
}

/** What a document needs of the procedure before it can be printed. */
export function documentProblems(
  kind: SettlementDocumentKind,
  s: UnlawfulSettlement,
  now: Date,
): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  if (!s.noticeNumber || !s.notifiedAt || !s.executionDeadline)
    problems.push({ path: 'status', message: 'the mise en demeure has not been issued' });
  if (kind === 'evacuation') {
    if (s.status === 'recours_pendant')
      problems.push({ path: 'status', message: 'an appeal is pending: eviction is blocked' });
    else if (s.status !== 'mise_en_demeure' && s.status !== 'evacue')
      problems.push({ path: 'status', message: `no eviction from ${s.status}` });
    else if (s.status === 'mise_en_demeure' && s.executionDeadline && now < s.executionDeadline)
      problems.push({
        path: 'executionDeadline',
        message: `the execution delay runs until ${formatParis(s.executionDeadline)}`,
      });
  }
  return problems;
}

/** `mise-en-demeure-GDV-2026-004.pdf` */
export function documentFilename(kind: SettlementDocumentKind, reference: string): string {
  return `${kind}-${reference}.pdf`;
}

const VISAS = [
  'Vu le code général des collectivités territoriales ;',
  'Vu la loi n° 2000-614 du 5 juillet 2000 modifiée relative à l’accueil et à l’habitat des gens du voyage, notamment ses articles 9 et 9-1 ;',
  'Vu le schéma départemental d’accueil et d’habitat des gens du voyage du Puy-de-Dôme 2023-2028, signé le 5 mai 2023 ;',
];

function paragraphs(
  kind: SettlementDocumentKind,
  d: SettlementDocumentData,
): { title: string; lines: string[]; articles: string[] } {
  const s = d.settlement;
  const where = `${s.place}, commune de ${d.communeName}`;
  const requester = s.requester ? REQUESTER_LABELS[s.requester as Requester] : 'Le demandeur';
  const visas = [
    ...VISAS,
    `Vu l’arrêté municipal n° ${s.banOrderNumber ?? '—'} du ${s.banOrderDate ? formatIsoDate(s.banOrderDate) : '—'} interdisant le stationnement des résidences mobiles en dehors des aires aménagées ;`,
    `Vu la demande présentée par ${requester.toLowerCase()}${s.requesterName ? ` (${s.requesterName})` : ''}${s.requestReceivedAt ? `, reçue le ${formatParis(s.requestReceivedAt)}` : ''} ;`,
    `Vu le constat du ${formatParis(s.observedAt)} : ${s.caravans} résidence(s) mobile(s) stationnée(s) ${s.landKind === 'prive' ? `sur un terrain privé${s.landOwner ? ` appartenant à ${s.landOwner}` : ''}` : 'sur le domaine public'}, ${where} ;`,
  ];
  const considering = [
    `Considérant que la commune de ${d.communeName} est ${s.compliance ? COMPLIANCE_LABELS[s.compliance].toLowerCase() : '—'}${s.complianceNote ? ` (${s.complianceNote})` : ''} ;`,
    `Considérant que ce stationnement est de nature à porter atteinte à la ${s.harmKinds.map((k) => HARM_KIND_LABELS[k].toLowerCase()).join(', ')} : ${s.harmFacts ?? ''} ;`,
  ];
  if (kind === 'mise-en-demeure') {
    return {
      title: `Arrêté n° ${s.noticeNumber ?? '—'} portant mise en demeure de quitter les lieux`,
      lines: [...visas, ...considering],
      articles: [
        `Les occupants des résidences mobiles stationnées ${where}${s.groupName ? ` (groupe ${s.groupName})` : ''} sont mis en demeure de quitter les lieux dans un délai de ${s.delayHours ?? '—'} heures à compter de la notification du présent arrêté, soit au plus tard le ${s.executionDeadline ? formatParis(s.executionDeadline) : '—'} (heure de Paris).`,
        'À défaut d’exécution dans ce délai, et en l’absence de recours pendant, il pourra être procédé à l’évacuation forcée des résidences mobiles.',
        `La présente mise en demeure reste applicable pendant ${s.reuseUntil && s.notifiedAt ? 'sept jours, jusqu’au ' + formatParis(s.reuseUntil) : 'sept jours'}, si les mêmes occupants se réinstallent en violation du même arrêté municipal dans la commune.`,
        'Le présent arrêté peut faire l’objet d’un recours devant le tribunal administratif de Clermont-Ferrand dans le délai d’exécution fixé à l’article 1er. Ce recours est suspensif ; le tribunal statue dans un délai de quarante-huit heures.',
        `Le présent arrêté est notifié aux occupants, affiché en mairie et sur les lieux${s.landKind === 'prive' ? ', et notifié au propriétaire du terrain' : ''}. Notification : ${s.notifiedAt ? formatParis(s.notifiedAt) : '—'}.`,
      ],
    };
  }
  return {
    title: `Arrêté portant évacuation forcée de résidences mobiles (${s.reference})`,
    lines: [
      ...visas,
      `Vu l’arrêté n° ${s.noticeNumber ?? '—'} portant mise en demeure, notifié le ${s.notifiedAt ? formatParis(s.notifiedAt) : '—'} ;`,
      ...considering,
      `Considérant que le délai d’exécution a expiré le ${s.executionDeadline ? formatParis(s.executionDeadline) : '—'} sans que la mise en demeure ait été exécutée${s.appealOutcome === 'rejete' ? ', et que le recours formé contre elle a été rejeté' : ', et qu’aucun recours n’est pendant'} ;`,
    ],
    articles: [
      `Il est procédé à l’évacuation forcée des résidences mobiles stationnées ${where}.`,
      d.force
        ? `${d.force.kind === 'police' ? 'Le directeur interdépartemental de la police nationale' : 'Le commandant du groupement de gendarmerie départementale du Puy-de-Dôme'} est chargé de l’exécution du présent arrêté, avec le concours de l’unité territorialement compétente : ${d.force.unit} (${d.force.zone}).`
        : 'Le commandant du groupement de gendarmerie ou le directeur départemental de la police nationale territorialement compétent est chargé de l’exécution du présent arrêté.',
      'Le présent arrêté peut faire l’objet d’un recours devant le tribunal administratif de Clermont-Ferrand dans un délai de deux mois.',
    ],
  };
}

/** The document as a PDF buffer. */
export function renderSettlementDocument(
  kind: SettlementDocumentKind,
  d: SettlementDocumentData,
): Promise<Buffer> {
  const { title, lines, articles } = paragraphs(kind, d);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: pdfText(title),
      Author: 'Préfecture du Puy-de-Dôme — Vigie',
      Subject: d.settlement.reference,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 128;
  pdf.font('Helvetica-Bold').fontSize(11).text(pdfText('PRÉFET DU PUY-DE-DÔME'), { width });
  pdf.font('Helvetica').fontSize(9).text(pdfText('Liberté\nÉgalité\nFraternité'), { width });
  pdf
    .moveDown(0.5)
    .text(pdfText('Cabinet du préfet — Bureau de la sécurité intérieure'), { width });
  pdf.text(pdfText(`Procédure ${d.settlement.reference}`), { width });
  pdf
    .moveDown(1.5)
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(pdfText(title), { width, align: 'center' });
  pdf
    .moveDown(1)
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(pdfText('Le préfet du Puy-de-Dôme,'), { width });
  pdf.moveDown(0.5).font('Helvetica').fontSize(10);
  for (const line of lines) pdf.text(pdfText(line), { width, align: 'justify' }).moveDown(0.3);
  pdf.moveDown(0.5).font('Helvetica-Bold').text('ARRÊTE', { width, align: 'center' }).moveDown(0.5);
  articles.forEach((article, i) => {
    pdf
      .font('Helvetica-Bold')
      .text(pdfText(i === 0 ? 'Article 1er' : `Article ${i + 1}`), { width });
    pdf.font('Helvetica').text(pdfText(article), { width, align: 'justify' }).moveDown(0.5);
  });
  pdf
    .moveDown(1)
    .text(pdfText(`Fait à Clermont-Ferrand, le ${formatParis(d.printedAt)}`), {
      width,
      align: 'right',
    })
    .moveDown(0.3)
    .text(pdfText('Pour le préfet et par délégation, le directeur de cabinet'), {
      width,
      align: 'right',
    });
  pdf.end();
  return done;
}
