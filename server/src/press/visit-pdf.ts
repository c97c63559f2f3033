/** The visit folder: programme minute by minute, officials to inform, contacts, security and notes. */
import { VISIT_KIND_LABELS, VISIT_STATUS_LABELS, type Visit } from '../contracts/press';
import { BODY_FONT, BOLD_FONT, pdfText, prefectureHeader, pressDocument } from './press-pdf';

const time = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

const FUNCTION_LABELS: Record<string, string> = {
  maire: 'Maire',
  depute: 'Député(e)',
  senateur: 'Sénateur / sénatrice',
  conseiller_departemental: 'Conseiller(ère) départemental(e)',
};

export function renderVisitPdf(v: Visit): Promise<Buffer> {
  const pdf = pressDocument(`Dossier de visite — ${v.title}`);
  const { doc, width } = pdf;
  const left = doc.page.margins.left;
  prefectureHeader(doc, width, 'Cabinet du préfet — Protocole et déplacements');
  doc.font(BOLD_FONT).fontSize(16).text(pdfText(`Dossier de visite : ${v.title}`), { width });
  doc.font(BODY_FONT).fontSize(10).text(pdfText(`${VISIT_KIND_LABELS[v.kind]} — ${v.authority} — ${VISIT_STATUS_LABELS[v.status]}`), { width });
  doc.text(pdfText(`${day.format(new Date(v.startsAt))}, de ${time.format(new Date(v.startsAt))} à ${time.format(new Date(v.endsAt))}`), { width });
  doc.text(pdfText(`Communes : ${v.communes.map((c) => c.name).join(', ')}`), { width });
  if (v.purpose) doc.moveDown(0.5).text(pdfText(`Objet : ${v.purpose}`), { width });
  if (v.conflicts.length)
    doc.moveDown(0.5).font(BOLD_FONT).fillColor('#c00000').text(pdfText(`Conflit d'agenda : ${v.conflicts.map((c) => `${c.title} (${dateTime.format(new Date(c.startsAt))})`).join(' ; ')}`), { width }).fillColor('black');

  const section = (title: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(1).font(BOLD_FONT).fontSize(12).fillColor('#000091').text(pdfText(title), left, doc.y, { width }).fillColor('black').moveDown(0.3);
  };
  section('Programme');
  if (v.sequences.length === 0) doc.font(BODY_FONT).fontSize(10).text('Programme à établir.', { width });
  for (const s of v.sequences) {
    if (doc.y > doc.page.height - 100) doc.addPage();
    const y = doc.y;
    doc.font(BOLD_FONT).fontSize(10).text(pdfText(`${time.format(new Date(s.startsAt))} – ${time.format(new Date(s.endsAt))}`), left, y, { width: 80 });
    doc.font(BOLD_FONT).fontSize(10).text(pdfText(`${s.title} — ${s.place}`), left + 85, y, { width: width - 85 });
    doc.font(BODY_FONT).fontSize(9).text(pdfText(`Presse ${s.press === 'ouverte' ? 'ouverte' : 'fermée'}${s.dress ? ` · Tenue : ${s.dress}` : ''}`), left + 85, doc.y, { width: width - 85 });
    if (s.participants) doc.text(pdfText(`Participants : ${s.participants}`), left + 85, doc.y, { width: width - 85 });
    doc.moveDown(0.4);
  }
  section('Élus à informer');
  if (v.officials.length === 0) doc.font(BODY_FONT).fontSize(10).text('Aucun élu trouvé dans le référentiel.', left, doc.y, { width });
  for (const o of v.officials) {
    const informed = o.informedAt ? `informé(e) le ${dateTime.format(new Date(o.informedAt))}` : 'NON INFORMÉ(E)';
    doc.font(o.informedAt ? BODY_FONT : BOLD_FONT).fontSize(9.5).text(pdfText(`${FUNCTION_LABELS[o.function] ?? o.function} — ${o.name}${o.title ? ` (${o.title})` : ''} — ${[o.mobile, o.email].filter(Boolean).join(' · ')} — ${informed}`), left, doc.y, { width });
  }
  if (v.guests) {
    section('Invités');
    doc.font(BODY_FONT).fontSize(10).text(pdfText(v.guests), left, doc.y, { width });
  }
  if (v.security) {
    section('Dispositif de sécurité');
    doc.font(BODY_FONT).fontSize(10).text(pdfText(v.security), left, doc.y, { width });
  }
  if (v.notes) {
    section('Notes');
    doc.font(BODY_FONT).fontSize(10).text(pdfText(v.notes), left, doc.y, { width });
  }
  return pdf.finish({ footer: `Dossier de visite — ${v.title}` });
}
