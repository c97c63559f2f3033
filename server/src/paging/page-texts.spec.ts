import { escalationText, pageSentText, repageText } from './page-texts';

describe('main courante lines of pages', () => {
  it('says what was sent, to how many, how, and whether an acknowledgement is expected', () => {
    expect(
      pageSentText({ title: 'Crue de l’Allier', severity: 'crise', channels: ['sms', 'email'], ackRequired: true, escalateAfterSec: 300 }, 53),
    ).toBe('Alerte « Crue de l’Allier » (crise) envoyée à 53 destinataires par SMS, Courriel ; acquittement demandé, escalade après 5 min.');
    expect(pageSentText({ title: 'Essai', severity: 'information', channels: ['inapp'], ackRequired: false, escalateAfterSec: 300 }, 1)).toBe(
      'Alerte « Essai » (information) envoyée à 1 destinataire par Console Vigie ; sans acquittement.',
    );
    expect(pageSentText({ title: 'T', severity: 'alerte', channels: ['voice'], ackRequired: true, escalateAfterSec: 5400 }, 2)).toContain(
      'escalade après 1 h 30 min',
    );
  });

  it('names who did not acknowledge and who was alerted next', () => {
    expect(repageText('Crue', 3)).toBe('Relance de l’alerte « Crue » vers 3 destinataires sans acquittement.');
    expect(escalationText('Crue', 'Jean Martin', { deputyName: 'Paul Durand' })).toBe(
      'Escalade de l’alerte « Crue » : Jean Martin n’a pas acquitté ; Paul Durand (suppléant ou astreinte suivante) alerté.',
    );
    expect(escalationText('Crue', 'Jean Martin', 'duty_officers')).toContain('officiers de permanence SIDPC alertés');
  });
});
