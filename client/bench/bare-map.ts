/**
 * The baseline of the map benchmark: the same map written with plain Leaflet, no React. Same
 * view, renderer options and reference layers (fetched from the same routes, drawn on the same
 * panes and canvases), the same supercluster settings over the same 10,000 incidents, canvas
 * circle markers with the same colours and text, and the same update behaviour a careful
 * hand-written map would have: an update restyles the incident's marker in place if it is drawn
 * and, when the clusters change (a move or another severity), the index is rebuilt at most every
 * 250 ms and only the markers whose cluster or incident changed are replaced.
 */
import './harness';
import type { Incident } from '@contracts/crisis';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import Supercluster, { type PointFeature } from 'supercluster';
import {
  clusterRadius,
  formatClusterCount,
  INCIDENT_KIND_GLYPHS,
  MARKER_OUTLINE,
  SEVERITY_STYLES,
  severityOfRank,
  severityRank,
} from '@/features/map/lib/styles';
import { ringAnchor } from '@/features/map/lib/geometry';
import { makeIncidents } from './dataset';
import { applyTo, INCIDENT_DRAW_ORDER, installHarness } from './harness';

const REINDEX_INTERVAL_MS = 250;
const VIEW_PADDING = 0.3;
const FONT = 'Marianne, arial, sans-serif';

// ------------------------------------------------------------------ a circle marker with text

interface CircleInternals {
  _renderer?: { _ctx?: CanvasRenderingContext2D; _drawing?: boolean };
  _point?: L.Point;
  _radius: number;
  _updatePath(): void;
}
const circleProto = L.CircleMarker.prototype as unknown as CircleInternals;

class TextCircle extends L.CircleMarker {
  constructor(
    at: L.LatLngExpression,
    options: L.CircleMarkerOptions,
    public text: string,
    public textColor: string,
    public textSize: number,
    public halo: string | null = null,
  ) {
    super(at, options);
  }

  _updatePath(): void {
    const self = this as unknown as CircleInternals;
    const ctx = self._renderer?._ctx;
    const p = self._point;
    const drawing = self._renderer?._drawing === true && ctx && p;
    if (drawing && this.halo) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, self._radius + 5, 0, Math.PI * 2);
      ctx.globalAlpha = 1;
      ctx.fillStyle = this.halo;
      ctx.fill();
    }
    circleProto._updatePath.call(this);
    if (drawing) {
      ctx.globalAlpha = this.options.fillOpacity ?? 1;
      ctx.fillStyle = this.textColor;
      ctx.font = `700 ${this.textSize}px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(this.text, p.x, p.y + 0.5);
      ctx.globalAlpha = 1;
    }
  }
}

// ------------------------------------------------------------------ the map

const container = document.getElementById('map');
if (!container) throw new Error('#map missing');
const map = L.map(container, {
  center: [45.72, 3.15],
  zoom: 9,
  minZoom: 7,
  maxZoom: 18,
  maxBounds: [
    [44.6, 1.3],
    [46.95, 5.1],
  ],
  maxBoundsViscosity: 0.8,
  preferCanvas: true,
  renderer: L.canvas({ padding: 0.3, tolerance: 3 }),
  zoomControl: false,
});
L.control.zoom({ position: 'bottomright' }).addTo(map);
L.control.scale({ position: 'bottomleft', imperial: false }).addTo(map);
for (const [name, zIndex] of [
  ['ground', 350],
  ['ground-labels', 390],
] as const) {
  map.createPane(name).style.zIndex = String(zIndex);
}

// ------------------------------------------------------------------ incidents

const incidents = makeIncidents();
const byId = new Map<string, { incident: Incident; lon: number; lat: number; rank: number }>();
for (const incident of incidents) byId.set(incident.id, recordOf(incident));

function recordOf(incident: Incident) {
  const [lon = 0, lat = 0] =
    incident.location.type === 'Point' ? incident.location.coordinates : [];
  return { incident, lon, lat, rank: severityRank(incident.severity) };
}

interface Props {
  id: string;
  rank: number;
}
let index = new Supercluster<Props, { rank: number }>();
const rendered = new Map<string, TextCircle>();
const markerIncident = new Map<TextCircle, Incident>();
const markers = L.featureGroup().addTo(map);
let lastIndexAt = 0;
let reindexTimer: ReturnType<typeof setTimeout> | undefined;

function pointMarker(incident: Incident, marker?: TextCircle): TextCircle {
  const s = SEVERITY_STYLES[incident.severity];
  const closed = incident.status === 'clos';
  const options = {
    radius: s.radius,
    color: MARKER_OUTLINE,
    weight: 1.5,
    opacity: closed ? 0.45 : 1,
    fillColor: s.fill,
    fillOpacity: closed ? 0.45 : 1,
    drawOrder: INCIDENT_DRAW_ORDER,
  };
  const [lon = 0, lat = 0] =
    incident.location.type === 'Point' ? incident.location.coordinates : [];
  if (!marker) {
    marker = new TextCircle([lat, lon], options, INCIDENT_KIND_GLYPHS[incident.kind], s.text, 9);
  } else {
    marker.text = INCIDENT_KIND_GLYPHS[incident.kind];
    marker.textColor = s.text;
    marker.setLatLng([lat, lon]);
    marker.setRadius(s.radius);
    marker.setStyle(options);
  }
  markerIncident.set(marker, incident);
  return marker;
}

function reindex(): void {
  index = new Supercluster<Props, { rank: number }>({
    radius: 60,
    maxZoom: 15,
    minZoom: 5,
    map: (p) => ({ rank: p.rank }),
    reduce: (acc, p) => {
      if (p.rank > acc.rank) acc.rank = p.rank;
    },
  });
  const points: PointFeature<Props>[] = [];
  for (const r of byId.values()) {
    points.push({
      type: 'Feature',
      properties: { id: r.incident.id, rank: r.rank },
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
    });
  }
  index.load(points);
  lastIndexAt = performance.now();
  render();
}

function render(): void {
  const b = map.getBounds().pad(VIEW_PADDING);
  const features = index.getClusters(
    [
      Math.max(b.getWest(), -180),
      Math.max(b.getSouth(), -85),
      Math.min(b.getEast(), 180),
      Math.min(b.getNorth(), 85),
    ],
    Math.round(map.getZoom()),
  );
  const seen = new Set<string>();
  for (const f of features) {
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    const p = f.properties;
    if ('cluster' in p && p.cluster) {
      const key = `c:${p.cluster_id}:${p.point_count}:${p.rank}:${lon.toFixed(6)}:${lat.toFixed(6)}`;
      seen.add(key);
      if (rendered.has(key)) continue;
      const s = SEVERITY_STYLES[severityOfRank(p.rank)];
      const marker = new TextCircle(
        [lat, lon],
        {
          radius: clusterRadius(p.point_count),
          color: '#FFFFFF',
          weight: 2,
          fillColor: s.fill,
          fillOpacity: 1,
          drawOrder: INCIDENT_DRAW_ORDER,
        } as L.CircleMarkerOptions,
        formatClusterCount(p.point_count),
        s.text,
        12,
        `${s.fill}59`,
      );
      rendered.set(key, marker);
      markers.addLayer(marker);
      continue;
    }
    if (!('id' in p)) continue;
    const key = `p:${p.id}`;
    seen.add(key);
    const record = byId.get(p.id);
    if (!record) continue;
    const existing = rendered.get(key);
    if (existing) {
      if (markerIncident.get(existing) !== record.incident) pointMarker(record.incident, existing);
      continue;
    }
    const marker = pointMarker(record.incident);
    rendered.set(key, marker);
    markers.addLayer(marker);
  }
  for (const [key, marker] of rendered) {
    if (seen.has(key)) continue;
    markers.removeLayer(marker);
    markerIncident.delete(marker);
    rendered.delete(key);
  }
}

function update(incident: Incident): void {
  const before = byId.get(incident.id);
  const record = recordOf(incident);
  byId.set(incident.id, record);
  const marker = rendered.get(`p:${incident.id}`);
  if (marker) pointMarker(incident, marker);
  if (
    !before ||
    before.lon !== record.lon ||
    before.lat !== record.lat ||
    before.rank !== record.rank
  ) {
    if (reindexTimer !== undefined) return;
    reindexTimer = setTimeout(
      () => {
        reindexTimer = undefined;
        reindex();
      },
      Math.max(0, lastIndexAt + REINDEX_INTERVAL_MS - performance.now()),
    );
  }
}

markers.bindTooltip((layer) => {
  const incident = markerIncident.get(layer as TextCircle);
  return incident ? incident.title : 'Regroupement';
});
map.on('moveend', render);
reindex();

installHarness((k) => {
  const u = applyTo(incidents, k);
  update(u.incident);
  return u;
});

// ------------------------------------------------------------------ reference layers

async function layer(name: string): Promise<FeatureCollection> {
  const response = await fetch(`/api/reference/layers/${name}`, {
    headers: { Accept: 'application/json' },
  });
  return (await response.json()) as FeatureCollection;
}

void fetch('/api/client-config').then((r) => r.json());

void layer('departement').then((data) => {
  L.geoJSON(data, {
    pane: 'ground',
    interactive: false,
    style: {
      color: '#000091',
      weight: 3,
      opacity: 0.9,
      fill: true,
      fillColor: '#FFFFFF',
      fillOpacity: 1,
    },
  }).addTo(map);
});

void layer('arrondissements').then((data) => {
  const group = L.geoJSON(data, {
    pane: 'ground',
    interactive: false,
    style: { color: '#3A3A3A', weight: 1.8, opacity: 0.8, dashArray: '10 4 2 4', fill: false },
  });
  group.eachLayer((child) => {
    const name = ((child as L.Polygon).feature?.properties as { nom?: string } | undefined)?.nom;
    if (name) {
      child.bindTooltip(name, {
        permanent: true,
        direction: 'center',
        interactive: false,
        pane: 'ground-labels',
      });
    }
  });
  group.addTo(map);
  group.eachLayer((child) => {
    child.openTooltip();
  });
});

void layer('communes').then((data) => {
  const style = { color: '#6A6A6A', weight: 0.6, opacity: 0.7, fill: false };
  const outlines = L.geoJSON(data, { style: () => style });
  outlines.bindTooltip((child) => {
    const p = (child as L.Polygon).feature?.properties as { nom: string; population: number };
    return `${p.nom} (${p.population})`;
  });
  outlines.on('mouseover', (e) =>
    (e.propagatedFrom as L.Path).setStyle({ color: '#000091', weight: 2 }),
  );
  outlines.on('mouseout', (e) => (e.propagatedFrom as L.Path).setStyle(style));
  outlines.addTo(map).bringToBack();
  // names, hidden at this zoom by CSS as on the Vigie map (largest communes from zoom 10)
  const labels = L.layerGroup();
  for (const f of data.features) {
    const p = f.properties as { nom: string; population: number };
    const g = f.geometry as Polygon | MultiPolygon;
    let ring: number[][] = [];
    for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      const outer = polygon[0] ?? [];
      if (outer.length > ring.length) ring = outer;
    }
    const [lon, lat] = ringAnchor(ring);
    const tier = p.population >= 10_000 ? 0 : p.population >= 2_000 ? 1 : 2;
    const span = document.createElement('span');
    span.textContent = p.nom;
    L.marker([lat, lon], {
      pane: 'ground-labels',
      interactive: false,
      keyboard: false,
      icon: L.divIcon({ className: `label label--t${tier}`, html: span, iconSize: [0, 0] }),
    }).addTo(labels);
  }
  labels.addTo(map);
  const pane = map.getPane('ground-labels');
  const sync = () => {
    [10, 11, 12].forEach((z, t) => pane?.classList.toggle(`labels--t${t}`, map.getZoom() >= z));
  };
  sync();
  map.on('zoomend', sync);
});

void layer('hopitaux').then((data) => {
  const group = L.featureGroup();
  const names = new Map<L.Layer, string>();
  for (const f of (data as FeatureCollection<Point>).features as Feature<Point>[]) {
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    const marker = new TextCircle(
      [lat, lon],
      { radius: 7, color: '#FFFFFF', weight: 1.5, fillColor: '#0063CB', fillOpacity: 1 },
      'H',
      '#FFFFFF',
      9,
    ).addTo(group);
    names.set(marker, String((f.properties as { nom?: string } | null)?.nom ?? 'Hôpital'));
  }
  group.bindTooltip((l) => names.get(l) ?? '');
  group.addTo(map);
  markers.bringToFront(); // incidents above hospitals, as on the Vigie map
});
