import type { LatLngBoundsExpression } from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { prefersReducedMotion } from '../leaflet/motion';

type Focus = readonly [number, number, number, number] | null;

/** Below this size a bbox is a point: fly to it at a street-level zoom. */
const POINT_EPSILON = 1e-4;
const POINT_ZOOM = 14;

/**
 * Moves the view when `focus` (a bbox [minLon, minLat, maxLon, maxLat]) changes: a new tuple,
 * even with the same values, flies again (choosing the same incident after panning away), so
 * the page keeps it in state rather than recomputing it on every render.
 */
export function MapFocus({ focus }: { focus: Focus }) {
  const map = useMap();

  useEffect(() => {
    if (focus === null) return;
    const [minLon, minLat, maxLon, maxLat] = focus;
    const animate = !prefersReducedMotion();
    if (maxLon - minLon < POINT_EPSILON && maxLat - minLat < POINT_EPSILON) {
      const center: [number, number] = [(minLat + maxLat) / 2, (minLon + maxLon) / 2];
      const zoom = Math.max(map.getZoom(), POINT_ZOOM);
      if (animate) map.flyTo(center, zoom, { duration: 0.8 });
      else map.setView(center, zoom, { animate: false });
      return;
    }
    const bounds: LatLngBoundsExpression = [
      [minLat, minLon],
      [maxLat, maxLon],
    ];
    if (animate) map.flyToBounds(bounds, { padding: [48, 48], maxZoom: 15, duration: 0.8 });
    else map.fitBounds(bounds, { padding: [48, 48], maxZoom: 15, animate: false });
  }, [focus, map]);

  return null;
}
