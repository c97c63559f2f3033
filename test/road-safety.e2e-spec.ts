import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type {
  AccidentImportReport,
  AccidentPoint,
  AccidentStats,
  CommuneSheet,
} from '../server/src/contracts/road-safety';
import { startTestApp, TestApp } from './support/test-app';

type User = { token: string };
const FILES = ['caracteristiques', 'lieux', 'vehicules', 'usagers'] as const;
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'baac', name), 'utf8');
const expected = JSON.parse(fixture('expected-2023.json')) as Record<string, number>;

describe('road safety: BAAC accident import and dashboards', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: User;
  let director: User;

  const upload = (
    user: User,
    texts: Partial<Record<(typeof FILES)[number], string>>,
    mode?: string,
  ) => {
    let req = t.http
      .post('/api/road-safety/accidents/import')
      .set('Authorization', `Bearer ${user.token}`);
    for (const f of FILES)
      if (texts[f] !== undefined)
        req = req.attach(f, Buffer.from(texts[f], 'utf8'), `${f}-2023.csv`);
    if (mode) req = req.field('mode', mode);
    return req;
  };
  const original = () =>
    Object.fromEntries(FILES.map((f) => [f, fixture(`${f}-2023.csv`)])) as Record<
      (typeof FILES)[number],
      string
    >;
  const count = async () =>
    Number(((await ds.query('SELECT COUNT(*) AS n FROM road_accident')) as [{ n: string }])[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    [staff, director] = await Promise.all([
      t.userWithToken(['cabinet_staff']),
      t.userWithToken(['director']),
    ]);
  });
  afterAll(() => t.close());

  it('rejects a malformed file with a line-level report and imports nothing', async () => {
    const files = original();
    const lines = files.usagers.split('\n');
    lines[5] = lines[5].replace(/^("[^"]*";"[^"]*";"[^"]*";"[^"]*";"[^"]*";"[^"]*";)"\d"/, '$1"7"');
    lines[9] = lines[9].replace(/^"\d+"/, '"209900000001"');
    files.usagers = lines.join('\n');
    const res = await upload(staff, files);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'validation',
      message: 'Invalid BAAC files: nothing was imported',
    });
    expect(res.body.details).toEqual([
      {
        path: 'usagers.line.10.Num_Acc',
        message: 'no such accident in caracteristiques: « 209900000001 »',
      },
    ]);
    // the orphan line is a file problem; fix it and the bad severity is reported at its line
    lines[9] = original().usagers.split('\n')[9];
    files.usagers = lines.join('\n');
    const second = await upload(staff, files);
    expect(second.status).toBe(400);
    expect(second.body.details).toEqual([
      { path: 'usagers.line.6.grav', message: 'unknown code 7' },
    ]);
    expect(await count()).toBe(0);
  });

  it('asks for the four files', async () => {
    const { lieux: _, ...three } = original();
    const res = await upload(staff, three);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ path: 'lieux', message: 'file missing' }]);
  });

  it('imports the fixture: département 63 only, totals by severity match', async () => {
    const res = await upload(staff, original());
    expect(res.status).toBe(201);
    const report = res.body as AccidentImportReport;
    expect(report).toMatchObject({
      years: [2023],
      mode: 'all_or_nothing',
      accidentsRead: expected.accidents,
      accidentsImported: expected.accidents,
      otherDepartments: expected.otherDepartments,
      vehicles: expected.vehicles,
      users: expected.users,
      replaced: 0,
      totals: {
        accidents: expected.accidents,
        mortel: expected.mortel,
        grave: expected.grave,
        leger: expected.leger,
        indemne: expected.indemne,
        killed: expected.killed,
        hospitalised: expected.hospitalised,
        slightlyInjured: expected.slightlyInjured,
        unharmed: expected.unharmed,
      },
    });
    expect(await count()).toBe(expected.accidents);

    const stats = (
      await t.http
        .get('/api/road-safety/accidents/stats?from=2023&to=2023')
        .set('Authorization', `Bearer ${director.token}`)
    ).body as AccidentStats;
    expect(stats.totals.killed).toBe(expected.killed);
    expect(stats.bySeverity).toEqual([
      { severity: 'mortel', accidents: expected.mortel },
      { severity: 'grave', accidents: expected.grave },
      { severity: 'leger', accidents: expected.leger },
      { severity: 'indemne', accidents: expected.indemne },
    ]);
    expect(stats.byMonth.reduce((s, m) => s + m.accidents, 0)).toBe(expected.accidents);
    expect(stats.byRoadType.reduce((s, m) => s + m.accidents, 0)).toBe(expected.accidents);
    expect(stats.byUserCategory.reduce((s, c) => s + c.users, 0)).toBe(expected.users);
    expect(stats.byUserCategory.reduce((s, c) => s + c.killed, 0)).toBe(expected.killed);

    const points = (
      await t.http
        .get('/api/road-safety/accidents?severity=mortel')
        .set('Authorization', `Bearer ${director.token}`)
    ).body as AccidentPoint[];
    expect(points).toHaveLength(expected.mortel);
    points.forEach((p) => expect(p.communeInsee).toMatch(/^63/));
  });

  it('replaces the year on a second import, and can leave out the bad accidents when asked', async () => {
    const files = original();
    const lines = files.caracteristiques.split('\n');
    lines[1] = lines[1].replace(/"\d{2}:\d{2}"/, '"27:90"');
    files.caracteristiques = lines.join('\n');
    expect((await upload(staff, files)).status).toBe(400);
    expect(await count()).toBe(expected.accidents);

    const res = await upload(staff, files, 'valid_only');
    expect(res.status).toBe(201);
    const report = res.body as AccidentImportReport;
    expect(report).toMatchObject({
      replaced: expected.accidents,
      accidentsImported: expected.accidents - 1,
      accidentsRejected: 1,
    });
    expect(report.problems).toEqual([
      { path: 'caracteristiques.line.2.hrmn', message: 'not a time (HH:MM): « 27:90 »' },
    ]);
    expect(await count()).toBe(expected.accidents - 1);
  });

  it('gives a commune sheet and keeps the import to cabinet staff', async () => {
    const [{ insee }] = (await ds.query(
      'SELECT commune_insee AS insee FROM road_accident GROUP BY commune_insee ORDER BY COUNT(*) DESC LIMIT 1',
    )) as [{ insee: string }];
    const sheet = (
      await t.http
        .get(`/api/road-safety/communes/${insee}/sheet`)
        .set('Authorization', `Bearer ${director.token}`)
    ).body as CommuneSheet;
    expect(sheet.commune.insee).toBe(insee);
    expect(sheet.to).toBe(2023);
    expect(sheet.totals.accidents).toBeGreaterThan(0);
    expect((await upload(director, original())).status).toBe(403);
    expect(
      (
        await t.http
          .get('/api/road-safety/communes/99999/sheet')
          .set('Authorization', `Bearer ${director.token}`)
      ).status,
    ).toBe(404);
  });
});
