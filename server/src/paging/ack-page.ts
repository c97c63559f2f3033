import { SEVERITY_LABELS, formatParisTime } from './message';
import type { PageSeverity } from '../contracts/paging';

export type AckPageState =
  | { kind: 'invalid' }
  | { kind: 'expired' }
  | { kind: 'pending'; action: string; page: AckPageInfo }
  | { kind: 'confirmed'; page: AckPageInfo; at: Date }
  | { kind: 'already'; page: AckPageInfo; at: Date };

export interface AckPageInfo {
  title: string;
  message: string;
  severity: PageSeverity;
  exercise: boolean;
  recipientName: string;
  sentAt: Date;
}

const STATUS: Record<AckPageState['kind'], number> = { invalid: 400, expired: 410, pending: 200, confirmed: 200, already: 200 };

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font-family:Marianne,Arial,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#161616}
h1{font-size:1.5rem}.exercice{background:#fff3cd;border:2px solid #b34000;padding:.5rem;font-weight:bold}
.message{white-space:pre-wrap;border-left:4px solid #000091;padding-left:1rem}
button{background:#000091;color:#fff;border:0;padding:.75rem 1.5rem;font-size:1.1rem;cursor:pointer}
.ok{color:#18753c;font-weight:bold}.muted{color:#666}`;

function details(page: AckPageInfo): string {
  return `${page.exercise ? '<p class="exercice">EXERCICE – EXERCICE – EXERCICE</p>' : ''}
<p><strong>${esc(SEVERITY_LABELS[page.severity])} – ${esc(page.title)}</strong></p>
<p class="message">${esc(page.message)}</p>
<p class="muted">Envoyée le ${esc(formatParisTime(page.sentAt))} à ${esc(page.recipientName)}.</p>`;
}

/**
 * The public acknowledgement page: GET shows the alert and a form, POST records it. A GET
 * never acknowledges (mail scanners and link previews open links). No script: the console's
 * strict CSP applies to it.
 */
export function renderAckPage(state: AckPageState): { status: number; html: string } {
  let title: string;
  let body: string;
  switch (state.kind) {
    case 'invalid':
      title = 'Lien invalide';
      body = '<p>Ce lien d’accusé de réception n’est pas valide. Contactez la préfecture (SIDPC).</p>';
      break;
    case 'expired':
      title = 'Lien expiré';
      body = '<p>Ce lien d’accusé de réception a expiré. Contactez la préfecture (SIDPC) pour confirmer la réception.</p>';
      break;
    case 'pending':
      title = 'Confirmer la réception';
      body = `${details(state.page)}
<form method="post" action="${esc(state.action)}"><button type="submit">Confirmer la réception</button></form>`;
      break;
    case 'confirmed':
      title = 'Réception confirmée';
      body = `<p class="ok">Réception confirmée le ${esc(formatParisTime(state.at))}. Merci.</p>${details(state.page)}`;
      break;
    case 'already':
      title = 'Réception déjà confirmée';
      body = `<p class="ok">La réception de cette alerte a déjà été confirmée le ${esc(formatParisTime(state.at))}.</p>${details(state.page)}`;
      break;
  }
  return {
    status: STATUS[state.kind],
    html: `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)} – Vigie</title><style>${STYLE}</style></head>
<body><header><p class="muted">Préfecture du Puy-de-Dôme – Vigie</p></header><main><h1>${esc(title)}</h1>
${body}</main></body></html>`,
  };
}
