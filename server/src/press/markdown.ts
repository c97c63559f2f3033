/**
 * The communiqués' rich text: a small Markdown subset rendered by us, so no HTML typed by a user
 * ever reaches a page. Blocks: paragraphs (blank line between), `## ` / `### ` headings, `- `
 * lists. Inline: `**gras**`, `*italique*`, `[texte](https://…)`. Everything else is text,
 * escaped.
 */

import { escapeHtml } from '../common/html';

export { escapeHtml };

type Block = { kind: 'p' | 'h2' | 'h3'; text: string } | { kind: 'ul'; items: string[] };

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'p', text: paragraph.join('\n') });
    if (list) blocks.push({ kind: 'ul', items: list });
    paragraph = [];
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{2,3})\s+(.+)$/.exec(line);
    const item = /^\s*[-*]\s+(.+)$/.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      blocks.push({ kind: heading[1].length === 2 ? 'h2' : 'h3', text: heading[2].trim() });
    } else if (item) {
      if (paragraph.length) flush();
      (list ??= []).push(item[1].trim());
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** Inline markup to HTML: the text is escaped first, then the few constructs are applied. */
export function renderInline(text: string): string {
  const links: string[] = [];
  // the private-use placeholders cannot come from the user
  const withoutLinks = text.replace(/[\uE000\uE001]/g, '').replace(LINK, (_, label: string, url: string) => {
    links.push(`<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`);
    return `\uE000${links.length - 1}\uE001`;
  });
  return escapeHtml(withoutLinks)
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*\n]+)\*/g, '<em>$1</em>')
    .replace(/\n/g, '<br>')
    .replace(/\uE000(\d+)\uE001/g, (_, i: string) => links[Number(i)]);
}

export function renderHtml(source: string): string {
  return parseBlocks(source)
    .map((b) => (b.kind === 'ul' ? `<ul>${b.items.map((i) => `<li>${renderInline(i)}</li>`).join('')}</ul>` : `<${b.kind}>${renderInline(b.text)}</${b.kind}>`))
    .join('\n');
}

/** Inline markup removed, links as `texte (url)`. */
export function inlineText(text: string): string {
  return text
    .replace(LINK, '$1 ($2)')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/\*([^*\n]+)\*/g, '$1');
}

/** Plain text for e-mails and PDFs: headings in capitals, list items with a dash. */
export function renderText(source: string): string {
  return parseBlocks(source)
    .map((b) => {
      if (b.kind === 'ul') return b.items.map((i) => `– ${inlineText(i)}`).join('\n');
      if (b.kind === 'p') return inlineText(b.text);
      return inlineText(b.text).toUpperCase();
    })
    .join('\n\n');
}
