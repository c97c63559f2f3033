/** The published faces of a communiqué: its PDF with the préfecture header, the Atom feed and the public page. */
import { COMMUNIQUE_KIND_LABELS, type PublicCommunique } from '../contracts/press';
import type { Communique } from './communique.entity';
import { escapeHtml, parseBlocks, inlineText } from './markdown';
import { BODY_FONT, BOLD_FONT, ITALIC_FONT, pdfText, prefectureHeader, pressDocument } from './press-pdf';

const parisLong = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
const parisDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

export function renderCommuniquePdf(c: Communique): Promise<Buffer> {
  const pdf = pressDocument(`${c.reference} — ${c.title}`);
  const { doc, width } = pdf;
  prefectureHeader(doc, width);
  const dated = c.publishedAt ?? c.validatedAt ?? c.updatedAt;
  doc.font(BODY_FONT).fontSize(10).text(pdfText(`Clermont-Ferrand, le ${parisLong.format(dated)}`), { width, align: 'right' });
  doc.moveDown(1.5);
  doc.font(BOLD_FONT).fontSize(11).fillColor('#000091').text(pdfText(COMMUNIQUE_KIND_LABELS[c.kind].toUpperCase()), { width, align: 'center' });
  doc.fillColor('black').font(BODY_FONT).fontSize(9).text(pdfText(`${c.reference} · ${c.theme}`), { width, align: 'center' });
  if (c.embargoUntil) doc.font(BOLD_FONT).fontSize(9).fillColor('#c00000').text(pdfText(`Sous embargo jusqu'au ${parisDateTime.format(c.embargoUntil)}`), { width, align: 'center' }).fillColor('black');
  if (c.status !== 'publie' && c.status !== 'valide') doc.font(BOLD_FONT).fontSize(9).fillColor('#c00000').text('PROJET — NON VALIDÉ', { width, align: 'center' }).fillColor('black');
  doc.moveDown(1);
  doc.font(BOLD_FONT).fontSize(15).text(pdfText(c.title), { width, align: 'center' });
  doc.moveDown(1);
  for (const block of parseBlocks(c.body)) {
    if (block.kind === 'ul') for (const item of block.items) doc.font(BODY_FONT).fontSize(11).text(pdfText(`–  ${inlineText(item)}`), { width, indent: 12 });
    else if (block.kind === 'p') doc.font(BODY_FONT).fontSize(11).text(pdfText(inlineText(block.text)), { width, align: 'justify' });
    else doc.font(BOLD_FONT).fontSize(block.kind === 'h2' ? 12.5 : 11.5).text(pdfText(inlineText(block.text)), { width });
    doc.moveDown(0.6);
  }
  if (c.attachments.length) {
    doc.moveDown(0.5).font(BOLD_FONT).fontSize(10).text('Pièces jointes', { width });
    for (const a of c.attachments) doc.font(BODY_FONT).fontSize(9).text(pdfText(`${a.name} : ${a.url}`), { width });
  }
  doc.moveDown(1.5);
  doc.font(ITALIC_FONT).fontSize(9).fillColor('#333333').text('Contact presse : Préfecture du Puy-de-Dôme — Service de la communication interministérielle — pref-communication@puy-de-dome.gouv.fr', { width });
  return pdf.finish({ exercise: c.exercise, footer: c.reference });
}

/** Atom 1.0 (RFC 4287) feed of published communiqués; content as escaped HTML. */
export function renderAtom(items: PublicCommunique[], baseUrl: string): string {
  const updated = items[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = items
    .map(
      (c) => `  <entry>
    <id>urn:uuid:${c.id}</id>
    <title>${escapeHtml(c.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeHtml(`${baseUrl}/api/public/communiques/${c.id}.html`)}"/>
    <updated>${c.publishedAt}</updated>
    <published>${c.publishedAt}</published>
    <category term="${escapeHtml(c.theme)}"/>
    <summary>${escapeHtml(`${COMMUNIQUE_KIND_LABELS[c.kind]} ${c.reference}`)}</summary>
    <content type="html">${escapeHtml(c.html)}</content>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>${escapeHtml(`${baseUrl}/api/public/communiques.atom`)}</id>
  <title>Préfecture du Puy-de-Dôme — communiqués de presse</title>
  <link rel="self" type="application/atom+xml" href="${escapeHtml(`${baseUrl}/api/public/communiques.atom`)}"/>
  <link rel="alternate" type="text/html" href="${escapeHtml(`${baseUrl}/api/public/communiques.html`)}"/>
  <author><name>Préfecture du Puy-de-Dôme</name></author>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}

function article(c: PublicCommunique, heading: 'h1' | 'h2', baseUrl: string): string {
  const title = heading === 'h2' ? `<a href="${escapeHtml(`${baseUrl}/api/public/communiques/${c.id}.html`)}">${escapeHtml(c.title)}</a>` : escapeHtml(c.title);
  const attachments = c.attachments.length
    ? `<ul>${c.attachments.map((a) => `<li><a href="${escapeHtml(a.url)}">${escapeHtml(a.name)}</a></li>`).join('')}</ul>`
    : '';
  return `<article id="${escapeHtml(c.reference)}">
<${heading}>${title}</${heading}>
<p><small>${escapeHtml(COMMUNIQUE_KIND_LABELS[c.kind])} · ${escapeHtml(c.theme)} · ${escapeHtml(c.reference)} · publié le <time datetime="${c.publishedAt}">${escapeHtml(parisDateTime.format(new Date(c.publishedAt)))}</time></small></p>
${c.html}
${attachments}
</article>`;
}

/** The public page (what the préfecture website pulls): plain HTML, no script, no inline style. */
export function renderPublicPage(items: PublicCommunique[], baseUrl: string, single = false): string {
  const title = single && items[0] ? items[0].title : 'Communiqués de presse';
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Préfecture du Puy-de-Dôme</title>
<link rel="alternate" type="application/atom+xml" title="Communiqués" href="${escapeHtml(`${baseUrl}/api/public/communiques.atom`)}">
</head>
<body>
<header><p><strong>PRÉFET DU PUY-DE-DÔME</strong><br><em>Liberté, Égalité, Fraternité</em></p></header>
<main>
${single ? '' : '<h1>Communiqués de presse</h1>'}
${items.length ? items.map((c) => article(c, single ? 'h1' : 'h2', baseUrl)).join('\n<hr>\n') : '<p>Aucun communiqué publié.</p>'}
</main>
<footer><p><a href="${escapeHtml(`${baseUrl}/api/public/communiques.atom`)}">Flux Atom</a></p></footer>
</body>
</html>
`;
}
