import { escapeHtml } from '../common/html';
import type { ElectionTotals } from '../contracts/elections';

const nb = (n: number) => n.toLocaleString('fr-FR');
const pct = (n: number) =>
  `${n.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;

/**
 * The public results page of a scrutin (served only after the publication gate): one table per
 * circonscription, candidates by votes, with the outcome. Plain HTML, no script.
 */
export function renderPublicResults(r: {
  label: string;
  date: string;
  round: number;
  totals: ElectionTotals;
}): string {
  const day = r.date.split('-').reverse().join('/');
  const races = r.totals.races
    .map((race) => {
      const rows = [...race.candidates]
        .sort((a, b) => b.voix - a.voix)
        .map(
          (c) =>
            `<tr><th scope="row">${escapeHtml(c.label)}${c.nuance ? ` (${escapeHtml(c.nuance)})` : ''}</th>` +
            `<td>${nb(c.voix)}</td><td>${pct(c.pctExprimes)}</td><td>${pct(c.pctInscrits)}</td>` +
            `<td>${c.elected ? 'Élu' : c.qualified ? 'Qualifié' : ''}${c.seats !== null ? ` — ${c.seats} siège(s)` : ''}</td></tr>`,
        )
        .join('\n');
      return `<section>
<h2>${escapeHtml(race.label)}</h2>
<p>${nb(race.arrived)} bureau(x) sur ${nb(race.bureaux)} · inscrits ${nb(race.inscrits)} · votants ${nb(race.votants)} · blancs ${nb(race.blancs)} · nuls ${nb(race.nuls)} · exprimés ${nb(race.exprimes)}</p>
${race.outcome ? `<p><strong>${escapeHtml(race.outcome)}</strong></p>` : ''}
<table>
<caption>Résultats — ${escapeHtml(race.label)}</caption>
<thead><tr><th scope="col">Candidature</th><th scope="col">Voix</th><th scope="col">% exprimés</th><th scope="col">% inscrits</th><th scope="col">Résultat</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(r.label)} — résultats — Préfecture du Puy-de-Dôme</title></head>
<body>
<header><p>Préfecture du Puy-de-Dôme</p></header>
<main>
<h1>${escapeHtml(r.label)} — ${r.round === 1 ? '1er' : `${r.round}e`} tour du ${day}</h1>
<p>Résultats centralisés par la préfecture : ${nb(r.totals.arrived)} bureau(x) sur ${nb(r.totals.bureaux)}, mis à jour le ${escapeHtml(new Date(r.totals.computedAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }))}.</p>
${races}
</main>
</body>
</html>
`;
}
