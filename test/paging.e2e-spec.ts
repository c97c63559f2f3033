import { createECDH, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Page, PageReceived, PageSummary } from '../server/src/contracts/paging';
import { QUEUES } from '../server/src/queue/jobs';
import { QueueService } from '../server/src/queue/queue.service';
import { type FakeGateway, startFakeGateway } from './support/fake-gateway';
import { type FakeSmtp, startFakeSmtp } from './support/fake-smtp';
import { connected, startTestApp, type TestApp } from './support/test-app';

/**
 * Paging end to end: real PostgreSQL, Redis, BullMQ workers (inline), a real SMTP server on
 * loopback and a fake SMS/voice gateway speaking the provider's HTTP API.
 */
describe('paging', () => {
  let t: TestApp;
  let smtp: FakeSmtp;
  let gateway: FakeGateway;
  let pg: Client;
  let sidpc: { id: string; email: string; token: string };
  let phone = 0;

  const nextMobile = () => `+3361${String(phone++).padStart(7, '0')}`;
  const slug = (name: string) =>
    name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]+/g, '.')
      .replace(/^\.|\.$/g, '')
      .toLowerCase();
  const until = async (check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const contact = async (body: Record<string, unknown>): Promise<string> => {
    const res = await t.http.post('/api/contacts').set('Authorization', `Bearer ${sidpc.token}`).send(body);
    if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  };
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    contact({ name, function: 'agent', mobile: nextMobile(), email: `${slug(name)}@paging.test`, ...extra });
  const sendPage = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.http.post('/api/pages').set('Authorization', `Bearer ${sidpc.token}`).set(headers).send(body);
  const getPage = async (id: string): Promise<Page> => {
    const res = await t.http.get(`/api/pages/${id}`).set('Authorization', `Bearer ${sidpc.token}`);
    expect(res.status).toBe(200);
    return res.body as Page;
  };
  const settled = (id: string) =>
    until(async () => (await getPage(id)).counts.queued === 0, `page ${id} to be sent`);

  beforeAll(async () => {
    [smtp, gateway] = await Promise.all([startFakeSmtp(), startFakeGateway()]);
    t = await startTestApp({
      VIGIE_INLINE_WORKER: true,
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_TOKEN: gateway.token,
      PAGING_RETRY_BASE_MS: 100,
      PAGING_RATE_VOICE: 500,
    });
    pg = new Client({ connectionString: t.config.DATABASE_URL });
    await pg.connect();
    sidpc = await t.userWithToken(['sidpc']);
  }, 60_000);

  afterAll(async () => {
    await pg?.end();
    await t?.close();
    await Promise.all([smtp?.close(), gateway?.close()]);
  });

  it('refuses invalid recipients and unknown INSEE codes with every detail, and writes and enqueues nothing', async () => {
    const known = await person('Valide Connu');
    const res = await sendPage({
      title: 'Alerte invalide',
      message: 'Ne doit pas partir',
      severity: 'alerte',
      recipients: {
        contactIds: [known, '00000000-0000-4000-8000-000000000000'],
        communeInsee: ['99999', '63113'],
        groupIds: ['00000000-0000-4000-8000-000000000001'],
      },
      channels: ['sms', 'email'],
    });
    expect(res.status).toBe(400);
    const paths = (res.body as { details: { path: string }[] }).details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['recipients.contactIds.1', 'recipients.communeInsee.0', 'recipients.groupIds.0']),
    );
    // a malformed INSEE code is refused by the schema itself
    const malformed = await sendPage({
      title: 'Alerte invalide',
      message: 'x',
      severity: 'alerte',
      recipients: { communeInsee: ['6311'] },
      channels: ['sms'],
    });
    expect(malformed.status).toBe(400);
    expect((malformed.body as { details: { path: string }[] }).details[0].path).toBe('recipients.communeInsee.0');

    const { rows } = await pg.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM page)::int + (SELECT count(*) FROM page_target)::int + (SELECT count(*) FROM page_delivery)::int AS n',
    );
    expect(rows[0].n).toBe(0);
    const queues = t.app.get(QueueService);
    for (const name of QUEUES.filter((q) => q.startsWith('paging-'))) {
      const counts = await queues.queue(name).getJobCounts();
      expect({ name, total: Object.values(counts).reduce((a, b) => a + b, 0) }).toEqual({ name, total: 0 });
    }
    expect(await queues.queue('paging').getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ name: 'paging.escalate' })]),
    );
    expect(smtp.messages).toHaveLength(0);
    expect(gateway.requests).toHaveLength(0);
  });

  it('pages 3 groups, 2 services and 40 communes: one message per target and channel, with the right content', async () => {
    const crisis = await t.http
      .post('/api/crises')
      .set('Authorization', `Bearer ${sidpc.token}`)
      .send({ title: 'Crue de l’Allier', kind: 'inondation', exercise: true });
    expect(crisis.status).toBe(201);
    const crisisId = (crisis.body as { id: string }).id;

    // 40 communes, a mayor each
    const { rows: communes } = await pg.query<{ insee: string }>('SELECT insee FROM commune ORDER BY insee LIMIT 40');
    const mayors = new Map<string, string>();
    for (const { insee } of communes) mayors.set(await person(`Maire ${insee}`, { function: 'maire', communeInsee: insee }), insee);

    // a Vigie user among the group members: web push and in-app for them
    const officer = await t.userWithToken(['cod_operator']);
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const subscribed = await t.http
      .post('/api/paging/push-subscriptions')
      .set('Authorization', `Bearer ${officer.token}`)
      .send({
        endpoint: gateway.pushEndpoint('officer-browser'),
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
      });
    expect(subscribed.status).toBe(201);
    const officerContact = await person('Officier Connecté', { userId: officer.id });
    const officerSocket = t.socket(officer.token);
    await connected(officerSocket);
    const received: PageReceived[] = [];
    officerSocket.on('page.received', (p) => received.push(p));

    // 3 groups of 3; a mayor is also in a group (reached twice, paged once)
    const [firstMayor] = mayors.keys();
    const groups: string[] = [];
    for (const g of ['Préfecture', 'Routes', 'Santé']) {
      const members = [await person(`${g} Un`), await person(`${g} Deux`), g === 'Préfecture' ? officerContact : await person(`${g} Trois`)];
      if (g === 'Routes') members.push(firstMayor);
      const res = await t.http.post('/api/groups').set('Authorization', `Bearer ${sidpc.token}`).send({ name: `Liste ${g}`, contactIds: members });
      expect(res.status).toBe(201);
      groups.push((res.body as { id: string }).id);
    }

    // 2 services, whoever is on duty now
    const { rows: services } = await pg.query<{ id: string; code: string }>("SELECT id, code FROM service WHERE code IN ('SDIS63', 'DDT63') ORDER BY code");
    const start = new Date(Date.now() - 3600_000).toISOString();
    const end = new Date(Date.now() + 3600_000).toISOString();
    for (const s of services) {
      const onDuty = await person(`Astreinte ${s.code}`, { function: 'astreinte', serviceId: s.id });
      const shift = await t.http
        .post('/api/rosters')
        .set('Authorization', `Bearer ${sidpc.token}`)
        .send({ serviceId: s.id, contactId: onDuty, start, end, rank: 1 });
      expect(shift.status).toBe(201);
    }

    const watcher = t.socket(sidpc.token);
    await connected(watcher);
    const updates: PageSummary[] = [];
    watcher.on('page.updated', (p) => updates.push(p));

    const res = await sendPage({
      title: 'Crue de l’Allier',
      message: 'Montée rapide des eaux : activez vos plans communaux de sauvegarde.',
      severity: 'crise',
      recipients: { groupIds: groups, serviceIds: services.map((s) => s.id), communeInsee: communes.map((c) => c.insee) },
      channels: ['sms', 'voice', 'email', 'push', 'inapp'],
      ackRequired: true,
      escalateAfterSec: 3600,
      crisisId,
    });
    expect(res.status).toBe(202);
    const pageId = (res.body as { id: string }).id;
    await settled(pageId);
    const page = await getPage(pageId);

    // 40 mayors + 8 group members (+ the officer) + 2 on duty, the mayor in a group counted once
    expect(page.targets).toHaveLength(40 + 9 + 2);
    expect(page.exercise).toBe(true);
    const twice = page.targets.find((x) => x.contactId === firstMayor)!;
    expect(twice.via.sort()).toEqual([`commune:${mayors.get(firstMayor)}`, 'group:Liste Routes'].sort());
    expect(page.targets.filter((x) => x.via.some((v) => v.startsWith('service:'))).map((x) => x.via[0]).sort()).toEqual([
      'service:DDT63',
      'service:SDIS63',
    ]);

    const smsOf = (to: string) => gateway.accepted().filter((r) => r.channel === 'sms' && r.to === to);
    const callsOf = (to: string) => gateway.accepted().filter((r) => r.channel === 'voice' && r.to === to);
    const mailsOf = (to: string) => smtp.messages.filter((m) => m.to.includes(to));
    for (const target of page.targets) {
      const contactRow = (await pg.query<{ mobile: string; email: string }>('SELECT mobile, email FROM contact WHERE id = $1', [target.contactId])).rows[0];
      const [sms] = smsOf(contactRow.mobile);
      expect({ name: target.name, sms: smsOf(contactRow.mobile).length, calls: callsOf(contactRow.mobile).length, mails: mailsOf(contactRow.email).length }).toEqual({
        name: target.name,
        sms: 1,
        calls: 1,
        mails: 1,
      });
      const { rows: code } = await pg.query<{ reply_code: string }>('SELECT reply_code FROM page_target WHERE id = $1', [target.id]);
      expect(sms.text).toMatch(/^EXERCICE – CRISE Préfecture du Puy-de-Dôme : Crue de l’Allier\nMontée rapide des eaux/);
      expect(sms.text).toContain(`répondez OK ${code[0].reply_code}`);
      expect(sms.text).toMatch(/Accusez réception : http:\/\/localhost:0\/api\/paging\/ack\/[\w-]{50}/);
      expect(sms.reference).toBe(target.deliveries.find((d) => d.channel === 'sms')!.id);
      expect(sms.callbackUrl).toBe('http://localhost:0/api/paging/webhooks/receipt');
      expect(callsOf(contactRow.mobile)[0].text).toContain('Ceci est un exercice.');
      const [mail] = mailsOf(contactRow.email);
      expect(mail.subject).toBe('EXERCICE – [CRISE] Crue de l’Allier');
      expect(mail.text).toContain('activez vos plans communaux');
      expect(mail.html).toContain('Confirmer la réception');
      expect(mail.messageId).toBe(`<${target.deliveries.find((d) => d.channel === 'email')!.id}@vigie>`);
      expect(target.deliveries.map((d) => d.state).every((s) => s === 'sent' || s === 'delivered')).toBe(true);
    }
    // no message to anybody else, none twice
    expect(gateway.accepted().filter((r) => r.channel === 'sms')).toHaveLength(51);
    expect(gateway.accepted().filter((r) => r.channel === 'voice')).toHaveLength(51);
    expect(smtp.messages).toHaveLength(51);
    // push and in-app only for the one target with a Vigie account
    expect(gateway.pushes.map((p) => p.subscription)).toEqual(['officer-browser']);
    expect(gateway.pushes[0].headers.authorization).toMatch(/^vapid t=/);
    expect(gateway.pushes[0].headers['content-encoding']).toBe('aes128gcm');
    await until(() => received.length > 0, 'the in-app page');
    expect(received).toEqual([expect.objectContaining({ pageId, title: 'Crue de l’Allier', severity: 'crise', exercise: true, kind: 'page' })]);

    // live counters: throttled, and the last one is final
    // (sms, voice, e-mail for 51, push for 1; in-app is delivered at once)
    await until(() => updates.at(-1)?.counts.queued === 0 && updates.at(-1)?.counts.sent === 51 * 3 + 1, 'final counters');
    expect(updates.length).toBeLessThan(30);
    expect(updates.at(-1)!.counts).toEqual({ targets: 51, queued: 0, sent: 51 * 3 + 1, delivered: 1, failed: 0, acknowledged: 0 });

    // the main courante says it
    const logbook = await t.http.get(`/api/crises/${crisisId}/logbook`).set('Authorization', `Bearer ${sidpc.token}`);
    expect((logbook.body as { data: { text: string; category: string }[] }).data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'action', text: expect.stringContaining('Alerte « Crue de l’Allier » (crise) envoyée à 51 destinataires') }),
      ]),
    );

    // receipts move deliveries forward, never back; a bad signature is refused
    const sms = page.targets[0].deliveries.find((d) => d.channel === 'sms')!;
    expect((await gateway.postReceipt(t.url, { reference: sms.id, status: 'delivered', id: 'gw-1' })).body).toEqual({ updated: true });
    expect((await gateway.postReceipt(t.url, { reference: sms.id, status: 'failed' })).body).toEqual({ updated: false });
    expect((await gateway.postReceipt(t.url, { reference: sms.id, status: 'delivered' }, 't=1,v1=00')).status).toBe(401);
    const after = (await getPage(pageId)).targets[0].deliveries.find((d) => d.id === sms.id)!;
    expect(after.state).toBe('delivered');
  });

  it('retries a temporary gateway error; a permanent one is not retried and falls back to the next channel', async () => {
    const flaky = nextMobile();
    const invalid = nextMobile();
    const flakyId = await contact({ name: 'Passerelle Capricieuse', function: 'agent', mobile: flaky });
    const invalidId = await contact({ name: 'Numéro Invalide', function: 'agent', mobile: invalid, email: 'numero.invalide@paging.test' });
    gateway.failNext(flaky, 500, 1);
    gateway.invalid(invalid);
    const res = await sendPage({
      title: 'Test des erreurs',
      message: 'Message de test',
      severity: 'alerte',
      recipients: { contactIds: [flakyId, invalidId] },
      channels: ['sms'],
      ackRequired: false,
    });
    expect(res.status).toBe(202);
    const pageId = (res.body as { id: string }).id;
    await smtp.waitFor((m) => m.to.includes('numero.invalide@paging.test'));
    await settled(pageId);
    await new Promise((r) => setTimeout(r, 500)); // room for a wrong retry (backoff base 100 ms)
    const page = await getPage(pageId);

    const flakyTarget = page.targets.find((x) => x.contactId === flakyId)!;
    expect(gateway.requests.filter((r) => r.to === flaky).map((r) => r.status)).toEqual([500, 202]);
    expect(flakyTarget.deliveries).toEqual([expect.objectContaining({ channel: 'sms', state: 'sent', attempts: 2, error: null })]);

    const invalidTarget = page.targets.find((x) => x.contactId === invalidId)!;
    expect(gateway.requests.filter((r) => r.to === invalid).map((r) => r.status)).toEqual([400]);
    expect(invalidTarget.deliveries).toEqual([
      expect.objectContaining({ channel: 'sms', state: 'failed', attempts: 1, purpose: 'page', error: expect.stringContaining('HTTP 400 invalid number') }),
      // voice would call the same refused number: e-mail is next
      expect.objectContaining({ channel: 'email', state: 'sent', attempts: 1, purpose: 'fallback', level: 1 }),
    ]);
    expect(smtp.messages.filter((m) => m.to.includes('numero.invalide@paging.test'))).toHaveLength(1);
    expect(page.counts).toMatchObject({ targets: 2, queued: 0, sent: 2, failed: 1 });
  });

  it('creates one page for the same Idempotency-Key twice, and refuses the key with another body', async () => {
    const someone = await person('Idem Potent');
    const body = { title: 'Une seule fois', message: 'Même clé', severity: 'information', recipients: { contactIds: [someone] }, channels: ['email'] };
    const key = `retry-${randomBytes(4).toString('hex')}`;
    const first = await sendPage(body, { 'Idempotency-Key': key });
    const second = await sendPage(body, { 'Idempotency-Key': key });
    // and two at once
    const [third, fourth] = await Promise.all([sendPage(body, { 'Idempotency-Key': `${key}-b` }), sendPage(body, { 'Idempotency-Key': `${key}-b` })]);
    expect([first.status, second.status, third.status, fourth.status]).toEqual([202, 202, 202, 202]);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(fourth.body).toEqual(third.body);
    const { rows } = await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM page WHERE title = 'Une seule fois'");
    expect(rows[0].n).toBe(2);
    const other = await sendPage({ ...body, message: 'Autre corps' }, { 'Idempotency-Key': key });
    expect(other.status).toBe(409);
    const badKey = await sendPage(body, { 'Idempotency-Key': 'é'.repeat(3) });
    expect(badKey.status).toBe(400);
    await smtp.waitFor((m) => m.to.includes('idem.potent@paging.test'), 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => m.to.includes('idem.potent@paging.test'))).toHaveLength(2);
  });

  it('acknowledges by link (GET shows a form, POST confirms once), by SMS reply, and from the console on behalf', async () => {
    const byLink = await person('Par Lien');
    const bySmsMobile = nextMobile();
    const bySms = await contact({ name: 'Par SMS', function: 'agent', mobile: bySmsMobile });
    const byPhone = await person('Par Téléphone');
    const res = await sendPage({
      title: 'Acquittez',
      message: 'Merci d’acquitter',
      severity: 'alerte',
      recipients: { contactIds: [byLink, bySms, byPhone] },
      channels: ['sms', 'email'],
      escalateAfterSec: 3600,
    });
    const pageId = (res.body as { id: string }).id;
    const [mail] = await smtp.waitFor((m) => m.to.includes('par.lien@paging.test'));
    const link = /http:\/\/localhost:0(\/api\/paging\/ack\/[\w-]+)/.exec(mail.text)![1];

    const view = await t.http.get(link);
    expect(view.status).toBe(200);
    expect(view.headers['content-type']).toMatch(/^text\/html/);
    expect(view.headers['content-security-policy']).toContain("script-src 'self'");
    expect(view.text).toContain(`<form method="post" action="${link}">`);
    expect(view.text).not.toMatch(/<script/i);
    // looking at the link acknowledges nothing
    expect((await getPage(pageId)).counts.acknowledged).toBe(0);
    const confirm = await t.http.post(link);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Réception confirmée');
    const again = await t.http.post(link);
    expect(again.text).toContain('déjà été confirmée');
    expect((await t.http.get(`${link.slice(0, -4)}AAAA`)).status).toBe(400);

    const [sms] = await gateway.waitFor((r) => r.to === bySmsMobile && r.channel === 'sms');
    const code = /répondez OK (\d{4})/.exec(sms.text)![1];
    expect((await gateway.postInbound(t.url, { from: `0${bySmsMobile.slice(3)}`, text: 'ok' })).body).toMatchObject({ acknowledged: true });
    expect((await gateway.postInbound(t.url, { from: bySmsMobile, text: `OK ${code}` })).body).toMatchObject({ acknowledged: false });
    expect((await gateway.postInbound(t.url, { from: bySmsMobile, text: 'OK' }, 'bad')).status).toBe(401);

    const operator = await t.userWithToken(['cod_operator']);
    const targetId = (await getPage(pageId)).targets.find((x) => x.contactId === byPhone)!.id;
    const denied = await t.http.post(`/api/pages/${pageId}/ack`).set('Authorization', `Bearer ${operator.token}`).send({ targetId });
    expect(denied.status).toBe(403);
    const notMine = await t.http.post(`/api/pages/${pageId}/ack`).set('Authorization', `Bearer ${operator.token}`).send({});
    expect(notMine.status).toBe(404);
    const onBehalf = await t.http.post(`/api/pages/${pageId}/ack`).set('Authorization', `Bearer ${sidpc.token}`).send({ targetId });
    expect(onBehalf.status).toBe(200);

    const page = await getPage(pageId);
    const state = Object.fromEntries(page.targets.map((x) => [x.name, [x.acknowledgedVia, x.acknowledgedBy]]));
    expect(state).toEqual({ 'Par Lien': ['link', null], 'Par SMS': ['sms', null], 'Par Téléphone': ['console', 'Test sidpc'] });
    await until(async () => (await getPage(pageId)).counts.acknowledged === 3, 'three acknowledgements');
    // the escalation timers are off
    const { rows } = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM page_target WHERE page_id = $1 AND next_escalation_at IS NOT NULL', [pageId]);
    expect(rows[0].n).toBe(0);
  });

  it('re-pages the targets who have not acknowledged, in a new round', async () => {
    const quiet = await person('Toujours Muet');
    const answered = await person('Déjà Répondu');
    const res = await sendPage({
      title: 'Relance',
      message: 'Première',
      severity: 'alerte',
      recipients: { contactIds: [quiet, answered] },
      channels: ['email'],
      escalateAfterSec: 3600,
    });
    const pageId = (res.body as { id: string }).id;
    await settled(pageId);
    const answeredTarget = (await getPage(pageId)).targets.find((x) => x.contactId === answered)!;
    await t.http.post(`/api/pages/${pageId}/ack`).set('Authorization', `Bearer ${sidpc.token}`).send({ targetId: answeredTarget.id }).expect(200);
    const repage = await t.http.post(`/api/pages/${pageId}/repage`).set('Authorization', `Bearer ${sidpc.token}`);
    expect(repage.status).toBe(202);
    expect(repage.body).toEqual({ id: pageId, targets: 1 });
    expect((await t.http.post(`/api/pages/${pageId}/repage`).set('Authorization', `Bearer ${sidpc.token}`)).status).toBe(409);
    await smtp.waitFor((m) => m.to.includes('toujours.muet@paging.test'), 2);
    const page = await getPage(pageId);
    expect(page.targets.find((x) => x.contactId === quiet)!.deliveries.map((d) => d.level)).toEqual([1, 2]);
    expect(page.targets.find((x) => x.contactId === answered)!.deliveries.map((d) => d.level)).toEqual([1]);
    const list = await t.http.get('/api/pages').set('Authorization', `Bearer ${sidpc.token}`);
    expect((list.body as { data: PageSummary[] }).data.find((p) => p.id === pageId)!.counts).toMatchObject({ targets: 2, acknowledged: 1 });
  });

  it('serves Bull Board to admins only, and queue metrics on /metrics', async () => {
    const admin = await t.userWithToken(['admin']);
    expect((await t.http.get('/api/admin/queues')).status).toBe(401);
    expect((await t.http.get('/api/admin/queues').set('Authorization', `Bearer ${sidpc.token}`)).status).toBe(403);
    const board = await t.http.get('/api/admin/queues').set('Authorization', `Bearer ${admin.token}`);
    expect(board.status).toBe(200);
    expect(board.text).toContain('<base href="/api/admin/queues/"');
    const api = await t.http.get('/api/admin/queues/api/queues').set('Authorization', `Bearer ${admin.token}`);
    expect(api.status).toBe(200);
    expect((api.body as { queues: { name: string }[] }).queues.map((q) => q.name)).toEqual(expect.arrayContaining(['paging-sms', 'paging-email']));
    // a browser tab: the cookie set from the console
    const session = await t.http.post('/api/admin/board-session').set('Authorization', `Bearer ${admin.token}`);
    expect(session.status).toBe(200);
    const cookie = session.headers['set-cookie'] as unknown as string[];
    expect(cookie[0]).toMatch(/^vigie_board=.+; Max-Age=900; Path=\/api\/admin\/queues; Expires=.+; HttpOnly; SameSite=Strict$/);
    expect((await t.http.get('/api/admin/queues').set('Cookie', cookie[0].split(';')[0])).status).toBe(200);
    expect((await t.http.post('/api/admin/board-session').set('Authorization', `Bearer ${sidpc.token}`)).status).toBe(403);

    const metrics = await t.http.get('/metrics');
    expect(metrics.text).toMatch(/vigie_queue_jobs\{queue="paging-sms",state="waiting"\} \d+/);
    expect(metrics.text).toMatch(/vigie_queue_jobs\{queue="paging-email",state="failed"\} \d+/);
  });
});
