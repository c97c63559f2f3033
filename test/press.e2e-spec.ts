import { pdfText } from './support/pdf';
import { type FakeSmtp, startFakeSmtp } from './support/fake-smtp';
import { startTestApp, type TestApp } from './support/test-app';
import type { Communique, CommuniqueDiff, PressContact, PressList, PressRequest, PublicCommunique } from '../server/src/contracts/press';

/**
 * Press and communication end to end: real PostgreSQL, Redis, BullMQ workers (inline) and a
 * real SMTP server on loopback receiving what the paging pipeline sends to the press lists.
 */
describe('press', () => {
  let t: TestApp;
  let smtp: FakeSmtp;
  let press: { id: string; token: string };
  let director: { id: string; token: string };
  let viewer: { id: string; token: string };
  let list: PressList;
  let consenting: PressContact;
  let refusing: PressContact;

  const as = (user: { token: string }) => ({
    get: (url: string) => t.http.get(url).set('Authorization', `Bearer ${user.token}`),
    post: (url: string, body?: object) => t.http.post(url).set('Authorization', `Bearer ${user.token}`).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('Authorization', `Bearer ${user.token}`).send(body),
  });
  const draft = async (body: Record<string, unknown> = {}, author = press): Promise<Communique> => {
    const res = await as(author).post('/api/press/communiques', {
      title: 'Vigilance orange orages',
      kind: 'communique',
      theme: 'Sécurité civile',
      body: '## Consignes\n- évitez les déplacements\n- **abritez-vous** en cas d’orage',
      pressListIds: [list.id],
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as Communique;
  };
  const act = (user: { token: string }, id: string, action: string) => as(user).post(`/api/press/communiques/${id}/actions`, { action });
  const feed = async () => (await t.http.get('/api/public/communiques.atom')).text;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    t = await startTestApp({ VIGIE_INLINE_WORKER: true, SMTP_URL: smtp.url, PAGING_RETRY_BASE_MS: 100 });
    [press, director, viewer] = await Promise.all([
      t.userWithToken(['press'], { displayName: 'Paul Presse' }),
      t.userWithToken(['director'], { displayName: 'Diane Directrice' }),
      t.userWithToken(['viewer']),
    ]);
    const contact = async (name: string, email: string, consent: boolean) => {
      const res = await as(press).post('/api/press/contacts', {
        name,
        media: 'La Montagne',
        mediaType: 'presse_ecrite',
        beats: ['sécurité'],
        email,
        consent,
        consentAt: consent ? '2026-01-12' : null,
      });
      expect(res.status).toBe(201);
      return res.body as PressContact;
    };
    consenting = await contact('Claire Fontaine', 'claire.fontaine@presse.test', true);
    refusing = await contact('Marc Sanconsent', 'marc.sanconsent@presse.test', false);
    const res = await as(press).post('/api/press/lists', { name: 'Presse quotidienne régionale', contactIds: [consenting.id, refusing.id] });
    expect(res.status).toBe(201);
    list = res.body as PressList;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('publishes nothing unvalidated, refuses a press user validating their own and a director validating their own', async () => {
    const c = await draft();
    expect(c.status).toBe('brouillon');
    expect((await act(press, c.id, 'publish')).status).toBe(409);
    expect((await act(press, c.id, 'submit')).status).toBe(200);
    expect((await act(press, c.id, 'publish')).status).toBe(409);
    const own = await act(press, c.id, 'validate');
    expect(own.status).toBe(403);
    expect((own.body as { code: string }).code).toBe('forbidden');

    const byDirector = await draft({ title: 'Communiqué rédigé par la directrice' }, director);
    expect((await act(director, byDirector.id, 'submit')).status).toBe(200);
    const self = await act(director, byDirector.id, 'validate');
    expect(self.status).toBe(403);
    expect((self.body as { message: string }).message).toMatch(/author/);
    expect(await feed()).not.toContain(c.id);
    expect((await t.http.get('/api/public/communiques')).body).toEqual([]);
  });

  it('validated by the director, published after its embargo to the feed, the public page and consenting journalists only', async () => {
    const embargo = new Date(Date.now() + 2500);
    const c = await draft({ title: 'Levée de la vigilance', embargoUntil: embargo.toISOString() });
    await act(press, c.id, 'submit');
    const validated = await act(director, c.id, 'validate');
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ status: 'valide', validatedByName: 'Diane Directrice' });
    const early = await act(press, c.id, 'publish');
    expect(early.status).toBe(409);
    expect((early.body as { message: string }).message).toMatch(/embargo/i);
    await new Promise((r) => setTimeout(r, Math.max(0, embargo.getTime() - Date.now() + 100)));
    const published = await act(press, c.id, 'publish');
    expect(published.status).toBe(200);
    const body = published.body as Communique;
    expect(body.status).toBe('publie');
    expect(body.history.map((h) => h.to)).toEqual(expect.arrayContaining(['brouillon', 'a_valider', 'valide', 'publie']));

    const atom = await t.http.get('/api/public/communiques.atom');
    expect(atom.status).toBe(200);
    expect(atom.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(atom.text).toContain(`urn:uuid:${c.id}`);
    expect(atom.text).toContain('&lt;strong&gt;abritez-vous&lt;/strong&gt;');
    const list = (await t.http.get('/api/public/communiques')).body as PublicCommunique[];
    expect(list.map((p) => p.id)).toEqual([c.id]);
    const page = await t.http.get(`/api/public/communiques/${c.id}.html`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Levée de la vigilance</h1>');

    const year = new Date().getFullYear();
    const report = await as(press).get(`/api/press/communiques/report?year=${year}`);
    expect(report.status).toBe(200);
    expect(report.body).toEqual([{ month: expect.stringMatching(new RegExp(`^${year}-\\d{2}$`)), theme: 'Sécurité civile', count: 1 }]);
    const [mail] = await smtp.waitFor((m) => m.subject.includes('Levée de la vigilance'));
    expect(mail.to).toEqual(['claire.fontaine@presse.test']);
    expect(mail.text).toContain('– abritez-vous en cas d’orage');
    expect(mail.text).toContain(`/api/public/communiques/${c.id}.html`);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => m.to.includes('marc.sanconsent@presse.test'))).toEqual([]);
  });

  it('an EXERCICE communiqué sends nothing to the SMTP sink and never reaches the feed', async () => {
    const crisis = await as(director).post('/api/crises', { title: 'Exercice inondation Allier', kind: 'inondation', exercise: true });
    expect(crisis.status).toBe(201);
    const ex = await draft({ title: 'EXERCICE crue de l’Allier', crisisId: (crisis.body as { id: string }).id });
    expect(ex.exercise).toBe(true);
    await act(press, ex.id, 'submit');
    await act(director, ex.id, 'validate');
    expect((await act(press, ex.id, 'publish')).status).toBe(200);
    // a real one published afterwards reaches the sink: the exercise one had its chance before
    const real = await draft({ title: 'Témoin après exercice' });
    await act(press, real.id, 'submit');
    await act(director, real.id, 'validate');
    await act(press, real.id, 'publish');
    await smtp.waitFor((m) => m.subject.includes('Témoin après exercice'));
    expect(smtp.messages.filter((m) => m.subject.includes('crue de l’Allier'))).toEqual([]);
    expect(await feed()).not.toContain(ex.id);
    const pub = await t.http.get(`/api/public/communiques/${ex.id}`);
    expect(pub.status).toBe(404);
  });

  it('keeps every version with a word diff, and a PDF with the préfecture header', async () => {
    const c = await draft({ title: 'Feux de forêt', body: 'Le préfet appelle à la prudence.' });
    const changed = await as(press).patch(`/api/press/communiques/${c.id}`, { version: c.version, body: 'Le préfet appelle à la plus grande prudence.' });
    expect(changed.status).toBe(200);
    const stale = await as(press).patch(`/api/press/communiques/${c.id}`, { version: c.version, title: 'Autre' });
    expect(stale.status).toBe(409);
    const diff = (await as(press).get(`/api/press/communiques/${c.id}/diff?from=1&to=2`)).body as CommuniqueDiff;
    expect(diff.body.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['plus grande']);
    await act(press, c.id, 'submit');
    const locked = await as(press).patch(`/api/press/communiques/${c.id}`, { version: 2, title: 'Modifié pendant la validation' });
    expect(locked.status).toBe(409);
    const pdf = await as(press).get(`/api/press/communiques/${c.id}/pdf`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('PRÉFET');
    expect(text).toContain('DU PUY-DE-DÔME');
    expect(text).toContain('Feux de forêt');
    expect(text).toContain('plus grande prudence');
    expect(text).toContain('PROJET');
  });

  it('validates every edge and keeps press data to the press roles', async () => {
    const bad = await as(press).post('/api/press/communiques', { title: '', kind: 'tract', theme: 'x', body: 'x', embargoUntil: 'demain' });
    expect(bad.status).toBe(400);
    expect((bad.body as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(expect.arrayContaining(['title', 'kind', 'embargoUntil']));
    const unknownList = await as(press).post('/api/press/communiques', { title: 'T', kind: 'communique', theme: 'x', body: 'x', pressListIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknownList.status).toBe(400);
    for (const url of ['/api/press/communiques', '/api/press/contacts', '/api/press/requests', '/api/press/lists']) {
      expect((await as(viewer).get(url)).status).toBe(403);
      expect((await t.http.get(url)).status).toBe(401);
    }
    expect((await t.http.get('/api/public/communiques.html')).status).toBe(200);
  });

  it('imports press contacts all or nothing with a report, or only the valid rows when asked', async () => {
    const header = 'Nom;Média;Type de média;Consentement RGPD;Date du consentement;Courriel;Listes';
    const csv = [header, 'Julie Radio;France Bleu Pays d’Auvergne;Radio;oui;03/02/2026;julie.radio@presse.test;Presse quotidienne régionale', 'Bad Row;;Pigeon;peut-être;;pas-une-adresse;Inconnue'].join('\r\n');
    const refused = await as(press).post('/api/press/contacts/import', { csv });
    expect(refused.status).toBe(400);
    const paths = (refused.body as { details: { path: string }[] }).details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['line.3.Type de média', 'line.3.Consentement RGPD', 'line.3.Courriel', 'line.3.Média']));
    expect(((await as(press).get('/api/press/contacts')).body as PressContact[]).map((c) => c.name)).not.toContain('Julie Radio');

    const partial = await as(press).post('/api/press/contacts/import', { csv, onlyValid: true });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    const contacts = (await as(press).get('/api/press/contacts')).body as PressContact[];
    const julie = contacts.find((c) => c.name === 'Julie Radio')!;
    expect(julie).toMatchObject({ mediaType: 'radio', consent: true, consentAt: '2026-02-03', listIds: [list.id] });

    const exported = await as(press).get('/api/press/contacts/export.csv');
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('Julie Radio;;France Bleu Pays d’Auvergne;Radio;');
    // the export imports back unchanged (updates by identifier)
    const again = await as(press).post('/api/press/contacts/import', { csv: exported.text });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: contacts.length, skipped: 0 });
  });

  it('lists the press requests past their deadline', async () => {
    const late = await as(press).post('/api/press/requests', { journalistName: 'Claire Fontaine', contactId: consenting.id, media: 'La Montagne', subject: 'Bilan des orages', deadline: new Date(Date.now() - 3600_000).toISOString() });
    const soon = await as(press).post('/api/press/requests', { journalistName: 'Julie Radio', media: 'France Bleu', subject: 'Interview du préfet', deadline: new Date(Date.now() + 3600_000).toISOString(), spokesperson: 'Directrice de cabinet' });
    expect([late.status, soon.status]).toEqual([201, 201]);
    const overdue = (await as(press).get('/api/press/requests?overdue=true')).body as PressRequest[];
    expect(overdue.map((r) => r.subject)).toEqual(['Bilan des orages']);
    expect(overdue[0].overdue).toBe(true);
    const noAnswer = await as(press).patch(`/api/press/requests/${(late.body as PressRequest).id}`, { status: 'repondue' });
    expect(noAnswer.status).toBe(400);
    const answered = await as(press).patch(`/api/press/requests/${(late.body as PressRequest).id}`, { status: 'repondue', answer: '12 interventions, aucun blessé.' });
    expect(answered.status).toBe(200);
    expect(((await as(press).get('/api/press/requests?overdue=true')).body as PressRequest[])).toEqual([]);
  });
});
