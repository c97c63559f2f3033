import { describe, expect, it } from '@jest/globals';
import { incidentAnchor, pointAt, ringAnchor, round6, toDrawnGeometry } from './geometry';

describe('round6', () => {
  it('keeps 6 decimals and never yields -0', () => {
    expect(round6(3.123456789)).toBe(3.123457);
    expect(round6(-0.0000001)).toBe(0);
    expect(Object.is(round6(-0.0000001), -0)).toBe(false);
  });
});

describe('pointAt', () => {
  it('is a GeoJSON point in [lon, lat] order, rounded', () => {
    expect(pointAt(3.08712345678, 45.77791234)).toEqual({
      type: 'Point',
      coordinates: [3.087123, 45.777912],
    });
  });
});

describe('toDrawnGeometry', () => {
  it('converts a polygon: rounds, removes repeated vertices and closes the ring', () => {
    const g = toDrawnGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [3.1000001, 45.7],
          [3.2, 45.7],
          [3.2, 45.7], // double click
          [3.2, 45.8],
          [3.1, 45.8],
        ],
      ],
    });
    expect(g).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [3.1, 45.7],
          [3.2, 45.7],
          [3.2, 45.8],
          [3.1, 45.8],
          [3.1, 45.7],
        ],
      ],
    });
  });

  it('keeps an already closed ring closed once', () => {
    const ring = [
      [3.1, 45.7],
      [3.2, 45.7],
      [3.2, 45.8],
      [3.1, 45.7],
    ];
    const g = toDrawnGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(g?.coordinates).toEqual([ring]);
  });

  it('refuses a polygon with fewer than 3 distinct vertices', () => {
    const degenerate = [
      [3.1, 45.7],
      [3.2, 45.7],
      [3.2, 45.7],
      [3.1, 45.7],
    ];
    expect(toDrawnGeometry({ type: 'Polygon', coordinates: [degenerate] })).toBeNull();
  });

  it('drops a degenerate hole but keeps the polygon', () => {
    const outer = [
      [3, 45],
      [4, 45],
      [4, 46],
      [3, 45],
    ];
    const hole = [
      [3.5, 45.5],
      [3.5, 45.5],
    ];
    expect(toDrawnGeometry({ type: 'Polygon', coordinates: [outer, hole] })?.coordinates).toEqual([
      outer,
    ]);
  });

  it('converts a line and refuses a line of one point', () => {
    expect(
      toDrawnGeometry({
        type: 'LineString',
        coordinates: [
          [3.1, 45.7],
          [3.1, 45.7],
          [3.2, 45.75],
        ],
      }),
    ).toEqual({
      type: 'LineString',
      coordinates: [
        [3.1, 45.7],
        [3.2, 45.75],
      ],
    });
    expect(
      toDrawnGeometry({
        type: 'LineString',
        coordinates: [
          [3.1, 45.7],
          [3.1, 45.7],
        ],
      }),
    ).toBeNull();
  });

  it('converts a point and refuses other types or bad coordinates', () => {
    expect(toDrawnGeometry({ type: 'Point', coordinates: [3.0000004, 45.9999996] })).toEqual({
      type: 'Point',
      coordinates: [3, 46],
    });
    expect(toDrawnGeometry({ type: 'Point', coordinates: [200, 45] })).toBeNull();
    expect(toDrawnGeometry({ type: 'Point', coordinates: [Number.NaN, 45] })).toBeNull();
    expect(toDrawnGeometry({ type: 'MultiPoint', coordinates: [[3, 45]] })).toBeNull();
  });
});

describe('incident anchors', () => {
  it('is the point of a point incident', () => {
    expect(incidentAnchor({ type: 'Point', coordinates: [3.1, 45.7] })).toEqual([3.1, 45.7]);
  });

  it('is the centroid of a polygon', () => {
    const [lon, lat] = incidentAnchor({
      type: 'Polygon',
      coordinates: [
        [
          [3, 45],
          [3.2, 45],
          [3.2, 45.2],
          [3, 45.2],
          [3, 45],
        ],
      ],
    });
    expect(lon).toBeCloseTo(3.1, 9);
    expect(lat).toBeCloseTo(45.1, 9);
  });

  it('weighs by area: an L shape leans towards its larger arm', () => {
    // an L: 2x1 bottom bar and 1x1 on top of its left half
    const [lon, lat] = ringAnchor([
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ]);
    expect(lon).toBeCloseTo(5 / 6, 9);
    expect(lat).toBeCloseTo(5 / 6, 9);
  });

  it('falls back to the bbox centre for a zero-area ring', () => {
    expect(
      ringAnchor([
        [3, 45],
        [3.2, 45.2],
        [3, 45],
      ]),
    ).toEqual([3.1, 45.1]);
  });
});
