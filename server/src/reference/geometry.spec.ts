import type { LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  bbox,
  bboxContains,
  bboxIntersects,
  geometryIntersects,
  pointInPolygon,
  segmentsIntersect,
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
