import { renderAckPage } from './ack-page';

const page = {
  title: 'Crue <b>',
  message: 'Évacuez\nle camping',
  severity: 'crise' as const,
  exercise: true,
  recipientName: 'Jean Martin',
  sentAt: new Date('2030-03-12T02:05:00Z'),
};

describe('acknowledgement page', () => {
  it('shows the alert and a POST form, without script, escaped', () => {
    const { status, html } = renderAckPage({ kind: 'pending', action: '/api/paging/ack/TOKEN', page });
    expect(status).toBe(200);
    expect(html).toContain('<form method="post" action="/api/paging/ack/TOKEN">');
    expect(html).toContain('Confirmer la réception');
    expect(html).toContain('EXERCICE');
    expect(html).toContain('Crue &lt;b&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
  });

  it('confirms, or says it was already confirmed', () => {
    const at = new Date('2030-03-12T02:07:00Z');
    expect(renderAckPage({ kind: 'confirmed', page, at }).html).toContain('Réception confirmée le 12/03/2030 à 03:07');
    expect(renderAckPage({ kind: 'already', page, at }).html).toContain('déjà été confirmée');
    expect(renderAckPage({ kind: 'already', page, at }).html).not.toContain('<form');
  });

  it('answers 400 / 410 for invalid or expired links', () => {
    expect(renderAckPage({ kind: 'invalid' }).status).toBe(400);
    expect(renderAckPage({ kind: 'expired' }).status).toBe(410);
  });
});
