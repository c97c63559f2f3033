import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Incident } from '../server/src/contracts/crisis';
import type { StateEvent } from '../server/src/contracts/realtime';
import { IncidentsService } from '../server/src/incidents/incidents.service';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import { connected, nextEvent, startTestApp, TestApp } from './support/test-app';

/** Label points of the communes file (inside their outline, checked when seeding). */
const labels = new Map(
  readFileSync(join(__dirname, '../server/src/reference/data/communes-63.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((c) => [c[1], { insee: c[0], point: [Number(c[6]), Number(c[7])] }] as const),
);
const CLERMONT: [number, number] = [3.087, 45.7772];
const LYON: [number, number] = [4.8357, 45.764];
const point = (coordinates: number[]) => ({ type: 'Point', coordinates });
const box = (lon: number, lat: number, d: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
      [lon - d, lat - d],
    ],
  ],
});

describe('incidents', () => {
  let t: TestApp;
  let operator: { id: string; token: string };
  let viewer: { token: string };
  let crisisId: string;

  const as = (token: string) => ({
    post: (url: string, body: object) =>
      t.http.post(url).set('Authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) =>
      t.http.patch(url).set('Authorization', `Bearer ${token}`).send(body),
    get: (url: string) => t.http.get(url).set('Authorization', `Bearer ${token}`),
  });
  const newCrisis = async (extra: object = {}) => {
    const res = await as(operator.token).post('/api/crises', {
      title: 'Crue de l’Allier',
      kind: 'inondation',
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const create = (body: object, token = operator.token) =>
    as(token).post('/api/incidents', {
      crisisId,
      title: 'Chaussée inondée',
      kind: 'inondation',
      severity: 'moyenne',
      location: point(CLERMONT),
      ...body,
    });

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.userWithToken(['cod_operator']);
    viewer = await t.userWithToken(['viewer']);
    crisisId = await newCrisis();
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++)
      await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => t.close());

  it('resolves a point in Clermont-Ferrand to INSEE 63113', async () => {
    const res = await create({ counters: { impliques: 3 } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      crisisId,
      title: 'Chaussée inondée',
      kind: 'inondation',
      severity: 'moyenne',
      status: 'signale',
      location: point(CLERMONT),
      communeInsee: '63113',
      communeName: 'Clermont-Ferrand',
      description: null,
      counters: { impliques: 3 },
      exercise: false,
      version: 1,
      createdBy: operator.id,
      createdAt: expect.any(String),
      updatedAt: res.body.createdAt,
    });
    const got = await as(viewer.token).get(`/api/incidents/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('keeps an incident outside the département with no commune', async () => {
    const res = await create({ location: point(LYON) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      communeInsee: null,
      communeName: null,
      location: point(LYON),
    });
  });

  it('accepts an affected area and files it under the commune of its centroid', async () => {
    const res = await create({ location: box(...CLERMONT, 0.005) });
    expect(res.status).toBe(201);
    expect(res.body.communeInsee).toBe('63113');
  });

  it('answers 400 with details for every invalid location, never 500, and writes nothing', async () => {
    const invalid: Record<string, unknown> = {
      unclosed: {
        type: 'Polygon',
        coordinates: [
          [
            [3.08, 45.77],
            [3.09, 45.77],
            [3.09, 45.78],
            [3.08, 45.78],
          ],
        ],
      },
      bowtie: {
        type: 'Polygon',
        coordinates: [
          [
            [3.08, 45.77],
            [3.09, 45.78],
            [3.09, 45.77],
            [3.08, 45.78],
            [3.08, 45.77],
          ],
        ],
      },
      latitude120: point([3.08, 120]),
      wrongType: { type: 'Circle', coordinates: CLERMONT },
      lineString: { type: 'LineString', coordinates: [CLERMONT, LYON] },
      missingCoordinates: { type: 'Point' },
      textCoordinates: point(['3.08', '45.77'] as unknown as number[]),
      tooShort: { type: 'Polygon', coordinates: [[CLERMONT, LYON, CLERMONT]] },
      notAnObject: 'POINT(3.08 45.77)',
    };
    const before = (await as(operator.token).get(`/api/incidents?crisisId=${crisisId}`)).body.data
      .length;
    for (const [name, location] of Object.entries(invalid)) {
      const res = await create({ location });
      expect({ name, status: res.status, code: res.body.code }).toEqual({
        name,
        status: 400,
        code: 'validation',
      });
      expect(res.body.details.length).toBeGreaterThan(0);
      const paths = (res.body.details as { path: string }[]).map((d) => d.path);
      expect(paths.every((path) => path.startsWith('location'))).toBe(true);
    }
    const bowtie = await create({ location: invalid.bowtie });
    expect(bowtie.body.details).toEqual([
      {
        path: 'location.coordinates.0',
        message: 'ring intersects itself: edge 0-1 meets edge 2-3',
      },
    ]);
    const unclosed = await create({ location: invalid.unclosed });
    expect(unclosed.body.details[0].message).toMatch('not closed');
    const after = (await as(operator.token).get(`/api/incidents?crisisId=${crisisId}`)).body.data
      .length;
    expect(after).toBe(before);
  });

  it('validates counters and the other fields', async () => {
    const negative = await create({ counters: { decedes: -1 } });
    expect(negative.status).toBe(400);
    expect(negative.body.details[0].path).toBe('counters.decedes');
    const unknown = await create({ counters: { blesses: 2 } });
    expect(unknown.status).toBe(400);
    const fractional = await create({ counters: { evacues: 1.5 } });
    expect(fractional.status).toBe(400);
    const bad = await create({ severity: 'enorme', kind: 'meteorite', title: '' });
    expect(bad.status).toBe(400);
    const paths = (bad.body.details as { path: string }[]).map((d) => d.path);
    expect(paths.sort()).toEqual(['kind', 'severity', 'title']);
  });

  it('answers 404 for an unknown crisis or incident, 409 for a closed crisis', async () => {
    const unknown = await create({ crisisId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(
      (await as(viewer.token).get('/api/incidents/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect(
      (await as(viewer.token).get('/api/incidents?crisisId=00000000-0000-4000-8000-000000000000'))
        .status,
    ).toBe(404);

    const closedId = await newCrisis();
    const before = await create({ crisisId: closedId });
    expect(
      (await as(operator.token).patch(`/api/crises/${closedId}`, { status: 'closed' })).status,
    ).toBe(200);
    const refused = await create({ crisisId: closedId });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('conflict');
    const edit = await as(operator.token).patch(`/api/incidents/${before.body.id}`, {
      version: 1,
      status: 'clos',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('conflict');
  });

  it('lets viewers read but not write; liaison officers write', async () => {
    const forbidden = await create({}, viewer.token);
    expect(forbidden.status).toBe(403);
    const list = await as(viewer.token).get(`/api/incidents?crisisId=${crisisId}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ data: expect.any(Array), seq: expect.any(Number) });
    const [service] = (await t.app
      .get(DataSource)
      .query(
        `INSERT INTO service (code, name, kind) VALUES ('SDIS63T', 'SDIS test', 'secours') RETURNING id`,
      )) as { id: string }[];
    const liaison = await t.userWithToken(['service_liaison'], { serviceId: service.id });
    const created = await create({}, liaison.token);
    expect(created.status).toBe(201);
    const updated = await as(liaison.token).patch(`/api/incidents/${created.body.id}`, {
      version: 1,
      status: 'en_cours',
    });
    expect(updated.status).toBe(200);
    expect(
      (await as(viewer.token).patch(`/api/incidents/${created.body.id}`, { version: 2 })).status,
    ).toBe(403);
  });

  it('refuses a stale version with 409 and the current version, leaving the row unchanged', async () => {
    const { body: incident } = await create({});
    const first = await as(operator.token).patch(`/api/incidents/${incident.id}`, {
      version: 1,
      title: 'Chaussée coupée',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, title: 'Chaussée coupée' });
    expect(new Date(first.body.updatedAt).getTime()).toBeGreaterThan(
      new Date(incident.updatedAt).getTime(),
    );

    const stale = await as(operator.token).patch(`/api/incidents/${incident.id}`, {
      version: 1,
      title: 'Autre titre',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      code: 'stale_version',
      message: expect.stringContaining('2'),
      details: [{ path: 'version', message: 'current version is 2' }],
    });
    const now = await as(viewer.token).get(`/api/incidents/${incident.id}`);
    expect(now.body).toEqual(first.body);

    const missing = await as(operator.token).patch(`/api/incidents/${incident.id}`, {
      title: 'Sans version',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].path).toBe('version');
  });

  it('lets exactly one of two concurrent updates from the same version win', async () => {
    for (let round = 0; round < 3; round++) {
      const { body: incident } = await create({});
      const results = await Promise.all(
        ['maitrise', 'en_cours'].map((status) =>
          as(operator.token).patch(`/api/incidents/${incident.id}`, {
            version: 1,
            status,
            counters: { evacues: 10 },
          }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const final = await as(viewer.token).get(`/api/incidents/${incident.id}`);
      expect(final.body).toMatchObject({ version: 2, status: winner.body.status });
    }
  });

  it('merges counters, re-resolves the commune on a move, and changes nothing for a no-op', async () => {
    const { body: incident } = await create({ counters: { impliques: 4, evacues: 2 } });
    const moved = await as(operator.token).patch(`/api/incidents/${incident.id}`, {
      version: 1,
      location: point([...labels.get('Riom')!.point]),
      counters: { evacues: 12, heberges: 5 },
      description: 'Déplacé',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      version: 2,
      communeInsee: labels.get('Riom')!.insee,
      communeName: 'Riom',
      counters: { impliques: 4, evacues: 12, heberges: 5 },
      description: 'Déplacé',
    });
    const cleared = await as(operator.token).patch(`/api/incidents/${incident.id}`, {
      version: 2,
      description: null,
      location: point(LYON),
    });
    expect(cleared.body).toMatchObject({
      version: 3,
      description: null,
      communeInsee: null,
      communeName: null,
    });
    const noop = await as(operator.token).patch(`/api/incidents/${incident.id}`, {
      version: 3,
      counters: { evacues: 12 },
    });
    expect(noop.status).toBe(200);
    expect(noop.body).toEqual(cleared.body);
  });

  it('filters by status and bounding box', async () => {
    const id = await newCrisis();
    const at = (name: string, body: object = {}) =>
      create({ crisisId: id, location: point([...labels.get(name)!.point]), ...body });
    const clermont = (await at('Clermont-Ferrand')).body;
    const riom = (await at('Riom', { status: 'en_cours' })).body;
    const thiers = (await at('Thiers', { status: 'clos' })).body;
    // an area reaching into the Clermont box from the east
    const area = (await create({ crisisId: id, location: box(3.2, 45.78, 0.05) })).body;
    const list = async (query: string) => {
      const res = await as(viewer.token).get(`/api/incidents?crisisId=${id}${query}`);
      expect(res.status).toBe(200);
      return (res.body.data as Incident[]).map((i) => i.id).sort();
    };
    expect(await list('')).toEqual([clermont.id, riom.id, thiers.id, area.id].sort());
    expect(await list('&bbox=3.0,45.7,3.16,45.85')).toEqual([clermont.id, area.id].sort());
    expect(await list('&bbox=3.5,45.8,3.6,45.9')).toEqual([thiers.id]);
    expect(await list('&bbox=2.0,44.0,2.1,44.1')).toEqual([]);
    expect(await list('&status=en_cours,clos')).toEqual([riom.id, thiers.id].sort());
    expect(await list('&status=signale&bbox=3.0,45.7,3.6,45.95')).toEqual(
      [clermont.id, area.id].sort(),
    );

    for (const query of [
      '&bbox=3,45,4',
      '&bbox=3.2,45,3.1,46',
      '&bbox=a,b,c,d',
      '&bbox=3,45,4,95',
      '&status=perdu',
      '&other=1',
    ]) {
      const res = await as(viewer.token).get(`/api/incidents?crisisId=${id}${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.details.length).toBeGreaterThan(0);
    }
    expect((await as(viewer.token).get('/api/incidents')).status).toBe(400);
    expect((await as(viewer.token).get('/api/incidents?crisisId=nope')).status).toBe(400);
  });

  it('pushes incident.created then incident.updated with increasing seq and the version', async () => {
    const socket = t.socket(viewer.token);
    await connected(socket);
    const created = nextEvent<StateEvent<'incident.created'>>(socket, 'incident.created');
    const { body: incident } = await create({});
    const createdEvent = await created;
    expect(createdEvent).toMatchObject({
      ...incident,
      seq: expect.any(Number),
      at: expect.any(String),
    });
    const updated = nextEvent<StateEvent<'incident.updated'>>(socket, 'incident.updated');
    const patched = await as(operator.token).patch(`/api/incidents/${incident.id}`, {
      version: 1,
      severity: 'critique',
    });
    const updatedEvent = await updated;
    expect(updatedEvent).toMatchObject({ id: incident.id, version: 2, severity: 'critique' });
    expect(updatedEvent).toMatchObject(patched.body);
    expect(updatedEvent.seq).toBeGreaterThan(createdEvent.seq);
    // the list's seq covers both events
    const list = await as(viewer.token).get(`/api/incidents?crisisId=${crisisId}`);
    expect(list.body.seq).toBeGreaterThanOrEqual(updatedEvent.seq);
  });

  it('marks the incidents of an exercise crisis', async () => {
    const exercise = await newCrisis({ exercise: true });
    const res = await create({ crisisId: exercise });
    expect(res.body.exercise).toBe(true);
  });

  it('totals the bilan and counts incidents by status for the summary', async () => {
    const id = await newCrisis();
    await create({ crisisId: id, counters: { decedes: 1, evacues: 40 } });
    await create({ crisisId: id, status: 'en_cours', counters: { evacues: 2, routes_coupees: 3 } });
    await create({ crisisId: id, status: 'en_cours' });
    const totals = await t.app.get(IncidentsService).bilanTotals(t.app.get(DataSource).manager, id);
    expect(totals).toEqual({
      bilan: {
        decedes: 1,
        urgences_absolues: 0,
        urgences_relatives: 0,
        impliques: 0,
        evacues: 42,
        heberges: 0,
        foyers_sans_electricite: 0,
        routes_coupees: 3,
      },
      byStatus: { signale: 1, en_cours: 2, maitrise: 0, clos: 0 },
    });
  });
});
