import { FEATURE_KIND_LABELS, type MapFeature } from '@contracts/crisis';
import L from 'leaflet';
import { memo, useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useLatest } from '../hooks/use-latest';
import { tm } from '../i18n';
import { infoBox } from '../leaflet/content';
import { DRAW_ORDER, type OrderedPathOptions } from '../leaflet/ordered-canvas';
import { ensurePane, PANES } from '../leaflet/panes';
import { featureStyle, HIGHLIGHT } from '../lib/styles';

interface FeaturesLayerProps {
  features: readonly MapFeature[];
  selectedFeatureId: string | null;
  onSelectFeature: (id: string | null) => void;
  suspended: boolean;
}

interface Drawn {
  feature: MapFeature;
  layer: L.Layer;
}

const LABELS_CLASS = 'vigie-feature-points--labels';
const LABELS_MIN_ZOOM = 12;

type Latlngs = L.LatLngExpression[] | L.LatLngExpression[][] | L.LatLngExpression[][][];

const toLatLng = ([lon = 0, lat = 0]: readonly number[]): [number, number] => [lat, lon];

function describe(feature: MapFeature): HTMLElement {
  const kind = FEATURE_KIND_LABELS[feature.kind];
  return infoBox(feature.label ?? kind, [
    feature.label ? kind : null,
    feature.affectedCommunes.length > 0 || feature.affectedPopulation > 0
      ? tm.tooltip.population(feature.affectedPopulation, feature.affectedCommunes.length)
      : feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon'
        ? tm.tooltip.noImpact
        : null,
  ]);
}

function pathStyle(feature: MapFeature, selected: boolean): OrderedPathOptions {
  const s = featureStyle(feature.kind);
  const line = feature.geometry.type === 'LineString';
  return {
    color: selected ? HIGHLIGHT : s.color,
    weight: selected ? s.weight + 2 : s.weight,
    dashArray: selected ? undefined : s.dashArray,
    fill: !line,
    fillColor: s.fillColor,
    fillOpacity: selected ? Math.min(s.fillOpacity + 0.15, 0.6) : s.fillOpacity,
    drawOrder: line ? DRAW_ORDER.featureLines : DRAW_ORDER.featureAreas,
  };
}

function pinIcon(feature: MapFeature, selected: boolean): L.DivIcon {
  const s = featureStyle(feature.kind);
  const pin = document.createElement('span');
  pin.className = `vigie-feature-pin${selected ? ' vigie-feature-pin--selected' : ''}`;
  pin.style.setProperty('--vigie-pin-color', s.color);
  const code = document.createElement('span');
  code.className = 'vigie-feature-pin__code';
  code.textContent = s.code;
  code.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'fr-sr-only';
  name.textContent = FEATURE_KIND_LABELS[feature.kind];
  pin.append(code, name);
  if (feature.label) {
    const label = document.createElement('span');
    label.className = 'vigie-feature-pin__label';
    label.textContent = feature.label;
    pin.append(label);
  }
  return L.divIcon({ className: 'vigie-feature-marker', html: pin, iconSize: [0, 0] });
}

function createLayer(feature: MapFeature, selected: boolean): L.Layer {
  const g = feature.geometry;
  const tag = { featureId: feature.id };
  switch (g.type) {
    case 'Point':
      return L.marker(toLatLng(g.coordinates), {
        icon: pinIcon(feature, selected),
        pane: PANES.featurePoints.name,
        keyboard: true,
        riseOnHover: true,
        ...tag,
      } as L.MarkerOptions);
    case 'LineString':
      return L.polyline(g.coordinates.map(toLatLng), {
        ...pathStyle(feature, selected),
        ...tag,
      } as L.PolylineOptions);
    case 'Polygon':
    case 'MultiPolygon': {
      const latlngs: Latlngs =
        g.type === 'Polygon'
          ? g.coordinates.map((ring) => ring.map(toLatLng))
          : g.coordinates.map((polygon) => polygon.map((ring) => ring.map(toLatLng)));
      return L.polygon(latlngs, { ...pathStyle(feature, selected), ...tag } as L.PolylineOptions);
    }
  }
}

function restyle(drawn: Drawn, selected: boolean): void {
  if (drawn.layer instanceof L.Marker) drawn.layer.setIcon(pinIcon(drawn.feature, selected));
  else if (drawn.layer instanceof L.Path) drawn.layer.setStyle(pathStyle(drawn.feature, selected));
}

const featureIdOf = (layer: L.Layer | undefined): string | undefined =>
  (layer?.options as { featureId?: string } | undefined)?.featureId;

/**
 * Perimeters, zones, lines and labelled points of the crisis, styled by kind. Kept by id and
 * replaced only when a feature object changes.
 */
export const FeaturesLayer = memo(function FeaturesLayer({
  features,
  selectedFeatureId,
  onSelectFeature,
  suspended,
}: FeaturesLayerProps) {
  const map = useMap();
  const latest = useLatest({ onSelectFeature, suspended, selectedFeatureId });
  const [state] = useState(() => ({ group: L.featureGroup(), drawn: new Map<string, Drawn>() }));

  useEffect(() => {
    const pane = map.getPane(ensurePane(map, PANES.featurePoints));
    // point labels ("PCO Clermont") only when zoomed in: the codes alone at department scale
    const syncLabels = () => pane?.classList.toggle(LABELS_CLASS, map.getZoom() >= LABELS_MIN_ZOOM);
    syncLabels();
    map.on('zoomend', syncLabels);
    const { group, drawn } = state;
    group.bindTooltip(
      (layer) => {
        const id = featureIdOf(layer);
        const entry = id === undefined ? undefined : drawn.get(id);
        return entry ? describe(entry.feature) : '';
      },
      { sticky: true, direction: 'top', offset: [0, -10], className: 'vigie-map-tooltip' },
    );
    const onClick = (e: L.LeafletEvent) => {
      const id = featureIdOf(e.propagatedFrom as L.Layer | undefined);
      if (id !== undefined && !latest.current.suspended) latest.current.onSelectFeature(id);
    };
    // labelled points are focusable buttons (Leaflet's keyboard option): Enter or Space selects
    const onKeyDown = (e: L.LeafletKeyboardEvent) => {
      const key = e.originalEvent.key;
      if (key !== 'Enter' && key !== ' ') return;
      e.originalEvent.preventDefault();
      onClick(e);
    };
    group.on('click', onClick).on('keydown', onKeyDown).addTo(map);
    return () => {
      map.off('zoomend', syncLabels);
      group.off('click', onClick).off('keydown', onKeyDown).unbindTooltip().clearLayers().remove();
      drawn.clear();
    };
  }, [map, state, latest]);

  useEffect(() => {
    const { group, drawn } = state;
    const selectedId = latest.current.selectedFeatureId;
    const ids = new Set<string>();
    for (const feature of features) {
      ids.add(feature.id);
      const entry = drawn.get(feature.id);
      if (entry?.feature === feature) continue;
      if (entry) group.removeLayer(entry.layer);
      const layer = createLayer(feature, feature.id === selectedId);
      drawn.set(feature.id, { feature, layer });
      group.addLayer(layer);
    }
    for (const [id, entry] of drawn) {
      if (!ids.has(id)) {
        group.removeLayer(entry.layer);
        drawn.delete(id);
      }
    }
  }, [features, state, latest]);

  useEffect(() => {
    const { drawn } = state;
    const selected = selectedFeatureId === null ? undefined : drawn.get(selectedFeatureId);
    if (!selected) return;
    restyle(selected, true);
    return () => {
      if (drawn.get(selected.feature.id) === selected) restyle(selected, false);
    };
  }, [selectedFeatureId, features, state]);

  return null;
});
