import { DataSource } from 'typeorm';
import type { Page, PageReceived } from '../server/src/contracts/paging';
import { EscalationService } from '../server/src/paging/escalation.service';
import { escalationJobId } from '../server/src/paging/page-dispatcher';
import { QueueService } from '../server/src/queue/queue.service';
import { type FakeGateway, startFakeGateway } from './support/fake-gateway';
import { type FakeSmtp, startFakeSmtp } from './support/fake-smtp';
import { connected, startTestApp, type TestApp } from './support/test-app';

/** PAGING_ESCALATION_SCALE = 0.01: the contract's minimum of 30 s becomes 0.3 s. */
const SCALE = 0.01;

describe('paging escalation', () => {
  let t: TestApp;
  let smtp: FakeSmtp;
  let gateway: FakeGateway;
  let sidpc: { id: string; email: string; token: string };

  const contact = async (name: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await t.http
      .post('/api/contacts')
      .set('Authorization', `Bearer ${sidpc.token}`)
      .send({ name, function: 'cadre', email: `${name.toLowerCase()}@escalade.test`, ...extra });
    if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  };
  /** A contact and their deputy. */
  const pair = async (name: string) => {
    const deputy = await contact(`${name}Suppleant`);
    return { main: await contact(name, { deputyContactId: deputy }), deputy };
  };
  const page = (contactId: string, escalateAfterSec: number, extra: Record<string, unknown> = {}) =>
    t.http
      .post('/api/pages')
      .set('Authorization', `Bearer ${sidpc.token}`)
      .send({
        title: `Alerte ${escalateAfterSec}`,
        message: 'Acquittez, sinon on escalade.',
        severity: 'alerte',
        recipients: { contactIds: [contactId] },
        channels: ['email'],
        ackRequired: true,
        escalateAfterSec,
        ...extra,
      });
  const getPage = async (id: string) =>
    (await t.http.get(`/api/pages/${id}`).set('Authorization', `Bearer ${sidpc.token}`))
      .body as Page;
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
  const ackLink = (text: string) =>
    /http:\/\/localhost:0(\/api\/paging\/ack\/[\w-]+)/.exec(text)![1];

  beforeAll(async () => {
    [smtp, gateway] = await Promise.all([startFakeSmtp(), startFakeGateway()]);
    t = await startTestApp({
      VIGIE_INLINE_WORKER: true,
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_TOKEN: gateway.token,
      PAGING_ESCALATION_SCALE: SCALE,
    });
    sidpc = await t.userWithToken(['sidpc']);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await Promise.all([smtp?.close(), gateway?.close()]);
  });

  it('without acknowledgement, pages the deputy after the delay, then alerts the duty officers', async () => {
    const officerConsole = t.socket(sidpc.token);
    await connected(officerConsole);
    const alerts: PageReceived[] = [];
    officerConsole.on('page.received', (p) => alerts.push(p));
    const crisis = await t.http
      .post('/api/crises')
      .set('Authorization', `Bearer ${sidpc.token}`)
      .send({ title: 'Orage', kind: 'autre' });
    expect(crisis.status).toBe(201);
    const a = await pair('Arnaud');

    const sentAt = Date.now();
    const res = await page(a.main, 30, { crisisId: (crisis.body as { id: string }).id });
    expect(res.status).toBe(202);
    const pageId = (res.body as { id: string }).id;
    await smtp.waitFor((m) => m.to.includes('arnaud@escalade.test'));

    const [deputyMail] = await smtp.waitFor((m) => m.to.includes('arnaudsuppleant@escalade.test'));
    const deputyAfter = Date.now() - sentAt;
    expect(deputyAfter).toBeGreaterThanOrEqual(30 * 1000 * SCALE);
    expect(deputyMail.subject).toBe('[ALERTE] Alerte 30');

    const [dutyMail] = await smtp.waitFor((m) => m.to.includes(sidpc.email));
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(2 * 30 * 1000 * SCALE);
    expect(dutyMail.subject).toBe('[NON ACQUITTÉ] Arnaud – Alerte 30');
    expect(dutyMail.text).toContain(
      "Arnaud (cadre, contact) n'a pas acquitté l'alerte « Alerte 30 »",
    );
    expect(dutyMail.text).toContain('Son suppléant, ArnaudSuppleant, a été alerté');
    await new Promise<void>((resolve) => {
      const check = () => (alerts.length ? resolve() : setTimeout(check, 25));
      check();
    });
    expect(alerts[0]).toMatchObject({
      pageId,
      kind: 'duty_alert',
      title: 'Non acquitté : Arnaud – Alerte 30',
      ackRequired: false,
    });

    const result = await getPage(pageId);
    const main = result.targets.find((x) => x.contactId === a.main)!;
    const deputy = result.targets.find((x) => x.contactId === a.deputy)!;
    expect(main).toMatchObject({ contactId: a.main, escalationLevel: 3, acknowledgedAt: null });
    expect(deputy).toMatchObject({
      contactId: a.deputy,
      via: ['escalation'],
      escalatedFromTargetId: main.id,
      escalationLevel: 2,
    });
    expect(main.deliveries.map((d) => [d.channel, d.level, d.purpose])).toEqual([
      ['email', 1, 'page'],
      ['email', 2, 'duty_alert'],
      ['inapp', 2, 'duty_alert'],
    ]);
    const logbook = await t.http
      .get(`/api/crises/${(crisis.body as { id: string }).id}/logbook`)
      .set('Authorization', `Bearer ${sidpc.token}`);
    const texts = (logbook.body as { data: { text: string }[] }).data.map((e) => e.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'Arnaud n’a pas acquitté ; ArnaudSuppleant (suppléant ou astreinte suivante) alerté',
        ),
        expect.stringContaining('Arnaud n’a pas acquitté ; officiers de permanence SIDPC alertés'),
      ]),
    );
    // the ladder ends there
    await new Promise((r) => setTimeout(r, 800));
    expect(mailsTo(sidpc.email)).toHaveLength(1);
    expect(mailsTo('arnaudsuppleant@escalade.test')).toHaveLength(1);
  });

  it('an acknowledgement by link before the delay stops the escalation', async () => {
    const c = await pair('Camille');
    const sentAt = Date.now();
    const res = await page(c.main, 100); // 1 s
    const pageId = (res.body as { id: string }).id;
    const [mail] = await smtp.waitFor((m) => m.to.includes('camille@escalade.test'));
    const confirm = await t.http.post(ackLink(mail.text));
    expect(confirm.text).toContain('Réception confirmée');
    // past the delay, with margin
    await new Promise((r) =>
      setTimeout(r, Math.max(0, sentAt + 100 * 1000 * SCALE + 700 - Date.now())),
    );
    expect(mailsTo('camillesuppleant@escalade.test')).toHaveLength(0);
    const result = await getPage(pageId);
    expect(result.targets).toHaveLength(1);
    expect(result.targets[0]).toMatchObject({ acknowledgedVia: 'link', escalationLevel: 1 });
    // the single-use token is a secret: the audit trail keeps the route only
    // (written once the response is sent)
    let audit: { target: string }[] = [];
    for (let i = 0; i < 50 && audit.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      audit = (await t.app
        .get(DataSource)
        .query(`SELECT target FROM audit_entry WHERE action = 'POST /api/paging/ack/:token'`)) as {
        target: string;
      }[];
    }
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) expect(a.target).toBe('/api/paging/ack/[redacted]');
  });

  it('an acknowledgement arriving while the escalation job runs still stops it (generation fence)', async () => {
    const e = await pair('Emma');
    const escalation = t.app.get(EscalationService);
    let running!: (targetId: string) => void;
    const started = new Promise<string>((resolve) => (running = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    escalation.beforeFence = async (targetId) => {
      running(targetId);
      await released;
    };
    try {
      const res = await page(e.main, 30); // the timer fires after 0.3 s and waits in the hook
      const pageId = (res.body as { id: string }).id;
      const targetId = await started;
      const queue = t.app.get(QueueService).queue('paging');
      expect(await queue.getJobState(escalationJobId(targetId, 0))).toBe('active');

      const [mail] = await smtp.waitFor((m) => m.to.includes('emma@escalade.test'));
      const confirm = await t.http.post(ackLink(mail.text));
      expect(confirm.text).toContain('Réception confirmée');
      release();

      const deadline = Date.now() + 5000;
      while ((await queue.getJobState(escalationJobId(targetId, 0))) !== 'completed') {
        if (Date.now() > deadline) throw new Error('the escalation job did not finish');
        await new Promise((r) => setTimeout(r, 25));
      }
      expect((await queue.getJob(escalationJobId(targetId, 0)))!.returnvalue).toBe('fenced');
      await new Promise((r) => setTimeout(r, 300));
      expect(mailsTo('emmasuppleant@escalade.test')).toHaveLength(0);
      const result = await getPage(pageId);
      expect(result.targets).toHaveLength(1);
      expect(result.targets[0]).toMatchObject({ acknowledgedVia: 'link', escalationLevel: 1 });
    } finally {
      escalation.beforeFence = undefined;
      release();
    }
  });
});
