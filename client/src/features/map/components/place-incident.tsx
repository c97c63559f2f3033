import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { PointGeometry } from '@contracts/crisis';
import { useLatest } from '../hooks/use-latest';
import { pointAt } from '../lib/geometry';

const PLACING_CLASS = 'vigie-map--placing';

interface PlaceIncidentProps {
  active: boolean;
  onPlace: (location: PointGeometry) => void;
}

/**
 * "Placing an incident": crosshair cursor; a click (or Enter while the map has the keyboard
 * focus, at the centre of the view) reports the location, rounded to 6 decimals.
 */
export function PlaceIncident({ active, onPlace }: PlaceIncidentProps) {
  const map = useMap();
  const latest = useLatest(onPlace);

  useEffect(() => {
    if (!active) return;
    const container = map.getContainer();
    const place = (latlng: L.LatLng) => {
      const wrapped = latlng.wrap();
      latest.current(pointAt(wrapped.lng, wrapped.lat));
    };
    const onClick = (e: L.LeafletMouseEvent) => place(e.latlng);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.target !== container) return;
      e.preventDefault();
      place(map.getCenter());
    };
    L.DomUtil.addClass(container, PLACING_CLASS);
    map.on('click', onClick);
    container.addEventListener('keydown', onKeyDown);
    return () => {
      L.DomUtil.removeClass(container, PLACING_CLASS);
      map.off('click', onClick);
      container.removeEventListener('keydown', onKeyDown);
    };
  }, [active, map, latest]);

  return null;
}
