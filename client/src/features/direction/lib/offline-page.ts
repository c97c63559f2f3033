/**
 * The offline direction page the service worker serves at /direction when the network is gone:
 * the last overview it kept, as static HTML (no script, no session needed), with its time.
 * Imported only by the service worker: it must import nothing the app also imports (the worker
 * is one self-contained file), hence its own copy of the few labels it shows.
 */
/** Labels the offline page needs (the worker imports nothing: a copy of the contract's). */
const COD_LABELS: Record<string, string> = {
  veille: 'Veille',
  pre_alerte: 'Pré-alerte',
  active_restreint: 'COD activé — configuration restreinte',
  active_elargi: 'COD activé — configuration élargie',
};
const COUNTERS: Record<string, string> = {
  decedes: 'Décédés',
  urgences_absolues: 'Urgences absolues',
  urgences_relatives: 'Urgences relatives',
  impliques: 'Impliqués',
  evacues: 'Évacués',
  heberges: 'Hébergés',
  foyers_sans_electricite: "Foyers privés d'électricité",
  routes_coupees: 'Routes coupées',
};

export interface OfflineOverview {
  generatedAt: string;
  cod: { level: string };
  crises: { crisis: { title: string; exercise: boolean }; bilan: Record<string, number | undefined>; openTasks: number; overdueTasks: number }[];
  pendingDecisions: { question: string; urgency: string; requestedByName: string }[];
  feed: { recordedAt: string; text: string }[];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const paris = (iso: string, withDay = false) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    ...(withDay ? { day: 'numeric', month: 'long' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/** The last known state as a static page: readable with no network, no session, no script. */
export function offlineDirectionPage(o: OfflineOverview): string {
  const crises = o.crises
    .map((c) => {
      const counters = Object.entries(COUNTERS)
        .filter(([k]) => (c.bilan[k] ?? 0) > 0)
        .map(([k, label]) => `<li>${esc(label)} : <strong>${c.bilan[k] ?? 0}</strong></li>`)
        .join('');
      return `<article><h3>${c.crisis.exercise ? '[EXERCICE] ' : ''}${esc(c.crisis.title)}</h3><ul>${counters || '<li>Aucun bilan déclaré.</li>'}</ul><p>${c.openTasks} mission(s) en cours, ${c.overdueTasks} en retard.</p></article>`;
    })
    .join('');
  const decisions = o.pendingDecisions
    .map((d) => `<li>${d.urgency === 'urgente' ? '<strong>URGENT</strong> — ' : ''}${esc(d.question)} (${esc(d.requestedByName)})</li>`)
    .join('');
  const feed = o.feed.map((e) => `<li>${paris(e.recordedAt)} — ${esc(e.text)}</li>`).join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Direction (hors ligne) — Vigie</title><link rel="manifest" href="/manifest.webmanifest"><meta name="theme-color" content="#000091">
<style>body{font-family:Marianne,Arial,sans-serif;margin:0;padding:12px;max-width:44rem;color:#161616}h1{font-size:1.5rem;margin:.25rem 0}
.off{background:#ffe9e6;border-left:6px solid #b34000;padding:8px;font-weight:700}article{border:1px solid #ddd;padding:8px;margin:8px 0}h2{font-size:1.15rem;margin-top:1.25rem}h3{font-size:1rem;margin:0 0 4px}</style></head>
<body><main><h1>Direction</h1><p class="off" role="status">Hors ligne — dernier état connu le ${paris(o.generatedAt, true)}. Les données ne sont plus à jour.</p>
<h2>Niveau du COD</h2><p><strong>${esc(COD_LABELS[o.cod.level] ?? o.cod.level)}</strong></p>
<h2>Décisions en attente (${o.pendingDecisions.length})</h2>${decisions ? `<ul>${decisions}</ul>` : '<p>Aucune décision en attente.</p>'}
<h2>Crises en cours</h2>${crises || '<p>Aucune crise en cours.</p>'}
<h2>Fil de situation</h2>${feed ? `<ol>${feed}</ol>` : '<p>Aucun fait promu.</p>'}
<p><a href="/direction">Réessayer</a></p></main></body></html>`;
}

