import type { Feature, Geometry } from 'geojson';
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useReferenceLayer } from '../api/reference-layers';
import { ensurePane, PANES } from '../leaflet/panes';

/** Arrondissement names are shown up to this zoom (beyond, they would hide the incidents). */
const LABEL_MAX_ZOOM = 10;

/** The 5 arrondissements: limits and names (non-interactive). */
export function ArrondissementsLayer() {
  const map = useMap();
  const { data } = useReferenceLayer('arrondissements');

  useEffect(() => {
    if (!data) return;
    const pane = ensurePane(map, PANES.ground);
    const labelPane = ensurePane(map, PANES.groundLabels);
    const layer = L.geoJSON(data, {
      pane,
      interactive: false,
      style: { color: '#3A3A3A', weight: 1.8, opacity: 0.8, dashArray: '10 4 2 4', fill: false },
    });
    layer.eachLayer((child) => {
      const feature = (child as L.Polygon).feature as
        Feature<Geometry, { nom: string }> | undefined;
      if (!feature) return;
      child.bindTooltip(feature.properties.nom, {
        permanent: true,
        direction: 'center',
        className: 'vigie-map-label',
        interactive: false,
        pane: labelPane,
      });
    });
    const syncLabels = () => {
      const show = map.getZoom() <= LABEL_MAX_ZOOM;
      layer.eachLayer((child) => {
        if (show) child.openTooltip();
        else child.closeTooltip();
      });
    };
    layer.addTo(map);
    syncLabels();
    map.on('zoomend', syncLabels);
    return () => {
      map.off('zoomend', syncLabels);
      layer.remove();
    };
  }, [map, data]);

  return null;
}
