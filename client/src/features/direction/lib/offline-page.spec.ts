import { offlineDirectionPage } from './offline-page';

describe('offlineDirectionPage', () => {
  const overview = {
    generatedAt: '2026-03-14T17:05:00Z',
    cod: { level: 'active_restreint' },
    crises: [{ crisis: { title: 'Crue <Allier>', exercise: true }, bilan: { evacues: 42, heberges: 0 }, openTasks: 3, overdueTasks: 1 }],
    pendingDecisions: [{ question: 'Évacuer le camping ?', urgency: 'urgente', requestedByName: 'Opératrice Martin' }],
    feed: [{ recordedAt: '2026-03-14T16:50:00Z', text: 'Digue surveillée & renforcée' }],
  };

  it('shows the last known state with its Paris time, escaped, with no script', () => {
    const html = offlineDirectionPage(overview);
    expect(html).toContain('Hors ligne — dernier état connu le 14 mars à 18:05');
    expect(html).toContain('COD activé — configuration restreinte');
    expect(html).toContain('[EXERCICE] Crue &lt;Allier&gt;');
    expect(html).toContain('Évacués : <strong>42</strong>');
    expect(html).not.toContain('Hébergés');
    expect(html).toContain('<strong>URGENT</strong> — Évacuer le camping ? (Opératrice Martin)');
    expect(html).toContain('17:50 — Digue surveillée &amp; renforcée');
    expect(html).not.toMatch(/<script/i);
  });

  it('says when there is nothing', () => {
    const html = offlineDirectionPage({ ...overview, crises: [], pendingDecisions: [], feed: [] });
    expect(html).toContain('Aucune crise en cours.');
    expect(html).toContain('Aucune décision en attente.');
    expect(html).toContain('Aucun fait promu.');
  });
});
