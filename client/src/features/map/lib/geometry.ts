/**
 * GeoJSON helpers of the map: where an incident is drawn, and the conversion of a shape drawn
 * with the tools into the geometry the API accepts ([lon, lat], 6 decimals, closed rings).
 * Pure: no Leaflet, no DOM.
 */
import type { Incident, PointGeometry } from '@contracts/crisis';
import type { DrawnGeometry } from '../types';

export type LonLat = [number, number];
/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

/** 6 decimals ≈ 0.1 m: what the API stores and what a click can mean. */
export function round6(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded; // no -0 in JSON
}

export function pointAt(lon: number, lat: number): PointGeometry {
  return { type: 'Point', coordinates: [round6(lon), round6(lat)] };
}

export function bboxOfRing(ring: readonly (readonly number[])[]): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon = NaN, lat = NaN] of ring) {
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return [minLon, minLat, maxLon, maxLat];
}

/**
 * Area-weighted centroid of a ring; the centre of its bounding box when the centroid is
 * degenerate (zero area) or falls outside the bounding box.
 */
export function ringAnchor(ring: readonly (readonly number[])[]): LonLat {
  const [minLon, minLat, maxLon, maxLat] = bboxOfRing(ring);
  const centre: LonLat = [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    // relative to the bbox centre: keeps the products small
    const ax = x0 - centre[0];
    const ay = y0 - centre[1];
    const bx = x1 - centre[0];
    const by = y1 - centre[1];
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  if (Math.abs(twiceArea) < 1e-12) return centre;
  const lon = centre[0] + cx / (3 * twiceArea);
  const lat = centre[1] + cy / (3 * twiceArea);
  if (!(lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat)) return centre;
  return [lon, lat];
}

/** Where an incident's marker goes: its point, or the centroid of its polygon. */
export function incidentAnchor(location: Incident['location']): LonLat {
  if (location.type === 'Point') {
    const [lon, lat] = location.coordinates;
    return [lon, lat];
  }
  return ringAnchor(location.coordinates[0] ?? []);
}

function samePosition(a: LonLat | undefined, b: LonLat | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

function isFiniteLonLat(value: unknown): value is readonly number[] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    Math.abs(value[0] as number) <= 180 &&
    Math.abs(value[1] as number) <= 90
  );
}

/** Rounds to 6 decimals and drops consecutive duplicates (double clicks, snapping). */
function cleanPositions(positions: unknown): LonLat[] | null {
  if (!Array.isArray(positions)) return null;
  const out: LonLat[] = [];
  for (const p of positions) {
    if (!isFiniteLonLat(p)) return null;
    const next: LonLat = [round6(p[0] ?? NaN), round6(p[1] ?? NaN)];
    if (!samePosition(out[out.length - 1], next)) out.push(next);
  }
  return out;
}

/**
 * A GeoJSON geometry from the drawing tools (Leaflet's `toGeoJSON()`) as the API wants it, or
 * null when it is not something the API accepts (fewer than 3 distinct vertices for a polygon,
 * fewer than 2 points for a line, another geometry type).
 */
export function toDrawnGeometry(geometry: {
  type: string;
  coordinates?: unknown;
}): DrawnGeometry | null {
  switch (geometry.type) {
    case 'Point': {
      const p = geometry.coordinates;
      if (!isFiniteLonLat(p)) return null;
      return pointAt(p[0] ?? NaN, p[1] ?? NaN);
    }
    case 'LineString': {
      const line = cleanPositions(geometry.coordinates);
      if (!line || line.length < 2) return null;
      return { type: 'LineString', coordinates: line };
    }
    case 'Polygon': {
      const rings = geometry.coordinates;
      if (!Array.isArray(rings) || rings.length === 0) return null;
      const cleaned: LonLat[][] = [];
      for (const raw of rings) {
        const ring = cleanPositions(raw);
        if (!ring) return null;
        if (samePosition(ring[0], ring[ring.length - 1])) ring.pop();
        if (ring.length < 3) {
          if (cleaned.length === 0) return null; // the outer ring is degenerate
          continue; // a degenerate hole: drop it
        }
        const first = ring[0];
        if (first) ring.push([first[0], first[1]]);
        cleaned.push(ring);
      }
      return { type: 'Polygon', coordinates: cleaned };
    }
    default:
      return null;
  }
}
