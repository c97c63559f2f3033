import { formatParisTime, renderDutyAlert, renderPage } from './message';

const base = {
  title: 'Crue de l’Allier',
  message: 'Montée rapide des eaux à Issoire. Activez votre PCS.',
  severity: 'crise' as const,
  exercise: false,
  ackRequired: true,
  sentAt: new Date('2030-03-12T02:05:00Z'),
  recipientName: 'Marie Dupont',
  ackLink: 'https://vigie.example/api/paging/ack/TOKEN',
  replyCode: '4821',
};

describe('page messages', () => {
  it('carries title, message, severity, link and reply code on every channel', () => {
    const m = renderPage(base);
    expect(m.subject).toBe('[CRISE] Crue de l’Allier');
    for (const body of [m.text, m.sms]) {
      expect(body).toContain(base.message);
      expect(body).toContain(base.ackLink);
      expect(body).toContain('OK 4821');
    }
    expect(m.html).toContain('href="https://vigie.example/api/paging/ack/TOKEN"');
    expect(m.html).toContain('Confirmer la réception');
    expect(m.speech).toContain('Crise. Crue de l’Allier.');
    expect(m.speech).toContain('répondez OK par SMS');
    expect(m.push).toMatchObject({ title: m.subject, url: base.ackLink, requireInteraction: true });
  });

  it('says EXERCICE first when the crisis is an exercise', () => {
    const m = renderPage({ ...base, exercise: true });
    expect(m.subject.startsWith('EXERCICE – ')).toBe(true);
    expect(m.text.startsWith('EXERCICE')).toBe(true);
    expect(m.sms.startsWith('EXERCICE – ')).toBe(true);
    expect(m.speech).toMatch(/^Message de la Préfecture du Puy-de-Dôme\. Ceci est un exercice\./);
    expect(m.html).toContain('EXERCICE – EXERCICE');
  });

  it('asks for nothing when no acknowledgement is required', () => {
    const m = renderPage({ ...base, ackRequired: false, severity: 'information' });
    expect(m.text).not.toContain('Accusez réception');
    expect(m.sms).not.toContain('OK');
    expect(m.html).not.toContain('<a ');
    expect(m.push.url).toBeNull();
  });

  it('escapes HTML in the e-mail', () => {
    const m = renderPage({ ...base, title: '<script>x</script>', message: 'a & b "c"' });
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
    expect(m.html).toContain('a &amp; b &quot;c&quot;');
  });

  it('formats times in Paris', () => {
    expect(formatParisTime(new Date('2030-03-12T02:05:00Z'))).toBe('12/03/2030 à 03:05');
  });

  it('tells the duty officers who did not acknowledge and how to call them', () => {
    const m = renderDutyAlert({
      title: base.title,
      severity: 'alerte',
      exercise: true,
      sentAt: base.sentAt,
      targetName: 'Jean Martin',
      targetFunction: 'maire',
      targetVia: ['commune:63178'],
      phones: ['+33612345678'],
      deputyName: 'Paul Durand',
    });
    expect(m.subject).toBe('EXERCICE – [NON ACQUITTÉ] Jean Martin – Crue de l’Allier');
    expect(m.text).toContain("Jean Martin (maire, commune:63178) n'a pas acquitté l'alerte « Crue de l’Allier »");
    expect(m.text).toContain('Paul Durand');
    expect(m.text).toContain('+33612345678');
  });
});
