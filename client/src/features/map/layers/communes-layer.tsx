import type { Feature, MultiPolygon, Polygon } from 'geojson';
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { type CommuneProperties, useReferenceLayer } from '../api/reference-layers';
import { tm } from '../i18n';
import { infoBox } from '../leaflet/content';
import { DRAW_ORDER, type OrderedPathOptions } from '../leaflet/ordered-canvas';
import { ensurePane, PANES } from '../leaflet/panes';
import { ringAnchor } from '../lib/geometry';

type CommuneFeature = Feature<Polygon | MultiPolygon, CommuneProperties>;

const BASE: OrderedPathOptions = {
  color: '#6A6A6A',
  weight: 0.6,
  opacity: 0.7,
  fill: false,
  drawOrder: DRAW_ORDER.communes,
};
const HOVER: L.PathOptions = { color: '#000091', weight: 2, opacity: 1 };

/**
 * Commune names, without which a map with no tiles is hard to read once zoomed in: the largest
 * communes from zoom 10, the medium ones from 11, all from 12 (CSS classes on the label pane).
 */
const LABEL_TIERS = [
  { minPopulation: 10_000, minZoom: 10 },
  { minPopulation: 2_000, minZoom: 11 },
  { minPopulation: 0, minZoom: 12 },
] as const;

function labelTier(population: number): number {
  return LABEL_TIERS.findIndex((t) => population >= t.minPopulation);
}

function largestRing(geometry: Polygon | MultiPolygon): number[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: number[][] = [];
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    if (ring.length > best.length) best = ring;
  }
  return best;
}

function communeLabels(features: readonly CommuneFeature[], pane: string): L.LayerGroup {
  const group = L.layerGroup();
  for (const f of features) {
    const [lon, lat] = ringAnchor(largestRing(f.geometry));
    const text = document.createElement('span');
    text.textContent = f.properties.nom;
    L.marker([lat, lon], {
      pane,
      interactive: false,
      keyboard: false,
      icon: L.divIcon({
        className: `vigie-commune-label vigie-commune-label--t${labelTier(f.properties.population)}`,
        html: text,
        iconSize: [0, 0],
      }),
    }).addTo(group);
  }
  return group;
}

/** The 463 communes: thin outlines on the shared canvas, name and population on hover. */
export function CommunesLayer() {
  const map = useMap();
  const { data } = useReferenceLayer('communes');

  useEffect(() => {
    if (!data) return;
    const layer = L.geoJSON(data, { style: () => BASE, ...BASE } as L.GeoJSONOptions);
    layer.bindTooltip(
      (child) => {
        const p = ((child as L.Polygon).feature as CommuneFeature).properties;
        return infoBox(tm.tooltip.commune(p.nom, p.population), [
          `${p.code} · ${p.arrondissementNom}`,
        ]);
      },
      { sticky: true, direction: 'top', offset: [0, -8], className: 'vigie-map-tooltip' },
    );
    const onOver = (e: L.LeafletEvent) => (e.propagatedFrom as L.Path).setStyle(HOVER);
    const onOut = (e: L.LeafletEvent) => (e.propagatedFrom as L.Path).setStyle(BASE);
    layer.on('mouseover', onOver).on('mouseout', onOut).addTo(map);

    const paneName = ensurePane(map, PANES.groundLabels);
    const pane = map.getPane(paneName);
    const labels = communeLabels(data.features as CommuneFeature[], paneName).addTo(map);
    const syncLabels = () => {
      const zoom = map.getZoom();
      LABEL_TIERS.forEach((tier, i) =>
        pane?.classList.toggle(`vigie-commune-labels--t${i}`, zoom >= tier.minZoom),
      );
    };
    syncLabels();
    map.on('zoomend', syncLabels);
    return () => {
      map.off('zoomend', syncLabels);
      labels.remove();
      layer.off('mouseover', onOver).off('mouseout', onOut).remove();
    };
  }, [map, data]);

  return null;
}
