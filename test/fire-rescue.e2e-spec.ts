import { DataSource } from 'typeorm';
import type { Cis, FrameworkDocument, SectorCoverage } from '../server/src/contracts/fire-rescue';
import type { Intervention } from '../server/src/contracts/interventions';
import { DemoSeeder } from '../server/src/demo/demo.seeder';
import { startTestApp, TestApp } from './support/test-app';

type User = { id: string; token: string };

/** Fire & rescue oversight on the demo data: sectors, imports, documents, statistics. */
describe('fire and rescue oversight', () => {
  let t: TestApp;
  let ds: DataSource;
  let cabinet: User;
  let director: User;
  let liaison: User;

  const as = (user: User) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${user.token}`),
    post: (path: string, body: object) =>
      t.http.post(path).set('Authorization', `Bearer ${user.token}`).send(body),
    put: (path: string, body: object) =>
      t.http.put(path).set('Authorization', `Bearer ${user.token}`).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    await t.app.get(DemoSeeder).seed();
    [cabinet, director] = await Promise.all([
      t.userWithToken(['cabinet_staff']),
      t.userWithToken(['director']),
    ]);
    // the demo liaison officer of the SDIS
    liaison = { id: '', token: await t.login('sdis@vigie.test') };
  });
  afterAll(() => t.close());

  it('seeds the demo once: about sixty CIS, every commune in exactly one sector, interventions', async () => {
    expect(await t.app.get(DemoSeeder).seed()).toBe(0);
    const cis = (await as(director).get('/api/fire-rescue/cis')).body as Cis[];
    expect(cis.length).toBeGreaterThanOrEqual(58);
    expect(
      cis
        .filter((c) => c.category === 'CSP')
        .map((c) => c.communeName)
        .sort(),
    ).toEqual(['Ambert', 'Clermont-Ferrand', 'Issoire', 'Riom', 'Thiers']);
    const coverage = (await as(director).get('/api/fire-rescue/sectors/coverage'))
      .body as SectorCoverage;
    expect(coverage).toMatchObject({ communes: 463, covered: 463, missing: [], complete: true });
    expect(cis.reduce((sum, c) => sum + c.sectorCommunes, 0)).toBe(463);
    const interventions = (await as(cabinet).get('/api/interventions')).body as {
      data: Intervention[];
    };
    expect(interventions.data.length).toBeGreaterThanOrEqual(20);
    expect(interventions.data.some((i) => i.dueState === 'overdue')).toBe(true);
    expect((await as(liaison).get('/api/fire-rescue/cis')).status).toBe(403);
    // the SDIS sees the interventions routed to it, and no other
    const sdis = (await as(liaison).get('/api/interventions')).body as { data: Intervention[] };
    expect(sdis.data.length).toBeGreaterThan(0);
    expect(new Set(sdis.data.map((i) => i.serviceName))).toEqual(
      new Set([expect.stringContaining('SDIS')]),
    );
  });

  it('refuses a sector file with a commune in two sectors or left out, and writes nothing', async () => {
    const cis = (await as(cabinet).get('/api/fire-rescue/cis')).body as Cis[];
    const [riom, thiers] = ['CIS-RIOM', 'CIS-THIERS'].map((code) =>
      cis.find((c) => c.code === code)!,
    );
    const before = await ds.query(
      'SELECT commune_insee, cis_id FROM cis_sector_commune ORDER BY 1',
    );
    const res = await as(cabinet).put('/api/fire-rescue/sectors', {
      csv: 'commune;cis\n63300;CIS-RIOM\n63300;CIS-THIERS\n63430;CIS-NOWHERE\n',
    });
    expect(res.status).toBe(400);
    const details = (res.body as { details: { path: string; message: string }[] }).details;
    expect(details).toEqual(
      expect.arrayContaining([
        {
          path: 'row 3, commune',
          message: expect.stringContaining('63300 is already in the sector of CIS-RIOM'),
        },
        { path: 'row 4, cis', message: 'CIS-NOWHERE: unknown CIS code' },
        {
          path: 'row 0, commune',
          message: '63001 is in no sector (the file must cover every commune)',
        },
      ]),
    );
    expect(
      await ds.query('SELECT commune_insee, cis_id FROM cis_sector_commune ORDER BY 1'),
    ).toEqual(before);

    // moving one commune keeps it in one sector only
    const moved = await as(cabinet).post(`/api/fire-rescue/cis/${thiers.id}/sector`, {
      communeInsees: ['63300'],
    });
    expect(moved.status).toBe(200);
    const riomNow = (await as(cabinet).get(`/api/fire-rescue/cis/${riom.id}`)).body as {
      sector: { insee: string }[];
    };
    expect(riomNow.sector.map((c) => c.insee)).not.toContain('63300');
    expect((await as(cabinet).get('/api/fire-rescue/sectors/coverage')).body.covered).toBe(463);
  });

  it('flags framework documents due for revision and imports statistics all or nothing', async () => {
    const docs = (await as(director).get('/api/fire-rescue/documents')).body as FrameworkDocument[];
    const cotrrim = docs.find((d) => d.kind === 'COTRRIM')!;
    expect(cotrrim).toMatchObject({
      current: true,
      revisionDueOn: '2025-11-30',
      state: 'revision_depassee',
    });
    const created = await as(cabinet).post('/api/fire-rescue/documents', {
      kind: 'RO',
      title: 'Règlement opérationnel',
      version: '2026-1',
      approvedOn: '2026-01-15',
    });
    expect(created.status).toBe(201);
    // default revision date from the rule table (5 years, to confirm)
    expect(created.body).toMatchObject({
      revisionDueOn: '2031-01-15',
      state: 'a_jour',
      current: true,
    });
    expect(
      (
        await as(cabinet).post('/api/fire-rescue/documents', {
          kind: 'RO',
          title: 'Doublon',
          version: '2026-1',
          approvedOn: '2026-01-15',
        })
      ).status,
    ).toBe(409);

    const bad = await as(cabinet).put('/api/fire-rescue/stats', {
      csv: 'annee;nature;nombre\n2024;incendies;2700\n2024;feux;12\n',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { path: 'row 3, nature', message: expect.stringContaining('feux') },
    ]);
    const before = (await as(director).get('/api/fire-rescue/stats')).body as {
      year: number;
      byNature: Record<string, number>;
    }[];
    expect(before.find((y) => y.year === 2024)!.byNature.incendies).toBe(2650);

    const ok = await as(cabinet).put('/api/fire-rescue/stats', {
      csv: 'année;nature;nombre\n2024;Incendies;2700\n2024;Secours à personne;"36 900"\n',
    });
    expect(ok.body).toEqual({ imported: 2, problems: [] });
    const after = (await as(director).get('/api/fire-rescue/stats')).body as {
      year: number;
      total: number;
    }[];
    expect(after.find((y) => y.year === 2024)!.total).toBe(39600);
  });
});
