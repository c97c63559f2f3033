import type { LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  bbox,
  bboxContains,
  bboxIntersects,
  centroid,
  geometryIntersects,
  pointInPolygon,
  segmentsIntersect,
  validatePolygon,
} from './geometry';

const square = (x0: number, y0: number, size: number): Position[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

/** 0..10 square with a 4..6 hole. */
const donut: Polygon = {
  type: 'Polygon',
  coordinates: [square(0, 0, 10), square(4, 4, 2).reverse()],
};
/** Two islands: 0..2 and 10..12, the second with a 10.5..11.5 hole. */
const islands: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[square(0, 0, 2)], [square(10, 10, 2), square(10.5, 10.5, 1)]],
};
const point = (x: number, y: number): Point => ({ type: 'Point', coordinates: [x, y] });
const line = (...coordinates: Position[]): LineString => ({ type: 'LineString', coordinates });
const polygon = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [ring] });

describe('pointInPolygon', () => {
  it('finds points inside and outside a polygon', () => {
    expect(pointInPolygon([1, 1], donut)).toBe(true);
    expect(pointInPolygon([9.9, 5], donut)).toBe(true);
    expect(pointInPolygon([11, 5], donut)).toBe(false);
    expect(pointInPolygon([-0.1, 5], donut)).toBe(false);
    expect(pointInPolygon([5, 10.0001], donut)).toBe(false);
  });

  it('treats a point in a hole as outside', () => {
    expect(pointInPolygon([5, 5], donut)).toBe(false);
    expect(pointInPolygon([3.9, 5], donut)).toBe(true);
  });

  it('counts the boundary, hole boundary included, as inside', () => {
    expect(pointInPolygon([0, 5], donut)).toBe(true);
    expect(pointInPolygon([10, 10], donut)).toBe(true);
    expect(pointInPolygon([4, 5], donut)).toBe(true);
  });

  it('handles a ray passing exactly through vertices', () => {
    // The horizontal ray from (1, 2) passes through the vertices (2, 2) and (4, 2) of this zigzag.
    const zigzag = polygon([
      [0, 0],
      [6, 0],
      [6, 4],
      [4, 2],
      [3, 4],
      [2, 2],
      [0, 4],
      [0, 0],
    ]);
    expect(pointInPolygon([1, 2], zigzag)).toBe(true);
    expect(pointInPolygon([3, 2], zigzag)).toBe(true);
    expect(pointInPolygon([7, 2], zigzag)).toBe(false);
    expect(pointInPolygon([3, 3.9], zigzag)).toBe(true);
    expect(pointInPolygon([2.5, 3.9], zigzag)).toBe(false);
  });

  it('tests every polygon of a MultiPolygon, with holes', () => {
    expect(pointInPolygon([1, 1], islands)).toBe(true);
    expect(pointInPolygon([10.2, 11], islands)).toBe(true);
    expect(pointInPolygon([11, 11], islands)).toBe(false);
    expect(pointInPolygon([5, 5], islands)).toBe(false);
  });

  it('works on real coordinates (Clermont-Ferrand scale)', () => {
    const triangle = polygon([
      [3.05, 45.75],
      [3.12, 45.76],
      [3.08, 45.81],
      [3.05, 45.75],
    ]);
    expect(pointInPolygon([3.087, 45.7772], triangle)).toBe(true);
    expect(pointInPolygon([3.06, 45.8], triangle)).toBe(false);
  });
});

describe('bbox', () => {
  it('computes the box of every geometry type', () => {
    expect(bbox(point(3, 45))).toEqual([3, 45, 3, 45]);
    expect(bbox(line([3, 46], [2.5, 45.5], [4, 45.7]))).toEqual([2.5, 45.5, 4, 46]);
    expect(bbox(donut)).toEqual([0, 0, 10, 10]);
    expect(bbox(islands)).toEqual([0, 0, 12, 12]);
    expect(
      bbox({
        type: 'MultiLineString',
        coordinates: [
          [
            [1, 2],
            [3, 4],
          ],
          [
            [-1, 0],
            [0, 9],
          ],
        ],
      }),
    ).toEqual([-1, 0, 3, 9]);
  });

  it('rejects a geometry without positions', () => {
    expect(() => bbox({ type: 'MultiPoint', coordinates: [] })).toThrow(
      'MultiPoint has no positions',
    );
  });

  it('tests overlap and containment, edges included', () => {
    expect(bboxIntersects([0, 0, 2, 2], [1, 1, 3, 3])).toBe(true);
    expect(bboxIntersects([0, 0, 2, 2], [2, 2, 3, 3])).toBe(true);
    expect(bboxIntersects([0, 0, 2, 2], [2.1, 0, 3, 2])).toBe(false);
    expect(bboxIntersects([0, 0, 2, 2], [0, 3, 2, 4])).toBe(false);
    expect(bboxContains([0, 0, 2, 2], [2, 1])).toBe(true);
    expect(bboxContains([0, 0, 2, 2], [1, -0.1])).toBe(false);
  });
});

describe('segmentsIntersect', () => {
  it('detects crossing, touching, collinear overlapping and disjoint segments', () => {
    expect(segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 2], [2, 2], [3, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [3, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [1, -1], [1, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 0], [2, 0], [3, 0])).toBe(false);
    expect(segmentsIntersect([0, 0], [2, 2], [0, 1], [0.9, 1.8])).toBe(false);
    expect(segmentsIntersect([0, 0], [1, 1], [0, 1], [1, 2])).toBe(false);
  });
});

describe('geometryIntersects', () => {
  it('point vs polygon, holes and MultiPolygon included', () => {
    expect(geometryIntersects(point(1, 1), donut)).toBe(true);
    expect(geometryIntersects(donut, point(1, 1))).toBe(true);
    expect(geometryIntersects(point(5, 5), donut)).toBe(false);
    expect(geometryIntersects(point(10, 3), donut)).toBe(true);
    expect(geometryIntersects(point(11, 11), islands)).toBe(false);
    expect(geometryIntersects(point(1.5, 0.5), islands)).toBe(true);
  });

  it('point vs line and point vs point', () => {
    const l = line([0, 0], [2, 2], [4, 0]);
    expect(geometryIntersects(point(1, 1), l)).toBe(true);
    expect(geometryIntersects(l, point(3, 1))).toBe(true);
    expect(geometryIntersects(point(2, 1), l)).toBe(false);
    expect(geometryIntersects(point(2, 1), point(2, 1))).toBe(true);
    expect(geometryIntersects(point(2, 1), point(2, 1.1))).toBe(false);
  });

  it('line vs polygon: crossing, inside, in a hole, outside', () => {
    expect(geometryIntersects(line([-1, 5], [1, 5]), donut)).toBe(true);
    expect(geometryIntersects(line([1, 1], [2, 2]), donut)).toBe(true);
    expect(geometryIntersects(line([4.5, 4.5], [5.5, 5.5]), donut)).toBe(false);
    expect(geometryIntersects(line([4.5, 4.5], [7, 7]), donut)).toBe(true);
    // Crosses the bbox of the donut diagonally but passes outside its corner.
    expect(geometryIntersects(line([9, 11], [11, 9.5]), donut)).toBe(false);
    expect(geometryIntersects(line([-1, 11], [11, 11]), donut)).toBe(false);
  });

  it('line vs line', () => {
    expect(geometryIntersects(line([0, 0], [2, 2]), line([0, 2], [2, 0]))).toBe(true);
    expect(geometryIntersects(line([0, 0], [2, 2]), line([0, 1], [1, 2]))).toBe(false);
  });

  it('polygon vs polygon: overlap, containment both ways, shared edge, in a hole, disjoint', () => {
    expect(geometryIntersects(polygon(square(8, 8, 4)), donut)).toBe(true);
    expect(geometryIntersects(polygon(square(1, 1, 1)), donut)).toBe(true);
    expect(geometryIntersects(polygon(square(-5, -5, 20)), donut)).toBe(true);
    expect(geometryIntersects(donut, polygon(square(-5, -5, 20)))).toBe(true);
    expect(geometryIntersects(polygon(square(10, 0, 3)), donut)).toBe(true);
    expect(geometryIntersects(polygon(square(4.5, 4.5, 1)), donut)).toBe(false);
    expect(geometryIntersects(polygon(square(20, 20, 1)), donut)).toBe(false);
  });

  it('a perimeter crossing a commune without any vertex inside either', () => {
    // A thin horizontal band across a vertical band: no vertex of one lies in the other.
    const band = polygon([
      [-1, 4],
      [11, 4],
      [11, 5],
      [-1, 5],
      [-1, 4],
    ]);
    const column = polygon([
      [3, -1],
      [3.5, -1],
      [3.5, 11],
      [3, 11],
      [3, -1],
    ]);
    expect(geometryIntersects(band, column)).toBe(true);
  });

  it('polygon vs MultiPolygon only through its second part', () => {
    expect(geometryIntersects(polygon(square(11.8, 11.8, 1)), islands)).toBe(true);
    expect(geometryIntersects(polygon(square(10.6, 10.6, 0.5)), islands)).toBe(false);
    expect(geometryIntersects(polygon(square(5, 5, 1)), islands)).toBe(false);
  });
});

describe('validatePolygon', () => {
  it('accepts simple polygons, holes, repeated positions and multipolygons', () => {
    expect(validatePolygon(polygon(square(0, 0, 1)))).toEqual([]);
    expect(validatePolygon(donut)).toEqual([]);
    expect(validatePolygon(islands)).toEqual([]);
    // a double click while drawing repeats a position
    expect(
      validatePolygon(
        polygon([
          [0, 0],
          [1, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ]),
      ),
    ).toEqual([]);
    // concave, with a vertex close to (not on) another edge
    const notch = polygon([
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 0.001],
      [0, 4],
      [0, 0],
    ]);
    expect(validatePolygon(notch)).toEqual([]);
    // real coordinates: a 5 km square around Clermont-Ferrand
    const clermont = polygon([
      [3.0548, 45.7547],
      [3.1192, 45.7547],
      [3.1192, 45.7997],
      [3.0548, 45.7997],
      [3.0548, 45.7547],
    ]);
    expect(validatePolygon(clermont)).toEqual([]);
  });

  it('rejects rings that are too short or not closed', () => {
    expect(
      validatePolygon(
        polygon([
          [0, 0],
          [1, 0],
          [0, 0],
        ]),
      ),
    ).toEqual([{ path: 'coordinates.0', message: 'a linear ring needs at least 4 positions' }]);
    expect(
      validatePolygon(
        polygon([
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ]),
        'location.coordinates',
      ),
    ).toEqual([
      {
        path: 'location.coordinates.0',
        message: 'ring is not closed: its last position must repeat the first',
      },
    ]);
  });

  it('rejects positions outside WGS84 range', () => {
    expect(
      validatePolygon(
        polygon([
          [0, 0],
          [1, 0],
          [1, 120],
          [0, 0],
        ]),
      ),
    ).toEqual([
      { path: 'coordinates.0', message: 'position 2 is outside WGS84 longitude/latitude range' },
    ]);
    expect(
      validatePolygon(
        polygon([
          [0, 0],
          [181, 0],
          [1, 1],
          [0, 0],
        ]),
      )[0].message,
    ).toMatch('position 1');
    expect(
      validatePolygon(
        polygon([
          [0, 0],
          [NaN, 0],
          [1, 1],
          [0, 0],
        ]),
      )[0].message,
    ).toMatch('position 1');
  });

  it('rejects degenerate rings', () => {
    expect(
      validatePolygon(
        polygon([
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 0],
        ]),
      )[0].message,
    ).toBe('ring is degenerate: it needs at least 3 distinct positions');
    // collinear positions: the closing edge runs back over the others
    expect(
      validatePolygon(
        polygon([
          [0, 0],
          [1, 1],
          [2, 2],
          [0, 0],
        ]),
      )[0].message,
    ).toMatch(/^ring intersects itself/);
    // a sliver within float noise of a line doubles back on itself
    const sliver = polygon([
      [0, 0],
      [1, 0],
      [0.5, 1e-13],
      [0, 0],
    ]);
    expect(validatePolygon(sliver)[0].message).toMatch(/^ring intersects itself/);
    // a triangle of 0.75e-12 square degrees (a few square centimetres)
    const speck = polygon([
      [0, 0],
      [1, 0],
      [0, 1.5e-12],
      [0, 0],
    ]);
    expect(validatePolygon(speck)[0].message).toBe('ring is degenerate: it encloses no area');
  });

  it('rejects a bowtie and names the crossing edges', () => {
    const bowtie = polygon([
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(validatePolygon(bowtie)).toEqual([
      { path: 'coordinates.0', message: 'ring intersects itself: edge 0-1 meets edge 2-3' },
    ]);
    // original indices are kept when repeated positions were skipped
    const repeated = polygon([
      [0, 0],
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(validatePolygon(repeated)[0].message).toBe(
      'ring intersects itself: edge 1-2 meets edge 3-4',
    );
  });

  it('rejects rings touching themselves at a vertex or doubling back', () => {
    // figure of eight through (1, 1), the vertex visited twice
    const eight = polygon([
      [0, 0],
      [1, 1],
      [2, 0],
      [2, 2],
      [1, 1],
      [0, 2],
      [0, 0],
    ]);
    expect(validatePolygon(eight)[0].message).toMatch(/^ring intersects itself/);
    // a vertex lying on a non-adjacent edge
    const touching = polygon([
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 0],
      [0, 4],
      [0, 0],
    ]);
    expect(validatePolygon(touching)[0].message).toMatch(/^ring intersects itself/);
    // a spike: (2, 0) then back to (1, 0) along the same line
    const spike = polygon([
      [0, 0],
      [2, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(validatePolygon(spike)[0].message).toMatch(/^ring intersects itself/);
    // a spike across the closing vertex
    const closingSpike = polygon([
      [0, 0],
      [-1, 0],
      [1, 1],
      [0, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(validatePolygon(closingSpike)[0].message).toMatch(/^ring intersects itself/);
  });

  it('finds a crossing among many edges (a star drawn with crossing strokes)', () => {
    // pentagram: 5 points joined every second vertex cross each other
    const star: Position[] = [0, 2, 4, 1, 3, 0].map((k) => [
      Math.cos((2 * Math.PI * k) / 5),
      Math.sin((2 * Math.PI * k) / 5),
    ]);
    star[5] = star[0];
    expect(validatePolygon(polygon(star))[0].message).toMatch(/^ring intersects itself/);
    // a 2,000-vertex circle is valid
    const circle: Position[] = Array.from({ length: 2000 }, (_, k) => [
      3 + 0.1 * Math.cos((2 * Math.PI * k) / 2000),
      45 + 0.1 * Math.sin((2 * Math.PI * k) / 2000),
    ]);
    circle.push(circle[0]);
    expect(validatePolygon(polygon(circle))).toEqual([]);
  });

  it('checks holes against their exterior ring, and each part of a multipolygon', () => {
    const outside: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 10), square(20, 20, 1)],
    };
    expect(validatePolygon(outside)).toEqual([
      { path: 'coordinates.1', message: 'hole is not inside the exterior ring' },
    ]);
    const crossing: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10), square(8, 8, 4)] };
    expect(validatePolygon(crossing)[0].path).toBe('coordinates.1');
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [square(0, 0, 1)],
        [
          [
            [5, 5],
            [6, 6],
            [6, 5],
            [5, 6],
            [5, 5],
          ],
        ],
      ],
    };
    expect(validatePolygon(multi)).toEqual([
      { path: 'coordinates.1.0', message: 'ring intersects itself: edge 0-1 meets edge 2-3' },
    ]);
  });
});

describe('centroid', () => {
  it('is the centre of mass of the area, holes subtracted', () => {
    expect(centroid(polygon(square(0, 0, 2)))).toEqual([1, 1]);
    // orientation does not matter
    expect(centroid(polygon(square(0, 0, 2).reverse()))).toEqual([1, 1]);
    expect(centroid(donut)).toEqual([5, 5]);
    // an L shape: 2x1 bar plus 1x1 square on top of its left half
    const l = polygon([
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ]);
    const [x, y] = centroid(l);
    expect(x).toBeCloseTo(5 / 6, 12);
    expect(y).toBeCloseTo(5 / 6, 12);
  });

  it('weights the parts of a multipolygon by their area', () => {
    const [x, y] = centroid({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 2)], [square(10, 0, 1)]],
    });
    expect(x).toBeCloseTo((4 * 1 + 1 * 10.5) / 5, 12);
    expect(y).toBeCloseTo((4 * 1 + 1 * 0.5) / 5, 12);
  });

  it('keeps precision at real coordinates and may fall outside a concave shape', () => {
    const [x, y] = centroid(polygon(square(3.05, 45.75, 0.02)));
    expect(x).toBeCloseTo(3.06, 12);
    expect(y).toBeCloseTo(45.76, 12);
    const c = polygon([
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 2],
      [3, 2],
      [3, 3],
      [0, 3],
      [0, 0],
    ]);
    expect(pointInPolygon(centroid(c), c)).toBe(false);
  });

  it('falls back to the mean of the vertices for a shape without area', () => {
    expect(
      centroid(
        polygon([
          [0, 0],
          [2, 0],
          [4, 0],
          [0, 0],
        ]),
      ),
    ).toEqual([1.5, 0]);
  });
});
