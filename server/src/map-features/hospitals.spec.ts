import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolygonGeometry } from '../contracts/crisis';
import { LAYER_FILES, referenceDataDir } from '../reference/reference-data';
import { parseHospitals, sitesWithin } from './hospitals';

const layer = readFileSync(join(referenceDataDir(), LAYER_FILES.hopitaux), 'utf8');

/** An axis-aligned box as a GeoJSON polygon. */
const box = (minLon: number, minLat: number, maxLon: number, maxLat: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [minLon, minLat],
      [maxLon, minLat],
      [maxLon, maxLat],
      [minLon, maxLat],
      [minLon, minLat],
    ],
  ],
});

describe('parseHospitals', () => {
  it('reads every hospital of the shipped layer', () => {
    const hospitals = parseHospitals(layer);
    const features = (JSON.parse(layer) as { features: unknown[] }).features;
    expect(hospitals).toHaveLength(features.length);
    expect(hospitals.find((h) => h.id === '630000404')).toEqual({
      id: '630000404',
      name: 'HOPITAL GABRIEL MONTPIED - CHU CLERMONT-FERRAND',
      communeInsee: '63113',
      position: [3.09445, 45.75703],
    });
  });

  it('throws on a broken layer', () => {
    expect(() => parseHospitals('{"type":"FeatureCollection"}')).toThrow();
    const bad = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [3, 95] },
          properties: { finess: '630000404', nom: 'X' },
        },
      ],
    };
    expect(() => parseHospitals(JSON.stringify(bad))).toThrow();
  });
});

describe('sitesWithin', () => {
  const hospitals = parseHospitals(layer);

  it('lists the hospitals inside an area, sorted by FINESS number', () => {
    // around the CHU Gabriel-Montpied and Jean Perrin (same address) only
    const sites = sitesWithin(box(3.094, 45.7568, 3.095, 45.7572), hospitals);
    expect(sites).toEqual([
      {
        kind: 'hopital',
        id: '630000404',
        name: 'HOPITAL GABRIEL MONTPIED - CHU CLERMONT-FERRAND',
        communeInsee: '63113',
      },
      {
        kind: 'hopital',
        id: '630000479',
        name: 'CENTRE LUTTE CONTRE LE CANCER JEAN PERRIN',
        communeInsee: '63113',
      },
    ]);
  });

  it('counts a hospital on the boundary, and searches every part of a multipolygon', () => {
    const onEdge = box(3.09445, 45.78, 3.2, 45.79);
    expect(sitesWithin(onEdge, hospitals).map((s) => s.id)).toContain('630781268'); // Estaing, x = 3.10877
    expect(sitesWithin(box(3.0, 45.757, 3.09445, 45.758), hospitals).map((s) => s.id)).toEqual([
      '630000404',
      '630000479',
    ]);
    const twoParts = {
      type: 'MultiPolygon' as const,
      coordinates: [
        box(3.094, 45.7568, 3.095, 45.7572).coordinates,
        box(2.8, 45.57, 2.81, 45.58).coordinates,
      ],
    };
    // the second part holds the Mont-Dore hospital and its long-stay unit (same address)
    expect(sitesWithin(twoParts, hospitals).map((s) => s.id)).toEqual([
      '630000016',
      '630000404',
      '630000479',
      '630791895',
    ]);
  });

  it('finds nothing in an empty area, a point or a line', () => {
    expect(sitesWithin(box(3.3, 45.3, 3.31, 45.31), hospitals)).toEqual([]);
    expect(sitesWithin({ type: 'Point', coordinates: [3.09445, 45.75703] }, hospitals)).toEqual([]);
    expect(
      sitesWithin(
        {
          type: 'LineString',
          coordinates: [
            [3.09, 45.75703],
            [3.1, 45.75703],
          ],
        },
        hospitals,
      ),
    ).toEqual([]);
  });
});
