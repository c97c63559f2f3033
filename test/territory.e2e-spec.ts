import type { ContactInput } from '../server/src/contracts/paging';
import type { CommuneTerritory, OfficialsToInform } from '../server/src/contracts/territory';
import { startTestApp, TestApp } from './support/test-app';

describe('territorial reference', () => {
  let t: TestApp;
  let admin: string;

  const get = (url: string, token = admin) =>
    t.http.get(url).set({ Authorization: `Bearer ${token}` });
  const contact = (body: Partial<ContactInput>) =>
    t.http
      .post('/api/contacts')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ active: true, ...body });

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWithToken(['admin'])).token;
  });
  afterAll(() => t.close());

  it('gives every commune a canton, a circonscription, an EPCI and a competent force', async () => {
    const res = await get('/api/reference/territory');
    expect(res.status).toBe(200);
    const all = res.body as CommuneTerritory[];
    expect(all).toHaveLength(463);
    for (const c of all) {
      expect(c.cantons.length).toBeGreaterThan(0);
      expect(c.circonscriptions.length).toBeGreaterThan(0);
      expect(c.epci).not.toBeNull();
      expect(['police', 'gendarmerie']).toContain(c.force.kind);
    }
    // every canton and every EPCI has communes; EPCI populations add up to the département's
    const cantons = (await get('/api/reference/cantons')).body as { code: string }[];
    const used = new Set(all.flatMap((c) => c.cantons.map((k) => k.code)));
    expect(cantons.map((k) => k.code).every((code) => used.has(code))).toBe(true);
    const epcis = (await get('/api/reference/epcis')).body as {
      communes: number;
      population: number;
    }[];
    expect(epcis).toHaveLength(14);
    expect(epcis.reduce((n, e) => n + e.communes, 0)).toBe(463);
    expect(epcis.reduce((n, e) => n + e.population, 0)).toBe(
      all.reduce((n, c) => n + c.population, 0),
    );
    expect((await get('/api/reference/circonscriptions')).body).toHaveLength(5);
  });

  it('knows Clermont-Ferrand is split between cantons, in police zone, in the Métropole', async () => {
    const res = await get('/api/reference/territory/63113');
    expect(res.status).toBe(200);
    const cf = res.body as CommuneTerritory;
    expect(cf.cantons.map((c) => c.name)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `Clermont-Ferrand-${n}`),
    );
    expect(cf.epci).toMatchObject({ name: 'Clermont Auvergne Métropole', kind: 'METRO' });
    expect(cf.force).toEqual({
      kind: 'police',
      unit: 'Commissariat de Clermont-Ferrand',
      zone: 'Circonscription de sécurité publique de Clermont-Ferrand',
    });
    const aigueperse = (await get('/api/reference/territory/63001')).body as CommuneTerritory;
    expect(aigueperse.force).toMatchObject({
      kind: 'gendarmerie',
      unit: "Brigade de gendarmerie d'Aigueperse",
      zone: 'Compagnie de gendarmerie de Riom',
    });
    expect((await get('/api/reference/territory/99999')).status).toBe(404);
    expect((await get('/api/reference/territory/6311')).status).toBe(400);
  });

  it('lists the officials to inform of something in some communes', async () => {
    const ambert = (await get('/api/reference/territory/63003')).body as CommuneTerritory;
    const riom = (await get('/api/reference/territory/63300')).body as CommuneTerritory;
    const [ambertCanton, riomCanton] = [ambert.cantons[0].code, riom.cantons[0].code];
    const [ambertCirco, riomCirco] = [
      ambert.circonscriptions[0].code,
      riom.circonscriptions[0].code,
    ];
    expect(ambertCirco).not.toBe(riomCirco);
    const made: Record<string, string> = {};
    for (const [key, body] of Object.entries({
      mayorAmbert: { name: 'Maire Ambert', function: 'maire', communeInsee: '63003' },
      mayorRiom: { name: 'Maire Riom', function: 'maire', communeInsee: '63300' },
      mayorThiers: { name: 'Maire Thiers', function: 'maire', communeInsee: '63430' },
      deputyAmbert: { name: 'Député Ambert', function: 'depute', circonscriptionCode: ambertCirco },
      deputyRiom: { name: 'Député Riom', function: 'depute', circonscriptionCode: riomCirco },
      cdAmbert: {
        name: 'CD Ambert',
        function: 'conseiller_departemental',
        cantonCode: ambertCanton,
      },
      cdRiom: { name: 'CD Riom', function: 'conseiller_departemental', cantonCode: riomCanton },
      senator: { name: 'Sénatrice', function: 'senateur' },
    } as Record<string, Partial<ContactInput>>)) {
      const res = await contact({ ...body, email: `${key.toLowerCase()}@officials.test` });
      expect(res.status).toBe(201);
      made[key] = (res.body as { id: string }).id;
    }
    const press = (await t.userWithToken(['press'])).token;
    const res = await get('/api/reference/officials?communes=63003', press);
    expect(res.status).toBe(200);
    const officials = res.body as OfficialsToInform;
    const ids = (list: { contactId: string }[]) => list.map((o) => o.contactId);
    expect(ids(officials.mayors)).toEqual([made.mayorAmbert]);
    expect(ids(officials.deputies)).toEqual([made.deputyAmbert]);
    expect(ids(officials.departmentalCouncillors)).toEqual([made.cdAmbert]);
    expect(ids(officials.senators)).toEqual([made.senator]);

    const both = (await get('/api/reference/officials?communes=63003,63300', press))
      .body as OfficialsToInform;
    expect(new Set(ids(both.mayors))).toEqual(new Set([made.mayorAmbert, made.mayorRiom]));
    expect(new Set(ids(both.deputies))).toEqual(new Set([made.deputyAmbert, made.deputyRiom]));

    const bad = await get('/api/reference/officials?communes=63003,99999', press);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { path: 'communes', message: '99999: not a Puy-de-Dôme commune' },
    ]);
    const viewer = (await t.userWithToken(['viewer'])).token;
    expect((await get('/api/reference/officials?communes=63003', viewer)).status).toBe(403);
  });

  it('refuses a deputy without circonscription and an unknown canton', async () => {
    const deputy = await contact({
      name: 'Sans circo',
      function: 'depute',
      email: 'x@officials.test',
    });
    expect(deputy.status).toBe(400);
    expect(deputy.body.details).toContainEqual({
      path: 'circonscriptionCode',
      message: 'required for a deputy',
    });
    const cd = await contact({
      name: 'Canton inconnu',
      function: 'conseiller_departemental',
      cantonCode: '6399',
      email: 'y@officials.test',
    });
    expect(cd.status).toBe(400);
    expect(cd.body.details).toContainEqual({
      path: 'cantonCode',
      message: 'not a canton of the Puy-de-Dôme',
    });
  });
});
