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

/** A problem found in a geometry: where (dotted path under `path`) and what. */
export interface GeometryProblem {
  path: string;
  message: string;
}

/**
 * Checks what a JSON schema cannot: every ring has at least 4 positions within WGS84 range, is
 * closed, encloses an area, and neither crosses nor touches itself (a spike that doubles back
 * counts); every hole lies inside its exterior ring. Consecutive repeated positions are
 * tolerated. Returns one problem per faulty ring (empty when valid), with paths such as
 * `coordinates.0` (Polygon) or `coordinates.1.0` (MultiPolygon).
 */
export function validatePolygon(area: Area, path = 'coordinates'): GeometryProblem[] {
  if (area.type === 'Polygon') return validateRings(area.coordinates, path);
  return area.coordinates.flatMap((rings, i) => validateRings(rings, `${path}.${i}`));
}

function validateRings(rings: Position[][], path: string): GeometryProblem[] {
  const problems: GeometryProblem[] = [];
  const valid: Position[][] = [];
  rings.forEach((ring, r) => {
    const message = ringProblem(ring);
    if (message) problems.push({ path: `${path}.${r}`, message });
    else valid.push(ring);
  });
  if (problems.length > 0 || rings.length < 2) return problems;
  const [shell, ...holes] = valid;
  holes.forEach((hole, h) => {
    if (!ringInside(hole, shell)) {
      problems.push({ path: `${path}.${h + 1}`, message: 'hole is not inside the exterior ring' });
    }
  });
  return problems;
}

function ringProblem(ring: Position[]): string | null {
  if (ring.length < 4) return 'a linear ring needs at least 4 positions';
  const outOfRange = ring.findIndex(([x, y]) => !(Math.abs(x) <= 180) || !(Math.abs(y) <= 90));
  if (outOfRange >= 0) return `position ${outOfRange} is outside WGS84 longitude/latitude range`;
  const end = ring.length - 1;
  if (ring[0][0] !== ring[end][0] || ring[0][1] !== ring[end][1]) {
    return 'ring is not closed: its last position must repeat the first';
  }
  // Keep the last of consecutive repeats (double clicks when drawing), with its original index.
  const kept = ring
    .map((_, i) => i)
    .filter((i) => i === end || ring[i][0] !== ring[i + 1][0] || ring[i][1] !== ring[i + 1][1]);
  const vertices = kept.map((i) => ring[i]);
  if (vertices.length < 4) return 'ring is degenerate: it needs at least 3 distinct positions';
  // Before the area: a symmetric bowtie's two lobes cancel out to an area of zero.
  const crossing = selfIntersection(vertices);
  if (crossing) {
    const edge = (k: number) => `${kept[k]}-${kept[k + 1]}`;
    return `ring intersects itself: edge ${edge(crossing[0])} meets edge ${edge(crossing[1])}`;
  }
  if (Math.abs(signedArea(vertices)) <= EPSILON) return 'ring is degenerate: it encloses no area';
  return null;
}

/**
 * A pair of edges (by start index) sharing a point other than the vertex joining neighbours, or
 * null. Sweep over the edges sorted by their west end: only edges whose boxes overlap are
 * compared, O(n²) at worst.
 */
function selfIntersection(ring: Position[]): [number, number] | null {
  const edges = segments(ring);
  const n = edges.length;
  const box = edges.map(([a, b]) => [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
  ]);
  const order = edges.map((_, i) => i).sort((i, j) => box[i][0] - box[j][0]);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    for (let l = k + 1; l < n && box[order[l]][0] <= box[i][2]; l++) {
      const j = order[l];
      if (box[j][1] > box[i][3] || box[i][1] > box[j][3]) continue;
      const [lo, hi] = i < j ? [i, j] : [j, i];
      if (edgesConflict(edges, lo, hi)) return [lo, hi];
    }
  }
  return null;
}

function edgesConflict(edges: [Position, Position][], i: number, j: number): boolean {
  const [a, b] = edges[i];
  const [c, d] = edges[j];
  const n = edges.length;
  if (j === i + 1) return doublesBack(a, b, d); // share b === c
  if (i === 0 && j === n - 1) return doublesBack(c, d, b); // share d === a
  return segmentsIntersect(a, b, c, d);
}

/** Neighbour edges a→b, b→c overlap beyond b when c turns straight back along a→b. */
function doublesBack(a: Position, b: Position, c: Position): boolean {
  const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
  return orientation(a, b, c) === 0 && dot < 0;
}

/** Every vertex of the hole inside or on the shell, and no hole edge properly crossing it. */
function ringInside(hole: Position[], shell: Position[]): boolean {
  if (!hole.every((p) => pointInRings(p, [shell]))) return false;
  const shellEdges = segments(shell);
  return segments(hole).every(([a, b]) => shellEdges.every(([c, d]) => !properlyCross(a, b, c, d)));
}

function properlyCross(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  return (
    orientation(q1, q2, p1) * orientation(q1, q2, p2) < 0 &&
    orientation(p1, p2, q1) * orientation(p1, p2, q2) < 0
  );
}

/** Shoelace area of a closed ring (degrees², positive counter-clockwise), around its first vertex. */
function signedArea(ring: Position[]): number {
  const [x0, y0] = ring[0];
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x1, y1] = ring[i - 1];
    const [x2, y2] = ring[i];
    sum += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  }
  return sum / 2;
}

/**
 * Area-weighted centroid of a polygon or multipolygon, holes subtracted (planar lon/lat, fine
 * at département scale). It may fall outside a concave shape. A shape without area gets the
 * mean of its vertices.
 */
export function centroid(area: Area): Position {
  let weight = 0;
  let cx = 0;
  let cy = 0;
  for (const rings of polygonsOf(area)) {
    rings.forEach((ring, r) => {
      const [x0, y0] = ring[0];
      let a = 0;
      let sx = 0;
      let sy = 0;
      for (let i = 1; i < ring.length; i++) {
        const x1 = ring[i - 1][0] - x0;
        const y1 = ring[i - 1][1] - y0;
        const x2 = ring[i][0] - x0;
        const y2 = ring[i][1] - y0;
        const cross = x1 * y2 - x2 * y1;
        a += cross;
        sx += (x1 + x2) * cross;
        sy += (y1 + y2) * cross;
      }
      if (a === 0) return;
      // Ring centroid is (sx, sy) / (3a) around (x0, y0); its weight is |a| / 2, negative for holes.
      const w = (Math.abs(a) / 2) * (r === 0 ? 1 : -1);
      cx += w * (sx / (3 * a) + x0);
      cy += w * (sy / (3 * a) + y0);
      weight += w;
    });
  }
  if (weight !== 0) return [cx / weight, cy / weight];
  const all = [...positions(area)];
  return [
    all.reduce((s, p) => s + p[0], 0) / all.length,
    all.reduce((s, p) => s + p[1], 0) / all.length,
  ];
}
