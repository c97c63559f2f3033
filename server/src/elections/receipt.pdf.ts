/**
 * Récépissé de déclaration de candidature (provisional or definitive), numbered per scrutin.
 * Pure rendering with pdfkit's built-in Helvetica; times in Paris.
 */
import PDFDocument from 'pdfkit';
import {
  CANDIDATURE_STATUS_LABELS,
  type CandidatureDto,
  ELECTION_TYPE_LABELS,
  type ScrutinSummary,
} from '../contracts/elections';
import { pdfText } from '../logbook/logbook.export';
import { parisLong } from './paris-time';

export interface ReceiptData {
  kind: 'provisoire' | 'definitif';
  scrutin: Pick<ScrutinSummary, 'label' | 'type' | 'date' | 'round'>;
  circonscriptionLabel: string;
  candidature: CandidatureDto;
  issuedAt: Date;
}

const long = (iso: string | Date) => parisLong(new Date(iso));

export function renderReceipt(data: ReceiptData): Promise<Buffer> {
  const c = data.candidature;
  const receipt = data.kind === 'provisoire' ? c.provisionalReceipt : c.definitiveReceipt;
  const title = `Récépissé ${data.kind === 'provisoire' ? 'provisoire' : 'définitif'} de déclaration de candidature`;
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: title, Author: 'Vigie' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const t = (s: string) => pdfText(s);
  pdf.font('Helvetica-Bold').fontSize(11).text('PRÉFET DU PUY-DE-DÔME');
  pdf.font('Helvetica').fontSize(9).text('Cabinet du préfet — Bureau des élections').moveDown(2);
  pdf.font('Helvetica-Bold').fontSize(15).text(t(title), { align: 'center' });
  pdf
    .font('Helvetica')
    .fontSize(11)
    .text(`N° ${receipt?.number ?? '—'}`, { align: 'center' })
    .moveDown(1.5);
  const line = (label: string, value: string) => {
    pdf
      .font('Helvetica-Bold')
      .text(t(`${label} : `), { continued: true })
      .font('Helvetica')
      .text(t(value));
  };
  line(
    'Scrutin',
    `${data.scrutin.label} (${ELECTION_TYPE_LABELS[data.scrutin.type]}, ${data.scrutin.round === 1 ? '1er' : '2nd'} tour du ${data.scrutin.date.split('-').reverse().join('/')})`,
  );
  line('Circonscription', data.circonscriptionLabel);
  line(c.kind === 'liste' ? 'Liste' : 'Candidature', c.label);
  if (c.etiquette) line('Étiquette', c.etiquette);
  if (c.nuance) line('Nuance attribuée', c.nuance);
  if (c.panel) line('Panneau', String(c.panel));
  line('Déposée par', c.depositor);
  line('Déposée le', long(c.depositedAt));
  line('Statut', CANDIDATURE_STATUS_LABELS[c.status]);
  pdf.moveDown();
  pdf.font('Helvetica-Bold').text('Composition');
  pdf.font('Helvetica').fontSize(10);
  for (const m of [...c.members].sort((a, b) =>
    a.role === b.role ? a.rank - b.rank : a.role === 'titulaire' ? -1 : 1,
  )) {
    const role =
      m.role === 'titulaire' ? (c.kind === 'liste' ? `${m.rank}.` : 'Titulaire') : 'Remplaçant(e)';
    pdf.text(
      t(
        `${role} ${m.lastName.toUpperCase()} ${m.firstName} (${m.sex === 'F' ? 'Mme' : 'M.'}), né(e) le ${m.birthDate.split('-').reverse().join('/')}${m.birthPlace ? ` à ${m.birthPlace}` : ''}`,
      ),
    );
  }
  pdf.moveDown(1.5).fontSize(10);
  pdf.text(
    t(
      data.kind === 'provisoire'
        ? 'Le présent récépissé provisoire atteste le dépôt de la déclaration. Il ne préjuge pas de sa recevabilité : le récépissé définitif est délivré après examen du dossier.'
        : 'Le présent récépissé définitif atteste l’enregistrement de la déclaration de candidature.',
    ),
  );
  pdf.moveDown(2).text(t(`Fait à Clermont-Ferrand, le ${long(receipt?.at ?? data.issuedAt)}`), {
    align: 'right',
  });
  pdf.text('Pour le préfet et par délégation', { align: 'right' });
  pdf.end();
  return done;
}
