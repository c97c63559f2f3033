import { startTestApp, type TestApp } from './support/test-app';

/**
 * Without SMTP_URL and SMS_GATEWAY_URL (outside production), pages go to local sinks speaking
 * SMTP and the gateway's HTTP API, listed at /api/paging/dev/outbox for admins.
 */
describe('paging development sinks', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ VIGIE_INLINE_WORKER: true });
  }, 60_000);
  afterAll(() => t?.close());

  it('pages through the local SMTP sink and fake gateway', async () => {
    const sidpc = await t.userWithToken(['sidpc']);
    const admin = await t.userWithToken(['admin']);
    const contact = await t.http
      .post('/api/contacts')
      .set('Authorization', `Bearer ${sidpc.token}`)
      .send({ name: 'Maire Démo', function: 'maire', communeInsee: '63113', mobile: '06 12 34 56 78', email: 'maire.demo@dev.test' });
    expect(contact.status).toBe(201);
    const res = await t.http
      .post('/api/pages')
      .set('Authorization', `Bearer ${sidpc.token}`)
      .send({ title: 'Essai local', message: 'Rien ne part vraiment', severity: 'information', recipients: { communeInsee: ['63113'] }, channels: ['email', 'sms', 'voice'] });
    expect(res.status).toBe(202);

    let messages: { channel: string; to: string; subject: string | null; text: string }[] = [];
    const deadline = Date.now() + 10_000;
    while (messages.length < 3) {
      if (Date.now() > deadline) throw new Error(`dev outbox: ${JSON.stringify(messages)}`);
      await new Promise((r) => setTimeout(r, 50));
      const outbox = await t.http.get('/api/paging/dev/outbox').set('Authorization', `Bearer ${admin.token}`);
      expect(outbox.status).toBe(200);
      messages = (outbox.body as { messages: typeof messages }).messages;
    }
    expect(messages.map((m) => [m.channel, m.to]).sort()).toEqual([
      ['email', 'maire.demo@dev.test'],
      ['sms', '+33612345678'],
      ['voice', '+33612345678'],
    ]);
    expect(messages.find((m) => m.channel === 'email')!.subject).toBe('[INFORMATION] Essai local');
    expect(messages.find((m) => m.channel === 'sms')!.text).toContain('Rien ne part vraiment');
    expect((await t.http.get('/api/paging/dev/outbox').set('Authorization', `Bearer ${sidpc.token}`)).status).toBe(403);
  });
});
