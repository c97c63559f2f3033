import type { Position } from 'geojson';
import type { CommuneRef, PolygonGeometry } from '../contracts/crisis';
import { centroid, geometryIntersects, pointInPolygon } from '../reference/geometry';
import { CommuneLookup, resolveIncidentCommune } from './incident-commune';

const polygon = (ring: Position[]): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [ring as [number, number][]],
});
const square = (x0: number, y0: number, size: number) =>
  polygon([
    [x0, y0],
    [x0 + size, y0],
    [x0 + size, y0 + size],
    [x0, y0 + size],
    [x0, y0],
  ]);

/**
 * A fake département: three bands A (x 0..10), B (10..20), C (20..30), and a small enclave D
 * (x 17..20, y 4..7) listed first so that it wins point lookups inside it. Lookups run the real
 * geometry.
 */
const communes: { ref: CommuneRef; outline: PolygonGeometry }[] = [
  { ref: { insee: '63004', name: 'D', population: 10 }, outline: square(17, 4, 3) },
  { ref: { insee: '63001', name: 'A', population: 100 }, outline: square(0, 0, 10) },
  { ref: { insee: '63002', name: 'B', population: 5000 }, outline: square(10, 0, 10) },
  { ref: { insee: '63003', name: 'C', population: 5000 }, outline: square(20, 0, 10) },
];

function fakeReference(): CommuneLookup & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    communeAt(lon, lat) {
      calls.push('communeAt');
      return Promise.resolve(
        communes.find((c) => pointInPolygon([lon, lat], c.outline))?.ref ?? null,
      );
    },
    communesIntersecting(geometry) {
      calls.push('communesIntersecting');
      const touched = communes
        .filter((c) => geometryIntersects(geometry, c.outline))
        .map((c) => c.ref);
      return Promise.resolve(touched.sort((a, b) => a.insee.localeCompare(b.insee)));
    },
  };
}

/** A C open to the east: spine x 11..12, arms y 0..1 and 9..10 reaching x = 29. */
const cShape = polygon([
  [11, 0],
  [29, 0],
  [29, 1],
  [12, 1],
  [12, 9],
  [29, 9],
  [29, 10],
  [11, 10],
  [11, 0],
]);

describe('resolveIncidentCommune', () => {
  it('files a point under the commune containing it, or none outside', async () => {
    const reference = fakeReference();
    expect(
      await resolveIncidentCommune(reference, { type: 'Point', coordinates: [15, 5] }),
    ).toMatchObject({
      insee: '63002',
    });
    expect(
      await resolveIncidentCommune(reference, { type: 'Point', coordinates: [45, 5] }),
    ).toBeNull();
    expect(reference.calls).toEqual(['communeAt', 'communeAt']);
  });

  it('files an area under the commune of its centroid, even when it reaches more populous ones', async () => {
    const reference = fakeReference();
    // x 1..13: centroid x = 7, in A, though the area reaches into B
    const area = polygon([
      [1, 1],
      [13, 1],
      [13, 3],
      [1, 3],
      [1, 1],
    ]);
    expect(await resolveIncidentCommune(reference, area)).toMatchObject({ insee: '63001' });
    expect(reference.calls).toEqual(['communeAt']);
  });

  it('keeps the centroid commune of a concave area when the area touches that commune', async () => {
    const reference = fakeReference();
    const hollow = polygon([
      [1, 0],
      [9, 0],
      [9, 1],
      [2, 1],
      [2, 9],
      [9, 9],
      [9, 10],
      [1, 10],
      [1, 0],
    ]);
    expect(pointInPolygon(centroid(hollow), hollow)).toBe(false);
    expect(await resolveIncidentCommune(reference, hollow)).toMatchObject({ insee: '63001' });
    expect(reference.calls).toEqual(['communeAt', 'communesIntersecting']);
  });

  it('skips the centroid commune when a concave area never reaches it', async () => {
    const reference = fakeReference();
    const [x, y] = centroid(cShape);
    // the centroid is in the enclave D, which the C surrounds without touching
    expect(x).toBeGreaterThan(17);
    expect(x).toBeLessThan(20);
    expect(y).toBeCloseTo(5, 12);
    // B and C tie on population: the lowest INSEE code wins
    expect(await resolveIncidentCommune(reference, cShape)).toMatchObject({ insee: '63002' });
  });

  it('uses the most populous commune touched when the centroid is outside the département', async () => {
    const reference = fakeReference();
    // x 5..95: centroid x = 50, beyond C; touches A (100), B and C (5000 each)
    const area = polygon([
      [5, 2],
      [95, 2],
      [95, 3],
      [5, 3],
      [5, 2],
    ]);
    // B: more populous than A, lower INSEE code than C
    expect(await resolveIncidentCommune(reference, area)).toMatchObject({ insee: '63002' });
    expect(reference.calls).toEqual(['communeAt', 'communesIntersecting']);
  });

  it('returns null for an area wholly outside the département', async () => {
    expect(await resolveIncidentCommune(fakeReference(), square(100, 100, 5))).toBeNull();
  });
});
