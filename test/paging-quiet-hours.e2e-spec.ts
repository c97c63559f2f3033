import { DataSource } from 'typeorm';
import type { Page } from '../server/src/contracts/paging';
import { deliveryJobId } from '../server/src/paging/page-dispatcher';
import { QueueService } from '../server/src/queue/queue.service';
import { type FakeGateway, startFakeGateway } from './support/fake-gateway';
import { type FakeSmtp, startFakeSmtp } from './support/fake-smtp';
import { startTestApp, type TestApp } from './support/test-app';

/** A quiet window around now, Paris time: from 2 minutes ago to 5 minutes ahead. */
function windowAroundNow(): string {
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  });
  const [h, m] = clock.format(new Date()).split(':').map(Number);
  const hhmm = (minutes: number) => {
    const x = (minutes + 1440) % 1440;
    return `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  };
  return `${hhmm(h * 60 + m - 2)}-${hhmm(h * 60 + m + 5)}`;
}

describe('paging: heures de silence', () => {
  let t: TestApp;
  let smtp: FakeSmtp;
  let gateway: FakeGateway;
  let sidpc: string;

  const contact = async (name: string): Promise<string> => {
    const res = await t.http
      .post('/api/contacts')
      .set('Authorization', `Bearer ${sidpc}`)
      .send({
        name,
        function: 'maire',
        communeInsee: '63003',
        email: `${name}@silence.test`,
        mobile: '+33639981999',
      });
    if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  };
  const page = async (contactId: string, severity: string) => {
    const res = await t.http
      .post('/api/pages')
      .set('Authorization', `Bearer ${sidpc}`)
      .send({
        title: `Message ${severity}`,
        message: 'Test des heures de silence.',
        severity,
        recipients: { contactIds: [contactId] },
        channels: ['sms', 'email'],
        ackRequired: true,
        escalateAfterSec: 600,
      });
    expect(res.status).toBe(202);
    return (res.body as { id: string }).id;
  };
  const getPage = async (id: string) =>
    (await t.http.get(`/api/pages/${id}`).set('Authorization', `Bearer ${sidpc}`)).body as Page;

  beforeAll(async () => {
    [smtp, gateway] = await Promise.all([startFakeSmtp(), startFakeGateway()]);
    t = await startTestApp({
      VIGIE_INLINE_WORKER: true,
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_TOKEN: gateway.token,
      PAGING_QUIET_HOURS: windowAroundNow(),
    });
    sidpc = (await t.userWithToken(['sidpc'])).token;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([smtp?.close(), gateway?.close()]);
  });

  it('holds the SMS of an alerte until the end of the window, e-mails at once, and delays the escalation', async () => {
    const mayor = await contact('alice');
    const before = Date.now();
    const id = await page(mayor, 'alerte');
    await smtp.waitFor((m) => m.to.includes('alice@silence.test'));
    const { targets } = await getPage(id);
    const sms = targets[0].deliveries.find((d) => d.channel === 'sms')!;
    expect(sms.state).toBe('queued');
    const notBefore = new Date(sms.notBefore!).getTime();
    expect(notBefore).toBeGreaterThan(before + 2 * 60_000);
    expect(notBefore).toBeLessThanOrEqual(before + 6 * 60_000);
    expect(targets[0].deliveries.find((d) => d.channel === 'email')!.notBefore).toBeNull();
    // the job waits in BullMQ; the escalation clock starts when the SMS rings
    const queue = t.app.get(QueueService).queue('paging-sms');
    expect(await queue.getJobState(deliveryJobId({ id: sms.id, dispatchGen: 1 }))).toBe('delayed');
    const [row] = (await t.app
      .get(DataSource)
      .query('SELECT next_escalation_at FROM page_target WHERE id = $1', [targets[0].id])) as {
      next_escalation_at: Date;
    }[];
    expect(row.next_escalation_at.getTime()).toBe(notBefore + 600_000);
    expect(gateway.requests.filter((r) => r.to === '+33639981999')).toHaveLength(0);
  });

  it('lets a crise through at once', async () => {
    const mayor = await contact('bruno');
    const id = await page(mayor, 'crise');
    await gateway.waitFor((m) => m.text.includes('Message crise'));
    const sms = (await getPage(id)).targets[0].deliveries.find((d) => d.channel === 'sms')!;
    expect(sms.notBefore).toBeNull();
  });
});
