import {
  formatDue,
  liaisonCellule,
  taskCreatedText,
  taskOverdueText,
  taskTransitionText,
} from './task-texts';

describe('task main courante lines', () => {
  // 14:30 in Paris (UTC+1 in winter, UTC+2 in summer)
  const now = new Date('2026-01-15T10:00:00Z');

  it('writes the due time in Paris time, with the date when it is another day', () => {
    expect(formatDue(new Date('2026-01-15T13:30:00Z'), now)).toBe('14:30');
    expect(formatDue(new Date('2026-07-15T13:30:00Z'), new Date('2026-07-15T08:00:00Z'))).toBe(
      '15:30',
    );
    expect(formatDue(new Date('2026-01-16T13:30:00Z'), now)).toBe('le 16/01 à 14:30');
    // 23:30 UTC on the 15th is already the 16th in Paris
    expect(formatDue(new Date('2026-01-15T23:30:00Z'), now)).toBe('le 16/01 à 00:30');
  });

  it('words a request, its transitions and its delay', () => {
    expect(
      taskCreatedText(
        {
          title: 'Reconnaissance RD 2089',
          priority: 'haute',
          dueAt: new Date('2026-01-15T13:30:00Z'),
        },
        'SDIS 63',
        now,
      ),
    ).toBe(
      'Demande de concours à SDIS 63 : Reconnaissance RD 2089 (priorité haute, échéance 14:30)',
    );
    expect(
      taskCreatedText({ title: 'Hébergement', priority: 'normale', dueAt: null }, 'CD 63', now),
    ).toBe('Demande de concours à CD 63 : Hébergement (priorité normale)');
    expect(taskTransitionText('acknowledged', 'Reco', 'SDIS 63')).toBe(
      'Mission « Reco » : prise en compte par SDIS 63',
    );
    expect(taskTransitionText('in_progress', 'Reco', 'SDIS 63', 'deux équipes engagées')).toBe(
      'Mission « Reco » : en cours (SDIS 63) — deux équipes engagées',
    );
    expect(taskTransitionText('done', 'Reco', 'SDIS 63')).toBe(
      'Mission « Reco » : terminée (SDIS 63)',
    );
    expect(taskTransitionText('cancelled', 'Reco', 'SDIS 63', null)).toBe(
      'Mission « Reco » : annulée (SDIS 63)',
    );
    expect(taskOverdueText('Reco', 'SDIS 63', new Date('2026-01-15T09:00:00Z'), now)).toBe(
      'Mission en retard : « Reco » (SDIS 63), échéance 10:00 dépassée',
    );
  });

  it("names the service's liaison desk", () => {
    expect(liaisonCellule('SDIS63')).toBe('liaison:SDIS63');
    expect(liaisonCellule('dirmc')).toBe('liaison:DIRMC');
    expect(liaisonCellule('pas un code')).toBe('operations');
  });
});
