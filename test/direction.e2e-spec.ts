import { createECDH, randomBytes } from 'node:crypto';
import type { Incident, LogbookEntry } from '../server/src/contracts/crisis';
import type { Decision, Sitrep, SitrepDiff } from '../server/src/contracts/direction';
import type { StateEvent } from '../server/src/contracts/realtime';
import { DataSource } from 'typeorm';
import { DecisionsService } from '../server/src/direction/decisions.service';
import { DEMO_DIFFUSION_LIST, seedDemoDirection } from '../server/src/direction/demo-direction';
import { SitrepsService } from '../server/src/direction/sitreps.service';
import { type FakeGateway, startFakeGateway } from './support/fake-gateway';
import { type FakeSmtp, startFakeSmtp } from './support/fake-smtp';
import { pdfText } from './support/pdf';
import { connected, nextEvent, startTestApp, type TestApp } from './support/test-app';

type User = { id: string; email: string; token: string };

/**
 * Direction end to end: decisions (socket, web push to a local push service fake, SMS, main
 * courante, console list), points de situation (generation from the main courante, deltas, diff,
 * PDF), diffusion by e-mail with the PDF attached, reminders.
 */
describe('direction', () => {
  let t: TestApp;
  let smtp: FakeSmtp;
  let gateway: FakeGateway;
  let operator: User;
  let director: User;
  let sidpc: User;
  let viewer: User;
  const DIRECTOR_MOBILE = '+33612340063';

  const as = (u: User) => ({ Authorization: `Bearer ${u.token}` });
  const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const ok = <T>(res: { status: number; body: unknown }, status = 200): T => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const newCrisis = async (title: string, exercise = true) =>
    ok<{ id: string }>(await t.http.post('/api/crises').set(as(sidpc)).send({ title, kind: 'inondation', exercise }), 201);
  const logbook = async (crisisId: string) =>
    ok<{ data: LogbookEntry[] }>(await t.http.get(`/api/crises/${crisisId}/logbook`).set(as(sidpc))).data;

  beforeAll(async () => {
    [smtp, gateway] = await Promise.all([startFakeSmtp(), startFakeGateway()]);
    t = await startTestApp({
      VIGIE_INLINE_WORKER: true,
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_TOKEN: gateway.token,
      PAGING_RETRY_BASE_MS: 100,
    });
    operator = await t.userWithToken(['cod_operator'], { displayName: 'Opératrice Martin' });
    director = await t.userWithToken(['director'], { displayName: 'Directeur Dupuy' });
    sidpc = await t.userWithToken(['sidpc'], { displayName: 'Officier Roux' });
    viewer = await t.userWithToken(['viewer']);
    // the director's phone: a contact linked to the account, its browser subscribed to web push
    ok(
      await t.http.post('/api/contacts').set(as(sidpc)).send({
        name: 'Directeur Dupuy',
        function: 'cadre',
        mobile: DIRECTOR_MOBILE,
        email: 'dircab@direction.test',
        userId: director.id,
      }),
      201,
    );
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ok(
      await t.http
        .post('/api/paging/push-subscriptions')
        .set(as(director))
        .send({
          endpoint: gateway.pushEndpoint('director-phone'),
          keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
        }),
      201,
    );
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await Promise.all([smtp?.close(), gateway?.close()]);
  });

  it('refuses bad decision requests with every problem, and the wrong roles', async () => {
    const crisis = await newCrisis('Crue de la Sioule');
    const bad = await t.http
      .post('/api/decisions')
      .set(as(operator))
      .send({ crisisId: crisis.id, question: 'Év', options: [], urgency: 'tres' });
    expect(bad.status).toBe(400);
    expect((bad.body as { details: { path: string }[] }).details.map((d) => d.path).sort()).toEqual(['options', 'question', 'urgency']);
    const viewerTry = await t.http
      .post('/api/decisions')
      .set(as(viewer))
      .send({ crisisId: crisis.id, question: 'Fermer la RD 2089 ?', options: ['Oui'], urgency: 'normale' });
    expect(viewerTry.status).toBe(403);
    const missing = await t.http
      .post('/api/decisions')
      .set(as(operator))
      .send({ crisisId: '00000000-0000-4000-8000-000000000000', question: 'Fermer la RD 2089 ?', options: ['Oui'], urgency: 'normale' });
    expect(missing.status).toBe(404);
  });

  it('a decision asked by an operator reaches the director (socket, web push, SMS); the one-tap answer is in the main courante and on the console', async () => {
    const crisis = await newCrisis('Crue de l’Allier à Pont-du-Château');
    const directorSocket = t.socket(director.token);
    const operatorSocket = t.socket(operator.token);
    await Promise.all([connected(directorSocket), connected(operatorSocket)]);
    const requested = nextEvent<StateEvent<'decision.requested'>>(directorSocket, 'decision.requested');
    const pushesBefore = gateway.pushes.length;

    const decision = ok<Decision>(
      await t.http
        .post('/api/decisions')
        .set(as(operator))
        .send({
          crisisId: crisis.id,
          question: 'Évacuer le camping des Sables avant la nuit ?',
          context: 'Montée de 40 cm en 2 h à la station de Pont-du-Château.',
          options: ['Évacuer maintenant', 'Attendre le relevé de 18 h'],
          urgency: 'urgente',
        }),
      201,
    );
    expect(decision).toMatchObject({ status: 'pending', exercise: true, requestedByName: 'Opératrice Martin' });

    // the director's console gets it live…
    expect(await requested).toMatchObject({ id: decision.id, question: 'Évacuer le camping des Sables avant la nuit ?', seq: expect.any(Number) });
    // …and the phone: web push through the local push service, SMS because it is urgent
    await until(() => gateway.pushes.slice(pushesBefore).some((p) => p.subscription === 'director-phone'), 'the push to the director');
    await until(() => gateway.accepted().some((r) => r.channel === 'sms' && r.to === DIRECTOR_MOBILE && r.text.includes('Évacuer le camping')), 'the SMS to the director');
    const push = gateway.pushes.slice(pushesBefore).find((p) => p.subscription === 'director-phone')!;
    expect(push.headers['content-encoding']).toBe('aes128gcm');

    // pending on both consoles
    const pending = ok<{ data: Decision[] }>(await t.http.get('/api/decisions?open=true').set(as(operator))).data;
    expect(pending.map((d) => d.id)).toContain(decision.id);

    // only the authority answers; an option that does not exist is refused
    expect((await t.http.post(`/api/decisions/${decision.id}/answer`).set(as(operator)).send({ answer: 'approve', optionIndex: 0 })).status).toBe(403);
    const noOption = await t.http.post(`/api/decisions/${decision.id}/answer`).set(as(director)).send({ answer: 'approve', optionIndex: 4 });
    expect(noOption.status).toBe(400);
    expect((await t.http.post(`/api/decisions/${decision.id}/answer`).set(as(director)).send({ answer: 'more_info' })).status).toBe(400);

    // one tap
    const answered = nextEvent<StateEvent<'decision.answered'>>(operatorSocket, 'decision.answered');
    const before = Date.now();
    const answer = ok<Decision>(
      await t.http.post(`/api/decisions/${decision.id}/answer`).set(as(director)).send({ answer: 'approve', optionIndex: 0, note: 'Prévenir le maire.' }),
    );
    expect(answer).toMatchObject({ status: 'approved', chosenOption: 0, answeredBy: director.id, answeredByName: 'Directeur Dupuy', answerNote: 'Prévenir le maire.' });
    // the operator's console shows it
    expect(await answered).toMatchObject({ id: decision.id, status: 'approved', chosenOption: 0, answeredByName: 'Directeur Dupuy' });
    expect((await t.http.post(`/api/decisions/${decision.id}/answer`).set(as(director)).send({ answer: 'reject' })).status).toBe(409);
    expect(ok<{ data: Decision[] }>(await t.http.get('/api/decisions?open=true').set(as(operator))).data.map((d) => d.id)).not.toContain(decision.id);

    // the main courante: the request by the operator, the decision by the director, with time
    const entries = await logbook(crisis.id);
    const request = entries.find((e) => e.category === 'demande' && e.text.includes('Évacuer le camping des Sables'))!;
    expect(request).toMatchObject({ authorId: operator.id, authorName: 'Opératrice Martin' });
    expect(request.text).toContain('1. Évacuer maintenant ; 2. Attendre le relevé de 18 h');
    const taken = entries.find((e) => e.category === 'decision')!;
    expect(taken).toMatchObject({ authorId: director.id, authorName: 'Directeur Dupuy', cellule: 'direction' });
    expect(taken.text).toBe(
      'Décision de Directeur Dupuy sur « Évacuer le camping des Sables avant la nuit ? » : option 1 « Évacuer maintenant » approuvée. Note : Prévenir le maire.',
    );
    expect(new Date(taken.recordedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(taken.recordedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(answer.history.map((h) => [h.to, h.byName])).toEqual([
      ['pending', 'Opératrice Martin'],
      ['approved', 'Directeur Dupuy'],
    ]);
  });

  it('asks for more, takes the complement, and reminds an urgent decision left waiting once', async () => {
    const crisis = await newCrisis('Glissement à Royat');
    const d = ok<Decision>(
      await t.http
        .post('/api/decisions')
        .set(as(operator))
        .send({ crisisId: crisis.id, question: 'Fermer la RD 941 ?', options: ['Fermer', 'Alternat'], urgency: 'urgente' }),
      201,
    );
    const more = ok<Decision>(await t.http.post(`/api/decisions/${d.id}/answer`).set(as(director)).send({ answer: 'more_info', note: 'Quel trafic ?' }));
    expect(more.status).toBe('more_info');
    const back = ok<Decision>(await t.http.post(`/api/decisions/${d.id}/complement`).set(as(operator)).send({ note: '4 000 véhicules par jour.' }));
    expect(back.status).toBe('pending');
    expect(back.context).toContain('4 000 véhicules par jour.');

    const service = t.app.get(DecisionsService);
    // not yet due (rule: 600 s)
    expect(await service.remindOverdue(new Date(Date.now() + 60_000))).toBe(0);
    const socket = t.socket(director.token);
    await connected(socket);
    const updated = nextEvent<StateEvent<'decision.updated'>>(socket, 'decision.updated');
    expect(await service.remindOverdue(new Date(Date.now() + 11 * 60_000))).toBe(1);
    expect(await updated).toMatchObject({ id: d.id, remindedAt: expect.any(String) });
    expect(await service.remindOverdue(new Date(Date.now() + 20 * 60_000))).toBe(0);
    const entries = await logbook(crisis.id);
    expect(entries.filter((e) => e.text.startsWith('Rappel : la décision urgente « Fermer la RD 941 ? »'))).toHaveLength(1);
  });

  describe('points de situation', () => {
    let crisisId: string;
    let second: Sitrep;
    let promotedIds: string[];

    const incident = async (title: string, counters: Record<string, number>, lon: number) =>
      ok<Incident>(
        await t.http.post('/api/incidents').set(as(operator)).send({
          crisisId,
          title,
          kind: 'inondation',
          severity: 'grave',
          location: { type: 'Point', coordinates: [lon, 45.78] },
          counters,
        }),
        201,
      );

    it('generates a point from the promoted entries since the previous one, with the deltas, and exports it as a PDF', async () => {
      crisisId = (await newCrisis('Crue de la Dordogne')).id;
      const a = await incident('Quartier des Îles inondé', { evacues: 10, heberges: 2 }, 3.08);
      const early = ok<LogbookEntry>(
        await t.http.post(`/api/crises/${crisisId}/logbook`).set(as(operator)).send({ text: 'Premier fait, avant le point n° 1', category: 'information', cellule: 'situation' }),
        201,
      );
      ok(await t.http.post(`/api/logbook/${early.id}/promote`).set(as(director)), 201);
      const first = ok<Sitrep>(await t.http.post(`/api/crises/${crisisId}/sitreps`).set(as(operator)), 201);
      expect(first).toMatchObject({ number: 1, status: 'draft', version: 1, periodStart: null });
      expect(first.entries.map((e) => e.id)).toEqual([early.id]);
      // one draft at a time
      expect((await t.http.post(`/api/crises/${crisisId}/sitreps`).set(as(operator))).status).toBe(409);
      // only the authority validates, the version read
      expect((await t.http.post(`/api/sitreps/${first.id}/validate`).set(as(operator)).send({ version: 1 })).status).toBe(403);
      ok(await t.http.post(`/api/sitreps/${first.id}/validate`).set(as(director)).send({ version: 1 }));

      // 20 entries, 5 promoted
      const written: LogbookEntry[] = [];
      for (let i = 1; i <= 20; i++) {
        written.push(
          ok<LogbookEntry>(
            await t.http
              .post(`/api/crises/${crisisId}/logbook`)
              .set(as(operator))
              .send({ text: `Fait n° ${i} : relevé du secteur ${i}`, category: 'information', cellule: i % 2 ? 'situation' : 'operations' }),
            201,
          ),
        );
      }
      const chosen = [written[1], written[4], written[9], written[13], written[18]];
      for (const e of chosen) ok(await t.http.post(`/api/logbook/${e.id}/promote`).set(as(director)), 201);
      promotedIds = chosen.map((e) => e.id);

      // counters change: one incident worse, a new one
      ok(await t.http.patch(`/api/incidents/${a.id}`).set(as(operator)).send({ version: a.version, counters: { evacues: 25, heberges: 8 } }));
      await incident('RD 996 coupée', { routes_coupees: 3, decedes: 1 }, 3.1);

      const operatorSocket = t.socket(operator.token);
      await connected(operatorSocket);
      const created = nextEvent<StateEvent<'sitrep.created'>>(operatorSocket, 'sitrep.created');
      second = ok<Sitrep>(await t.http.post(`/api/crises/${crisisId}/sitreps`).set(as(operator)), 201);
      expect((await created).id).toBe(second.id);
      expect(second.number).toBe(2);
      expect(second.exercise).toBe(true);
      expect(second.periodStart).toBe(first.generatedAt);
      // exactly the 5 promoted entries, in chain order
      expect(second.entries.map((e) => e.id)).toEqual(promotedIds);
      expect(second.entries.map((e) => e.text)).toEqual(chosen.map((e) => e.text));
      expect(second.bilan).toMatchObject({ evacues: 25, heberges: 8, routes_coupees: 3, decedes: 1 });
      expect(second.previousBilan).toMatchObject({ evacues: 10, heberges: 2, routes_coupees: 0, decedes: 0 });
      expect(second.deltas).toEqual({
        decedes: 1,
        urgences_absolues: 0,
        urgences_relatives: 0,
        impliques: 0,
        evacues: 15,
        heberges: 6,
        foyers_sans_electricite: 0,
        routes_coupees: 3,
      });

      // cellule texts on the draft, versioned
      const edited = ok<Sitrep>(
        await t.http
          .put(`/api/sitreps/${second.id}`)
          .set(as(operator))
          .send({ version: 1, sections: { situation: 'Décrue amorcée à Bort-les-Orgues.', anticipation: 'Nouvel épisode pluvieux jeudi.' } }),
      );
      expect(edited.version).toBe(2);
      const stale = await t.http.put(`/api/sitreps/${second.id}`).set(as(operator)).send({ version: 1, sections: { communication: 'x' } });
      expect(stale.status).toBe(409);
      const badBody = await t.http.put(`/api/sitreps/${second.id}`).set(as(operator)).send({ version: 0, sections: { meteo: 'x' } });
      expect(badBody.status).toBe(400);

      const withDiff = ok<Sitrep & { diff: SitrepDiff }>(await t.http.get(`/api/sitreps/${second.id}`).set(as(viewer)));
      expect(withDiff.diff.previousNumber).toBe(1);
      expect(withDiff.diff.counters.find((c) => c.key === 'evacues')).toEqual({ key: 'evacues', previous: 10, current: 25, delta: 15 });
      expect(withDiff.diff.sections.filter((s) => s.changed).map((s) => s.section)).toEqual(['situation', 'anticipation']);
      expect(withDiff.diff.newEntries).toBe(5);

      const pdf = await t.http
        .get(`/api/sitreps/${second.id}/pdf`)
        .set(as(viewer))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.body as Buffer);
      expect(text).toContain('POINT DE SITUATION N° 2');
      expect(text).toContain('PRÉFET DU PUY-DE-DÔME');
      expect(text).toContain('EXERCICE');
      expect(text).toContain('PROJET — non validé');
      expect(text).toMatch(/Évacués\s+10\s+25\s+\+15/);
      expect(text).toMatch(/Hébergés\s+2\s+8\s+\+6/);
      expect(text).toMatch(/Routes coupées\s+0\s+3\s+\+3/);
      for (const e of chosen) expect(text).toContain(e.text);
      expect(text).not.toContain('Fait n° 1 :');
      expect(text).toContain('Décrue amorcée à Bort-les-Orgues.');
      expect(text).toMatch(/page 1 \/ \d/);
    });

    it('diffuses only a validated point, one e-mail per list member with the PDF attached', async () => {
      const members: string[] = [];
      for (const name of ['Sous-préfet Riom', 'Chef SDIS', 'COGIC permanence']) {
        const slug = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z]+/g, '.').toLowerCase();
        members.push(ok<{ id: string }>(await t.http.post('/api/contacts').set(as(sidpc)).send({ name, function: 'cadre', email: `${slug}@diffusion.test` }), 201).id);
      }
      const group = ok<{ id: string }>(await t.http.post('/api/groups').set(as(sidpc)).send({ name: 'Diffusion point de situation', contactIds: members }), 201);

      expect((await t.http.post(`/api/sitreps/${second.id}/diffuse`).set(as(sidpc)).send({ groupIds: [group.id] })).status).toBe(409);
      expect((await t.http.post(`/api/sitreps/${second.id}/diffuse`).set(as(sidpc)).send({ groupIds: ['00000000-0000-4000-8000-000000000000'] })).status).toBe(409);
      ok(await t.http.post(`/api/sitreps/${second.id}/validate`).set(as(director)).send({ version: 2 }));
      const unknown = await t.http.post(`/api/sitreps/${second.id}/diffuse`).set(as(sidpc)).send({ groupIds: ['00000000-0000-4000-8000-000000000000'] });
      expect(unknown.status).toBe(400);
      expect(smtp.messages.filter((m) => m.subject.includes('Point de situation n° 2'))).toHaveLength(0);

      const diffused = ok<Sitrep>(await t.http.post(`/api/sitreps/${second.id}/diffuse`).set(as(sidpc)).send({ groupIds: [group.id] }));
      expect(diffused.diffusions).toEqual([expect.objectContaining({ groups: ['Diffusion point de situation'], recipients: 3, byName: 'Officier Roux' })]);
      const mails = await smtp.waitFor((m) => m.subject.includes('Point de situation n° 2'), 3);
      await new Promise((r) => setTimeout(r, 300));
      const all = smtp.messages.filter((m) => m.subject.includes('Point de situation n° 2'));
      expect(all).toHaveLength(3);
      expect(all.flatMap((m) => m.to).sort()).toEqual(['chef.sdis@diffusion.test', 'cogic.permanence@diffusion.test', 'sous.prefet.riom@diffusion.test']);
      for (const mail of mails) {
        expect(mail.subject).toBe('EXERCICE – [INFORMATION] Point de situation n° 2 – Crue de la Dordogne');
        expect(mail.attachments).toHaveLength(1);
        const [file] = mail.attachments;
        expect(file).toMatchObject({ filename: 'exercice-point-de-situation-002.pdf', contentType: 'application/pdf' });
        const text = await pdfText(file.content);
        expect(text).toContain('POINT DE SITUATION N° 2');
        expect(text).toContain('Validé par Directeur Dupuy');
        expect(text).toContain('EXERCICE');
      }
      const entries = await logbook(crisisId);
      expect(entries.map((e) => e.text)).toEqual(
        expect.arrayContaining([
          'Point de situation n° 2 validé par Directeur Dupuy.',
          'Point de situation n° 2 diffusé par courriel (PDF joint) à 3 destinataire(s) : Diffusion point de situation.',
        ]),
      );
    });

    it('reminds the situation cellule once before the next point is due', async () => {
      const due = new Date(Date.now() + 10 * 60_000);
      const bad = await t.http.put(`/api/crises/${crisisId}/sitrep-schedule`).set(as(operator)).send({ nextDueAt: new Date(Date.now() - 60_000).toISOString() });
      expect(bad.status).toBe(400);
      ok(await t.http.put(`/api/crises/${crisisId}/sitrep-schedule`).set(as(operator)).send({ nextDueAt: due.toISOString(), intervalMinutes: 120 }));
      // the operator holds the cellule situation and can be paged in the console
      ok(await t.http.post('/api/contacts').set(as(sidpc)).send({ name: 'Opératrice Martin', function: 'agent', userId: operator.id }), 201);
      ok(await t.http.post('/api/cod/positions').set(as(operator)).send({ cellule: 'situation' }), 201);
      const socket = t.socket(operator.token);
      await connected(socket);
      const reminder = nextEvent<StateEvent<'sitrep.scheduled'>>(socket, 'sitrep.scheduled');
      const paged = nextEvent<StateEvent<'page.received'>>(socket, 'page.received', 10_000);
      const service = t.app.get(SitrepsService);
      expect(await service.remindDue()).toBe(1);
      expect(await reminder).toMatchObject({ crisisId, due: true, number: 3, nextDueAt: due.toISOString() });
      expect((await paged).title).toMatch(/^Point de situation n° 3 attendu à \d\d:\d\d$/);
      expect(await service.remindDue()).toBe(0);
      const schedule = ok<{ nextDueAt: string; remindedAt: string | null }>(await t.http.get(`/api/crises/${crisisId}/sitrep-schedule`).set(as(viewer)));
      expect(schedule).toMatchObject({ nextDueAt: due.toISOString(), remindedAt: expect.any(String) });
      const entries = await logbook(crisisId);
      expect(entries.filter((e) => e.text.startsWith('Rappel à la cellule situation : le point de situation n° 3 est attendu à'))).toHaveLength(1);
    });
  });

  it('seeds its demo data once (diffusion list), however often it runs', async () => {
    const manager = t.app.get(DataSource).manager;
    const first = await seedDemoDirection(manager, new Date());
    expect(first).toEqual({ contacts: 6, lists: 1 });
    expect(await seedDemoDirection(manager, new Date())).toEqual({ contacts: 0, lists: 0 });
    const [{ n }] = (await manager.query(
      'SELECT count(*)::int AS n FROM contact_group_member m JOIN contact_group g ON g.id = m.group_id WHERE g.name = $1',
      [DEMO_DIFFUSION_LIST],
    )) as [{ n: number }];
    expect(n).toBe(6);
  });
});
