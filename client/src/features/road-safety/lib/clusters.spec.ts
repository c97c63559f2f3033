import type { AccidentPoint } from '@contracts/road-safety';
import { clusterIndex } from './clusters';

const point = (numAcc: string, lon: number, lat: number): AccidentPoint => ({
  numAcc,
  date: '2023-05-01',
  lon,
  lat,
  severity: 'leger',
  communeInsee: '63113',
  killed: 0,
  hospitalised: 0,
});

describe('accident clusters', () => {
  it('groups close accidents at département zoom and separates them when zoomed in', () => {
    const index = clusterIndex([
      point('1', 3.08, 45.77),
      point('2', 3.081, 45.771),
      point('3', 3.54, 45.86),
    ]);
    const bbox: [number, number, number, number] = [2.3, 45.2, 4.0, 46.3];
    const far = index.getClusters(bbox, 8);
    expect(far).toHaveLength(2);
    expect(
      far.map((f) => (f.properties as { point_count?: number }).point_count ?? 1).sort(),
    ).toEqual([1, 2]);
    expect(index.getClusters(bbox, 16)).toHaveLength(3);
  });
});
