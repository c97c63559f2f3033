import { pdfPages } from './support/pdf';
import { startTestApp, type TestApp } from './support/test-app';
import type { AdministrativeAct, RaaIssue } from '../server/src/contracts/press';

/** Official publications end to end: register of acts, RAA issues, their PDF, appeal deadlines and enforceability. */
describe('press — official publications', () => {
  let t: TestApp;
  let press: { token: string };

  const post = (url: string, body: object) => t.http.post(url).set('Authorization', `Bearer ${press.token}`).send(body);
  const get = (url: string) => t.http.get(url).set('Authorization', `Bearer ${press.token}`);
  const binary = (url: string) =>
    get(url)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const act = async (n: number, extra: Record<string, unknown> = {}): Promise<AdministrativeAct> => {
    const res = await post('/api/press/acts', {
      number: `63-2025-12-${String(n).padStart(2, '0')}-000${n}`,
      signedAt: `2025-12-${String(Math.min(n, 28)).padStart(2, '0')}`,
      signatory: 'Le préfet',
      delegation: n % 2 ? 'Arrêté n° 63-2025-09-01-00001 portant délégation de signature' : null,
      service: 'Cabinet du préfet',
      nature: n % 3 ? 'reglementaire' : 'individuel',
      subject: `Arrêté n° ${n} portant réglementation temporaire de la circulation — commune d'Issoire`,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as AdministrativeAct;
  };

  beforeAll(async () => {
    t = await startTestApp();
    press = await t.userWithToken(['press']);
  }, 60_000);
  afterAll(() => t?.close());

  it('assembles an issue of 12 acts whose PDF lists them in order in its table of contents', async () => {
    const acts: AdministrativeAct[] = [];
    for (let n = 1; n <= 12; n++) acts.push(await act(n));
    const order = [...acts].reverse(); // the issue's order is the one given, not the creation order
    const created = await post('/api/press/raa', { actIds: order.map((a) => a.id), title: 'Spécial fin d’année' });
    expect(created.status).toBe(201);
    const issue = created.body as RaaIssue;
    expect(issue.label).toMatch(/^RAA n° 63-\d{4}-001$/);
    expect(issue.acts.map((a) => a.id)).toEqual(order.map((a) => a.id));

    const again = await post('/api/press/raa', { actIds: [acts[0].id] });
    expect(again.status).toBe(400);
    expect((again.body as { details: { message: string }[] }).details[0].message).toMatch(/already in an issue/);

    // not yet published: nothing enforceable
    expect((await post(`/api/press/acts/${acts[2].id}/enforceable`, {})).status).toBe(409);

    const published = await post(`/api/press/raa/${issue.id}/publish`, { publishedOn: '2026-01-31' });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ publishedOn: '2026-01-31', appealDeadline: '2026-03-31' });
    const regulatory = (published.body as RaaIssue).acts.filter((a) => a.nature === 'reglementaire');
    expect(regulatory.every((a) => a.enforceableAt === '2026-01-31' && a.appealDeadline === '2026-03-31')).toBe(true);
    const individual = (published.body as RaaIssue).acts.find((a) => a.nature === 'individuel')!;
    expect(individual.enforceableAt).toBeNull();
    const marked = await post(`/api/press/acts/${individual.id}/enforceable`, {});
    expect(marked.status).toBe(200);
    expect((marked.body as AdministrativeAct).enforceableAt).toBe('2026-01-31');
    expect((await post(`/api/press/raa/${issue.id}/publish`, { publishedOn: '2026-02-01' })).status).toBe(409);

    const pdf = await binary(`/api/press/raa/${issue.id}/pdf`);
    expect(pdf.status).toBe(200);
    const pages = await pdfPages(pdf.body as Buffer);
    expect(pages).toHaveLength(1 + 1 + 12);
    expect(pages[0]).toContain(`${issue.label} du 31/01/2026`);
    expect(pages[0]).toContain("jusqu'au 31/03/2026");
    const toc = pages[1];
    expect(toc).toContain('SOMMAIRE');
    const positions = order.map((a) => toc.indexOf(a.number));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // each act on the page the table of contents announces
    order.forEach((a, i) => {
      expect(toc).toMatch(new RegExp(`${a.number}[\\s\\S]*?\\s${i + 3}\\n`));
      expect(pages[i + 2]).toContain(`Arrêté n° ${a.number}`);
    });
  });

  it('computes the appeal deadline across month ends (31 December + 2 months → 28 February)', async () => {
    const a = await act(13, { number: '63-2025-12-31-00099', signedAt: '2025-12-31' });
    const issue = (await post('/api/press/raa', { actIds: [a.id] })).body as RaaIssue;
    expect(issue.label).toMatch(/-002$/);
    const early = await post(`/api/press/raa/${issue.id}/publish`, { publishedOn: '2025-12-30' });
    expect(early.status).toBe(400); // before the act's signature
    const res = await post(`/api/press/raa/${issue.id}/publish`, { publishedOn: '2025-12-31' });
    expect(res.body).toMatchObject({ appealDeadline: '2026-02-28' });
  });

  it('stores the signed PDF of an act and refuses what is not one', async () => {
    const notPdf = await post('/api/press/acts', {
      number: '63-2026-01-05-00001',
      signedAt: '2026-01-05',
      signatory: 'La directrice de cabinet',
      service: 'Cabinet',
      nature: 'individuel',
      subject: 'Autorisation',
      pdfBase64: Buffer.from('<html>').toString('base64'),
    });
    expect(notPdf.status).toBe(400);
    const real = Buffer.from('%PDF-1.4\n%minimal\n');
    const res = await post('/api/press/acts', {
      number: '63-2026-01-05-00002',
      signedAt: '2026-01-05',
      signatory: 'La directrice de cabinet',
      service: 'Cabinet',
      nature: 'individuel',
      subject: 'Autorisation',
      pdfBase64: real.toString('base64'),
    });
    expect(res.status).toBe(201);
    const file = await binary(`/api/press/acts/${(res.body as AdministrativeAct).id}/pdf`);
    expect(Buffer.compare(file.body as Buffer, real)).toBe(0);
  });
});
