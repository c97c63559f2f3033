import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useReferenceLayer } from '../api/reference-layers';
import { tm } from '../i18n';
import { ensurePane, PANES } from '../leaflet/panes';

interface DepartementLayerProps {
  /** Without a tile layer, the department is filled so that it stands out from the background. */
  filled: boolean;
}

/** The Puy-de-Dôme outline (non-interactive, under everything). */
export function DepartementLayer({ filled }: DepartementLayerProps) {
  const map = useMap();
  const { data } = useReferenceLayer('departement');

  useEffect(() => {
    if (!data) return;
    const pane = ensurePane(map, PANES.ground);
    const layer = L.geoJSON(data, {
      pane,
      interactive: false,
      attribution: tm.attribution,
      style: {
        color: '#000091',
        weight: 3,
        opacity: 0.9,
        fill: filled,
        fillColor: '#FFFFFF',
        fillOpacity: filled ? 1 : 0,
      },
    }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, data, filled]);

  return null;
}
