import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { MapFeature } from '../server/src/contracts/crisis';
import type { StateEvent } from '../server/src/contracts/realtime';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import { ReferenceService } from '../server/src/reference/reference.service';
import { connected, nextEvent, startTestApp, TestApp } from './support/test-app';

type Position = number[];
type Rings = Position[][];
const dataDir = join(__dirname, '../server/src/reference/data');
const populations = new Map(
  readFileSync(join(dataDir, 'communes-63.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((c) => [c[0], { name: c[1], population: Number(c[2]) }] as const),
);
const outlines = (
  JSON.parse(readFileSync(join(dataDir, 'communes-63.geojson'), 'utf8')) as {
    features: {
      properties: { code: string };
      geometry: { type: string; coordinates: Rings | Rings[] };
    }[];
  }
).features.map((f) => ({
  insee: f.properties.code,
  polygons: (f.geometry.type === 'Polygon'
    ? [f.geometry.coordinates]
    : f.geometry.coordinates) as Rings[],
}));
const hospitals = (
  JSON.parse(readFileSync(join(dataDir, 'hopitaux-63.geojson'), 'utf8')) as {
    features: { geometry: { coordinates: Position }; properties: { finess: string } }[];
  }
).features;

type Box = [number, number, number, number];
const boxPolygon = ([w, s, e, n]: Box) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
/** A square of `km` kilometres centred on the point. */
const square = ([lon, lat]: Position, km: number): Box => {
  const dLat = km / 2 / 111.2;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
};

// An oracle independent of the server's geometry code: an axis-aligned box meets a polygon iff
// one of the polygon's edges enters the box (Liang–Barsky clipping) or the box lies inside it.
function edgeEntersBox([x1, y1]: Position, [x2, y2]: Position, [w, s, e, n]: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  for (const [p, q] of [
    [-dx, x1 - w],
    [dx, e - x1],
    [-dy, y1 - s],
    [dy, n - y1],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}
function insideRings([x, y]: Position, rings: Rings): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1];
      const [bx, by] = ring[i];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
  }
  return inside;
}
const communesMeeting = (box: Box) =>
  outlines
    .filter(({ polygons }) =>
      polygons.some(
        (rings) =>
          rings.some((ring) => ring.some((p, i) => i > 0 && edgeEntersBox(ring[i - 1], p, box))) ||
          insideRings([box[0], box[1]], rings),
      ),
    )
    .map((c) => c.insee)
    .sort();
const hospitalsIn = ([w, s, e, n]: Box) =>
  hospitals
    .filter(
      ({
        geometry: {
          coordinates: [x, y],
        },
      }) => x >= w && x <= e && y >= s && y <= n,
    )
    .map((h) => h.properties.finess)
    .sort();

const CLERMONT_CENTRE: Position = [3.087, 45.7772];

describe('map features', () => {
  let t: TestApp;
  let operator: { id: string; token: string };
  let viewer: { token: string };
  let crisisId: string;

  const as = (token: string) => ({
    post: (url: string, body: object) =>
      t.http.post(url).set('Authorization', `Bearer ${token}`).send(body),
    get: (url: string) => t.http.get(url).set('Authorization', `Bearer ${token}`),
    delete: (url: string) => t.http.delete(url).set('Authorization', `Bearer ${token}`),
  });
  const newCrisis = async (extra: object = {}) => {
    const res = await as(operator.token).post('/api/crises', {
      title: 'Accident chimique',
      kind: 'industriel',
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const draw = (geometry: object, properties: object = {}, id = crisisId, token = operator.token) =>
    as(token).post(`/api/crises/${id}/features`, {
      type: 'Feature',
      geometry,
      properties: { kind: 'perimetre_securite', ...properties },
    });
  const listed = async (id = crisisId) => {
    const res = await as(viewer.token).get(`/api/crises/${id}/features`);
    expect(res.status).toBe(200);
    return res.body as { data: MapFeature[]; seq: number };
  };

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.userWithToken(['cod_operator']);
    viewer = await t.userWithToken(['viewer']);
    crisisId = await newCrisis();
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++)
      await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => t.close());

  it('lists the communes a perimeter around Clermont-Ferrand touches, with their population, and the hospitals inside', async () => {
    const box = square(CLERMONT_CENTRE, 5);
    const res = await draw(boxPolygon(box), {
      label: 'Périmètre 5 km',
      description: 'Nuage toxique',
    });
    expect(res.status).toBe(201);
    const feature = res.body as MapFeature;
    const insees = feature.affectedCommunes.map((c) => c.insee);

    // Clermont-Ferrand with its population from the data file
    expect(feature.affectedCommunes).toContainEqual({
      insee: '63113',
      ...populations.get('63113')!,
    });
    // the right communes: an independent box/outline oracle, and the reference service
    expect(insees).toEqual(communesMeeting(box));
    expect(insees.length).toBeGreaterThan(3);
    const reference = await t.app.get(ReferenceService).communesIntersecting(boxPolygon(box));
    expect(feature.affectedCommunes).toEqual(reference);
    // sorted by INSEE code, populations from the file, summed
    expect(insees).toEqual([...insees].sort());
    for (const c of feature.affectedCommunes)
      expect(c).toEqual({ insee: c.insee, ...populations.get(c.insee)! });
    expect(feature.affectedPopulation).toBe(
      feature.affectedCommunes.reduce((s, c) => s + c.population, 0),
    );

    // hospitals: every FINESS point inside the box, the CHU Gabriel-Montpied and Estaing among them
    expect(feature.sites.map((s) => s.id)).toEqual(hospitalsIn(box));
    expect(feature.sites).toContainEqual({
      kind: 'hopital',
      id: '630000404',
      name: 'HOPITAL GABRIEL MONTPIED - CHU CLERMONT-FERRAND',
      communeInsee: '63113',
    });
    expect(feature.sites.map((s) => s.id)).toContain('630781268'); // Estaing
    expect(feature).toMatchObject({
      crisisId,
      kind: 'perimetre_securite',
      label: 'Périmètre 5 km',
      description: 'Nuage toxique',
      incidentId: null,
      geometry: boxPolygon(box),
      exercise: false,
      createdBy: operator.id,
    });
    expect((await listed()).data).toContainEqual(feature);
  });

  it('gives points and lines their communes but no sites', async () => {
    const pco = await draw(
      { type: 'Point', coordinates: [3.09445, 45.75703] },
      { kind: 'pco', label: 'PCO CHU' },
    );
    expect(pco.status).toBe(201);
    expect(pco.body.affectedCommunes).toEqual([{ insee: '63113', ...populations.get('63113')! }]);
    expect(pco.body.affectedPopulation).toBe(populations.get('63113')!.population);
    expect(pco.body.sites).toEqual([]); // the CHU is exactly at this point: a point encloses nothing
    const route = await draw(
      { type: 'LineString', coordinates: [CLERMONT_CENTRE, [3.09445, 45.75703], [3.2, 45.7]] },
      { kind: 'itineraire' },
    );
    expect(route.status).toBe(201);
    expect((route.body as MapFeature).affectedCommunes.map((c) => c.insee)).toContain('63113');
    expect(route.body.sites).toEqual([]);
  });

  it('keeps a shape outside the département with no impact', async () => {
    const res = await draw(boxPolygon(square([4.8357, 45.764], 2)), { kind: 'zone_confinement' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ affectedCommunes: [], affectedPopulation: 0, sites: [] });
  });

  it('refuses invalid and self-intersecting polygons with 400 and details', async () => {
    const bowtie = [
      [3.08, 45.77],
      [3.09, 45.78],
      [3.09, 45.77],
      [3.08, 45.78],
      [3.08, 45.77],
    ];
    const before = (await listed()).data.length;
    const crossing = await draw({ type: 'Polygon', coordinates: [bowtie] });
    expect(crossing.status).toBe(400);
    expect(crossing.body).toEqual({
      code: 'validation',
      message: 'Invalid geometry',
      details: [
        {
          path: 'geometry.coordinates.0',
          message: 'ring intersects itself: edge 0-1 meets edge 2-3',
        },
      ],
    });
    const multi = await draw({
      type: 'MultiPolygon',
      coordinates: [boxPolygon(square(CLERMONT_CENTRE, 1)).coordinates, [bowtie]],
    });
    expect(multi.status).toBe(400);
    expect(multi.body.details[0].path).toBe('geometry.coordinates.1.0');
    const invalid = [
      { type: 'Polygon', coordinates: [bowtie.slice(0, 4)] }, // not closed
      {
        type: 'Polygon',
        coordinates: [
          [
            [3.08, 45.77],
            [3.09, 45.78],
            [3.08, 45.77],
          ],
        ],
      }, // too short
      {
        type: 'Polygon',
        coordinates: [
          [
            [3.08, 45.77],
            [3.09, 120],
            [3.1, 45.77],
            [3.08, 45.77],
          ],
        ],
      },
      { type: 'Polygon' },
      { type: 'GeometryCollection', geometries: [] },
    ];
    for (const geometry of invalid) {
      const res = await draw(geometry);
      expect({ geometry, status: res.status }).toEqual({ geometry, status: 400 });
      expect(res.body.details.length).toBeGreaterThan(0);
    }
    const noKind = await as(operator.token).post(`/api/crises/${crisisId}/features`, {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: CLERMONT_CENTRE },
      properties: {},
    });
    expect(noKind.status).toBe(400);
    expect(noKind.body.details[0].path).toBe('properties.kind');
    expect((await listed()).data.length).toBe(before);
  });

  it('links a feature to an incident of the same crisis only', async () => {
    const incident = await as(operator.token).post('/api/incidents', {
      crisisId,
      title: 'Fuite de chlore',
      kind: 'industriel',
      severity: 'grave',
      location: { type: 'Point', coordinates: CLERMONT_CENTRE },
    });
    expect(incident.status).toBe(201);
    const linked = await draw(boxPolygon(square(CLERMONT_CENTRE, 1)), {
      incidentId: incident.body.id,
    });
    expect(linked.status).toBe(201);
    expect(linked.body.incidentId).toBe(incident.body.id);
    const elsewhere = await newCrisis();
    const foreign = await draw(
      boxPolygon(square(CLERMONT_CENTRE, 1)),
      { incidentId: incident.body.id },
      elsewhere,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([
      { path: 'properties.incidentId', message: 'no such incident in this crisis' },
    ]);
  });

  it('deletes a feature softly: gone from the list, feature.deleted pushed, row and audit kept', async () => {
    const socket = t.socket(viewer.token);
    await connected(socket);
    const created = nextEvent<StateEvent<'feature.created'>>(socket, 'feature.created');
    const { body: feature } = await draw(boxPolygon(square(CLERMONT_CENTRE, 2)), {
      kind: 'zone_evacuation',
    });
    expect(await created).toMatchObject({ ...feature, seq: expect.any(Number) });
    const createdSeq = (await created).seq;

    const deleted = nextEvent<StateEvent<'feature.deleted'>>(socket, 'feature.deleted');
    const res = await as(operator.token).delete(`/api/features/${feature.id}`);
    expect(res.status).toBe(204);
    const event = await deleted;
    expect(event).toMatchObject({ id: feature.id, crisisId });
    expect(event.seq).toBeGreaterThan(createdSeq);
    const after = await listed();
    expect(after.data.map((f) => f.id)).not.toContain(feature.id);
    expect(after.seq).toBeGreaterThanOrEqual(event.seq);

    const ds = t.app.get(DataSource);
    const [row] = (await ds.query('SELECT deleted_at, deleted_by FROM map_feature WHERE id = $1', [
      feature.id,
    ])) as {
      deleted_at: Date | null;
      deleted_by: string;
    }[];
    expect(row.deleted_at).toBeInstanceOf(Date);
    expect(row.deleted_by).toBe(operator.id);
    expect((await as(operator.token).delete(`/api/features/${feature.id}`)).status).toBe(404);
    let audited: { actor_id: string; status: number }[] = [];
    for (let i = 0; i < 20 && audited.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      audited = (await ds.query(
        `SELECT actor_id, status FROM audit_entry WHERE action = 'DELETE /api/features/:id' AND target = $1 ORDER BY id`,
        [`/api/features/${feature.id}`],
      )) as { actor_id: string; status: number }[];
    }
    expect(audited[0]).toEqual({ actor_id: operator.id, status: 204 });
  });

  it('lets liaison officers and viewers read but not draw or delete', async () => {
    const [service] = (await t.app
      .get(DataSource)
      .query(
        `INSERT INTO service (code, name, kind) VALUES ('DDT63T', 'DDT test', 'etat') RETURNING id`,
      )) as { id: string }[];
    const liaison = await t.userWithToken(['service_liaison'], { serviceId: service.id });
    const refused = await draw(boxPolygon(square(CLERMONT_CENTRE, 1)), {}, crisisId, liaison.token);
    expect(refused.status).toBe(403);
    expect(
      (await draw({ type: 'Point', coordinates: CLERMONT_CENTRE }, {}, crisisId, viewer.token))
        .status,
    ).toBe(403);
    expect((await as(liaison.token).get(`/api/crises/${crisisId}/features`)).status).toBe(200);
    const [first] = (await listed()).data;
    expect((await as(liaison.token).delete(`/api/features/${first.id}`)).status).toBe(403);
    expect((await listed()).data.map((f) => f.id)).toContain(first.id);
  });

  it('answers 404 for an unknown crisis, 409 once the crisis is closed, and marks exercises', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await draw({ type: 'Point', coordinates: CLERMONT_CENTRE }, {}, unknown)).status).toBe(
      404,
    );
    expect((await as(viewer.token).get(`/api/crises/${unknown}/features`)).status).toBe(404);
    expect((await as(operator.token).delete(`/api/features/${unknown}`)).status).toBe(404);

    const exercise = await newCrisis({ exercise: true });
    const drill = await draw(
      { type: 'Point', coordinates: CLERMONT_CENTRE },
      { kind: 'care' },
      exercise,
    );
    expect(drill.body.exercise).toBe(true);
    const close = await t.http
      .patch(`/api/crises/${exercise}`)
      .set('Authorization', `Bearer ${operator.token}`)
      .send({ status: 'closed' });
    expect(close.status).toBe(200);
    const late = await draw(
      { type: 'Point', coordinates: CLERMONT_CENTRE },
      { kind: 'care' },
      exercise,
    );
    expect(late.status).toBe(409);
    expect((await as(operator.token).delete(`/api/features/${drill.body.id}`)).status).toBe(409);
  });
});
