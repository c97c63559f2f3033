import { DataSource } from 'typeorm';
import { seedDemoPress } from '../server/src/press/demo-press';
import { UsersService } from '../server/src/users/users.service';
import { pdfText } from './support/pdf';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';
import type { CommuniqueListItem, PressRequest, PublicCommunique, RaaIssue, Visit, VisitListItem } from '../server/src/contracts/press';
import type { CommuneTerritory } from '../server/src/contracts/territory';

/** Visits end to end: officials to inform from the territorial reference, ticks, conflicts, agenda, folder PDF. */
describe('press — visits', () => {
  let t: TestApp;
  let press: { token: string };
  let admin: { token: string };

  const as = (user: { token: string }) => ({
    get: (url: string) => t.http.get(url).set('Authorization', `Bearer ${user.token}`),
    post: (url: string, body: object) => t.http.post(url).set('Authorization', `Bearer ${user.token}`).send(body),
    put: (url: string, body: object) => t.http.put(url).set('Authorization', `Bearer ${user.token}`).send(body),
  });
  const contact = async (body: Record<string, unknown>): Promise<string> => {
    const res = await as(admin).post('/api/contacts', { email: `${String(body.name).toLowerCase().replace(/\W+/g, '.')}@elus.test`, ...body });
    if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  };
  const territory = async (insee: string) => (await as(admin).get(`/api/reference/territory/${insee}`)).body as CommuneTerritory;
  const visit = (body: Record<string, unknown> = {}) =>
    as(press).post('/api/press/visits', {
      kind: 'vo_ministre',
      authority: 'M. le ministre de l’Agriculture',
      title: 'Visite ministérielle : élevage et forêt',
      startsAt: '2026-06-12T07:30:00Z',
      endsAt: '2026-06-12T15:00:00Z',
      communes: ['63003', '63300', '63430'],
      status: 'confirmee',
      sequences: [
        { startsAt: '2026-06-12T07:30:00Z', endsAt: '2026-06-12T08:15:00Z', place: 'Mairie d’Ambert', title: 'Accueil républicain', participants: 'Maire, préfet', press: 'ouverte' },
        { startsAt: '2026-06-12T10:00:00Z', endsAt: '2026-06-12T11:30:00Z', place: 'Scierie de Thiers', title: 'Table ronde filière bois', press: 'fermee' },
      ],
      ...body,
    });

  beforeAll(async () => {
    t = await startTestApp();
    [press, admin] = await Promise.all([t.userWithToken(['press']), t.userWithToken(['admin'])]);
  }, 60_000);
  afterAll(() => t?.close());

  it('a visit to 3 communes lists their mayors, the deputies of their circonscriptions and the conseillers départementaux of their cantons', async () => {
    const [ambert, riom, thiers, issoire] = await Promise.all(['63003', '63300', '63430', '63178'].map(territory));
    const visitedCantons = new Set([ambert, riom, thiers].flatMap((c) => c.cantons.map((k) => k.code)));
    const visitedCircos = new Set([ambert, riom, thiers].flatMap((c) => c.circonscriptions.map((k) => k.code)));
    const otherCanton = issoire.cantons.find((k) => !visitedCantons.has(k.code))!;
    const otherCirco = ['6301', '6302', '6303', '6304', '6305'].find((c) => !visitedCircos.has(c))!;
    const expected = {
      maire: [await contact({ name: 'Maire Ambert', function: 'maire', communeInsee: '63003' }), await contact({ name: 'Maire Riom', function: 'maire', communeInsee: '63300' }), await contact({ name: 'Maire Thiers', function: 'maire', communeInsee: '63430' })],
      depute: await Promise.all([...visitedCircos].map((code) => contact({ name: `Député ${code}`, function: 'depute', circonscriptionCode: code }))),
      conseiller_departemental: await Promise.all([...visitedCantons].map((code) => contact({ name: `CD ${code}`, function: 'conseiller_departemental', cantonCode: code }))),
      senateur: [await contact({ name: 'Sénatrice Puy-de-Dôme', function: 'senateur' })],
    };
    // not concerned: another commune's mayor, another circonscription's deputy, another canton's councillor
    const strangers = [
      await contact({ name: 'Maire Issoire', function: 'maire', communeInsee: '63178' }),
      await contact({ name: 'Député ailleurs', function: 'depute', circonscriptionCode: otherCirco }),
      await contact({ name: 'CD ailleurs', function: 'conseiller_departemental', cantonCode: otherCanton.code }),
    ];

    const res = await visit();
    expect(res.status).toBe(201);
    const v = res.body as Visit;
    expect(v.communes.map((c) => c.name)).toEqual(['Ambert', 'Riom', 'Thiers']);
    const byFunction = (f: string) => v.officials.filter((o) => o.function === f).map((o) => o.contactId).sort();
    for (const [f, ids] of Object.entries(expected)) expect(byFunction(f)).toEqual([...ids].sort());
    expect(v.officials.some((o) => strangers.includes(o.contactId))).toBe(false);
    expect(v.uninformed).toBe(v.officials.length);

    // « informé le » ticks
    const mayor = expected.maire[0];
    const ticked = await as(press).post(`/api/press/visits/${v.id}/officials/${mayor}`, { informed: true });
    expect(ticked.status).toBe(200);
    const after = ticked.body as Visit;
    expect(after.officials.find((o) => o.contactId === mayor)?.informedAt).toEqual(expect.any(String));
    expect(after.uninformed).toBe(v.officials.length - 1);
    expect((await as(press).post(`/api/press/visits/${v.id}/officials/${strangers[0]}`, { informed: true })).status).toBe(404);

    // the folder PDF: programme, officials with their tick
    const pdf = await as(press)
      .get(`/api/press/visits/${v.id}/pdf`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('09:30 – 10:15');
    expect(text).toContain('Accueil républicain');
    expect(text).toMatch(/Maire Ambert.*informé\(e\) le/);
    expect(text).toMatch(/Maire Riom.*NON INFORMÉ\(E\)/);
  });

  it('flags conflicts with other engagements and shows them on the agenda', async () => {
    const trip = await visit({ kind: 'prefet', authority: 'M. le préfet', title: 'Déplacement du préfet à Issoire', communes: ['63178'], startsAt: '2026-06-12T13:00:00Z', endsAt: '2026-06-12T17:00:00Z', sequences: [] });
    expect(trip.status).toBe(201);
    expect((trip.body as Visit).conflicts.map((c) => c.title)).toEqual(['Visite ministérielle : élevage et forêt']);
    const agenda = (await as(press).get('/api/press/agenda?from=2026-06-12&to=2026-06-12')).body as VisitListItem[];
    expect(agenda.map((v) => v.title)).toEqual(['Visite ministérielle : élevage et forêt', 'Déplacement du préfet à Issoire']);
    expect(agenda.every((v) => v.conflicts.length === 1)).toBe(true);
    expect((await as(press).get('/api/press/agenda?from=2026-06-13&to=2026-06-14')).body).toEqual([]);
    // cancelled: no more conflict
    const cancelled = await as(press).put(`/api/press/visits/${(trip.body as Visit).id}`, {
      kind: 'prefet',
      authority: 'M. le préfet',
      title: 'Déplacement du préfet à Issoire',
      communes: ['63178'],
      startsAt: '2026-06-12T13:00:00Z',
      endsAt: '2026-06-12T17:00:00Z',
      status: 'annulee',
    });
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as Visit).conflicts).toEqual([]);
  });

  it('refuses sequences outside the visit and unknown communes, listing each', async () => {
    const res = await visit({
      communes: ['63003', '99999'],
      sequences: [{ startsAt: '2026-06-12T06:00:00Z', endsAt: '2026-06-12T16:00:00Z', place: 'x', title: 'y', press: 'ouverte' }],
    });
    expect(res.status).toBe(400);
    expect((res.body as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['communes.1', 'sequences.0.startsAt', 'sequences.0.endsAt']),
    );
  });

  it('seeds the demo press office once: journalists, communiqués in every state, an overdue request, visits, a published RAA', async () => {
    const users = t.app.get(UsersService);
    for (const [email, roles] of [['presse@vigie.test', ['press']], ['directeur@vigie.test', ['director']]] as const)
      await users.create({ email, displayName: email, password: TEST_PASSWORD, roles: [...roles], serviceId: null });
    const ds = t.app.get(DataSource);
    const now = new Date();
    expect(await ds.transaction((m) => seedDemoPress(m, now))).toEqual({ journalists: 5 });
    expect(await ds.transaction((m) => seedDemoPress(m, now))).toEqual({ journalists: 0 });
    const demo = { token: await t.login('presse@vigie.test') };
    const communiques = (await as(demo).get('/api/press/communiques').expect(200)).body as CommuniqueListItem[];
    expect(communiques.map((c) => c.status).sort()).toEqual(['a_valider', 'brouillon', 'publie']);
    const published = (await t.http.get('/api/public/communiques').expect(200)).body as PublicCommunique[];
    expect(published.map((c) => c.title)).toContain('Vigilance orange orages : le préfet appelle à la prudence');
    const overdue = (await as(demo).get('/api/press/requests?overdue=true').expect(200)).body as PressRequest[];
    expect(overdue).toHaveLength(1);
    const raa = (await as(demo).get('/api/press/raa').expect(200)).body as RaaIssue[];
    expect(raa[0].acts).toHaveLength(3);
    const visits = (await as(demo).get('/api/press/visits').expect(200)).body as VisitListItem[];
    expect(visits.map((v) => v.title)).toEqual(expect.arrayContaining(['Filière bois et élevage', 'Inauguration à Issoire']));
  });
});
