/**
 * Planar geometry on WGS84 [lon, lat] positions, enough to answer "which commune contains this
 * point" and "which communes does this perimeter touch". Pure functions, no I/O.
 *
 * Boundaries count as inside (closed sets): a point on a commune border belongs to both communes,
 * and two shapes that only share an edge or a vertex intersect.
 */
import type {
  LineString,
  MultiLineString,
  MultiPoint,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

export type Area = Polygon | MultiPolygon;

/** The geometry types the intersection helpers accept (GeometryCollection is not). */
export type SimpleGeometry =
  Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;

/**
 * Tolerance on cross products (degrees²) when deciding that three positions are collinear: about
 * 0.01 mm off a 1 km segment. Coordinates are rounded to 1e-5°, so this only absorbs float noise.
 */
const EPSILON = 1e-12;

export function bbox(geometry: SimpleGeometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions(geometry)) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  if (box[0] === Infinity) throw new Error(`${geometry.type} has no positions`);
  return box;
}

export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export function bboxContains(box: BBox, [x, y]: Position): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/**
 * Even-odd ray casting over every ring, so a point in a hole is outside; a point on any ring
 * (exterior or hole boundary) is inside.
 */
export function pointInPolygon(point: Position, area: Area): boolean {
  return polygonsOf(area).some((rings) => pointInRings(point, rings));
}

function pointInRings(point: Position, rings: Position[][]): boolean {
  const [x, y] = point;
  let inside = false;
  for (const ring of rings) {
    for (const [a, b] of segments(ring)) {
      if (onSegment(point, a, b)) return true;
      // The edge straddles the horizontal line through the point, and crosses it to the right.
      const straddles = a[1] > y !== b[1] > y;
      if (straddles && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

/** Whether the closed segments [p1, p2] and [q1, q2] share at least one point. */
export function segmentsIntersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = orientation(q1, q2, p1);
  const d2 = orientation(q1, q2, p2);
  const d3 = orientation(p1, p2, q1);
  const d4 = orientation(p1, p2, q2);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (
    (d1 === 0 && withinBox(p1, q1, q2)) ||
    (d2 === 0 && withinBox(p2, q1, q2)) ||
    (d3 === 0 && withinBox(q1, p1, p2)) ||
    (d4 === 0 && withinBox(q2, p1, p2))
  );
}

/**
 * Whether two geometries share at least one point: bbox prefilter, then a vertex of either inside
 * the other's polygons (containment), then any pair of edges crossing or touching.
 */
export function geometryIntersects(a: SimpleGeometry, b: SimpleGeometry): boolean {
  if (!bboxIntersects(bbox(a), bbox(b))) return false;
  const pa = parts(a);
  const pb = parts(b);
  if (verticesInPolygons(pa, pb) || verticesInPolygons(pb, pa)) return true;
  for (const [a1, a2] of pa.segments) {
    for (const [b1, b2] of pb.segments) {
      if (segmentsIntersect(a1, a2, b1, b2)) return true;
    }
  }
  // Lone points have no edges: compare them with the other side's points and edges.
  return pointsTouch(pa, pb) || pointsTouch(pb, pa);
}

interface Parts {
  /** Point and MultiPoint positions. */
  points: Position[];
  /** Every vertex of lines and polygon rings. */
  vertices: Position[];
  /** Edges of lines and of polygon rings. */
  segments: [Position, Position][];
  /** Polygons as lists of rings (exterior first). */
  polygons: Position[][][];
}

function parts(geometry: SimpleGeometry): Parts {
  const result: Parts = { points: [], vertices: [], segments: [], polygons: [] };
  const addLine = (line: Position[]) => {
    result.vertices.push(...line);
    result.segments.push(...segments(line));
  };
  switch (geometry.type) {
    case 'Point':
      result.points.push(geometry.coordinates);
      break;
    case 'MultiPoint':
      result.points.push(...geometry.coordinates);
      break;
    case 'LineString':
      addLine(geometry.coordinates);
      break;
    case 'MultiLineString':
      geometry.coordinates.forEach(addLine);
      break;
    case 'Polygon':
    case 'MultiPolygon':
      for (const rings of polygonsOf(geometry)) {
        result.polygons.push(rings);
        rings.forEach(addLine);
      }
      break;
  }
  return result;
}

function verticesInPolygons(from: Parts, to: Parts): boolean {
  if (to.polygons.length === 0) return false;
  const box = polygonsBox(to.polygons);
  return [...from.points, ...from.vertices].some(
    (p) => bboxContains(box, p) && to.polygons.some((rings) => pointInRings(p, rings)),
  );
}

function pointsTouch(from: Parts, to: Parts): boolean {
  return from.points.some(
    (p) =>
      to.points.some((q) => p[0] === q[0] && p[1] === q[1]) ||
      to.segments.some(([a, b]) => onSegment(p, a, b)),
  );
}

function polygonsBox(polygons: Position[][][]): BBox {
  return bbox({ type: 'MultiPolygon', coordinates: polygons });
}

function polygonsOf(area: Area): Position[][][] {
  return area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
}

function* positions(geometry: SimpleGeometry): Generator<Position> {
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      break;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) yield* line;
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) yield* ring;
      break;
  }
}

/** Consecutive pairs of a line; a ring whose last position repeats the first is closed already. */
function segments(line: Position[]): [Position, Position][] {
  const result: [Position, Position][] = [];
  for (let i = 1; i < line.length; i++) result.push([line[i - 1], line[i]]);
  return result;
}

/** Sign of the cross product (b - a) × (c - a): 1 left turn, -1 right turn, 0 collinear. */
function orientation(a: Position, b: Position, c: Position): number {
  const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return Math.abs(cross) <= EPSILON ? 0 : Math.sign(cross);
}

function withinBox(p: Position, a: Position, b: Position): boolean {
  return (
    p[0] >= Math.min(a[0], b[0]) &&
    p[0] <= Math.max(a[0], b[0]) &&
    p[1] >= Math.min(a[1], b[1]) &&
    p[1] <= Math.max(a[1], b[1])
  );
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  return orientation(a, b, p) === 0 && withinBox(p, a, b);
}
