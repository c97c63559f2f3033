/**
 * The incidents on the map, imperative on purpose: a supercluster index over the incidents and,
 * on the shared canvas, one Leaflet marker per cluster or single incident in view (no React
 * component, no DOM node per marker). Updates are incremental:
 * - a new `incidents` array is diffed by object identity, so an event about one incident touches
 *   one record;
 * - a change that keeps the incident's place and severity restyles its marker in place;
 * - a change of place or severity, an addition or a removal rebuilds the index (≈ 20 ms for
 *   10,000 incidents; at most every REINDEX_INTERVAL_MS), then only the clusters and markers whose
 *   key or record changed are replaced.
 */
import type { Incident } from '@contracts/crisis';
import L from 'leaflet';
import { INCIDENT_KIND_LABELS, INCIDENT_STATUS_LABELS, SEVERITY_LABELS, tm } from '../i18n';
import {
  type ClusterItem,
  diffIncidents,
  IncidentClusters,
  type IncidentRecord,
} from '../lib/incident-clusters';
import {
  clusterRadius,
  formatClusterCount,
  HIGHLIGHT,
  INCIDENT_KIND_GLYPHS,
  MARKER_OUTLINE,
  SEVERITY_STYLES,
  severityOfRank,
} from '../lib/styles';
import { infoBox } from '../leaflet/content';
import { type Glyph, GlyphMarker, type GlyphMarkerOptions } from '../leaflet/glyph-marker';
import { prefersReducedMotion } from '../leaflet/motion';
import { DRAW_ORDER, type OrderedPathOptions } from '../leaflet/ordered-canvas';

const REINDEX_INTERVAL_MS = 250;
/** Markers are kept for this much of the view around it, so small pans add nothing. */
const VIEW_PADDING = 0.3;
const CLOSED_OPACITY = 0.45;

type Item =
  | { kind: 'point'; record: IncidentRecord }
  | { kind: 'cluster'; cluster: Extract<ClusterItem, { type: 'cluster' }> };

export interface IncidentsHandlers {
  select(id: string): void;
  /** While placing an incident or drawing, clicks belong to the map. */
  suspended(): boolean;
}

function pointStyle(record: IncidentRecord): { options: GlyphMarkerOptions; glyph: Glyph } {
  const { incident } = record;
  const s = SEVERITY_STYLES[incident.severity];
  const closed = incident.status === 'clos';
  return {
    options: {
      radius: s.radius,
      color: MARKER_OUTLINE,
      weight: 1.5,
      opacity: closed ? CLOSED_OPACITY : 1,
      fillColor: s.fill,
      fillOpacity: closed ? CLOSED_OPACITY : 1,
      drawOrder: DRAW_ORDER.incidents,
      bubblingMouseEvents: true,
    },
    glyph: {
      text: INCIDENT_KIND_GLYPHS[incident.kind],
      color: s.text,
      size: 9,
      halo: null,
      haloWidth: 0,
    },
  };
}

function clusterStyle(count: number, rank: number): { options: GlyphMarkerOptions; glyph: Glyph } {
  const s = SEVERITY_STYLES[severityOfRank(rank)];
  return {
    options: {
      radius: clusterRadius(count),
      color: '#FFFFFF',
      weight: 2,
      fillColor: s.fill,
      fillOpacity: 1,
      drawOrder: DRAW_ORDER.incidents,
    },
    glyph: {
      text: formatClusterCount(count),
      color: s.text,
      size: 12,
      halo: `${s.fill}59`,
      haloWidth: 5,
    },
  };
}

function polygonLatLngs(incident: Incident): L.LatLngExpression[][] | null {
  if (incident.location.type !== 'Polygon') return null;
  return incident.location.coordinates.map((ring) =>
    ring.map(([lon = 0, lat = 0]) => [lat, lon] as [number, number]),
  );
}

function areaStyle(incident: Incident, selected: boolean): OrderedPathOptions {
  const s = SEVERITY_STYLES[incident.severity];
  return {
    color: selected ? HIGHLIGHT : s.fill,
    weight: selected ? 4 : 2.5,
    opacity: incident.status === 'clos' ? CLOSED_OPACITY : 1,
    fillColor: s.fill,
    fillOpacity: 0.15,
    drawOrder: DRAW_ORDER.incidentAreas,
  };
}

export function describeIncident(incident: Incident): HTMLElement {
  return infoBox(incident.title, [
    INCIDENT_KIND_LABELS[incident.kind],
    `${tm.tooltip.severity(SEVERITY_LABELS[incident.severity])} · ${tm.tooltip.status(INCIDENT_STATUS_LABELS[incident.status])}`,
    incident.communeName,
  ]);
}

export class IncidentsEngine {
  private map: L.Map | null = null;
  private records = new Map<string, IncidentRecord>();
  private readonly clusters = new IncidentClusters();
  private indexed = false;
  private lastIndexAt = 0;
  private reindexTimer: ReturnType<typeof setTimeout> | undefined;

  /** Markers in view, by ClusterItem key. */
  private readonly rendered = new Map<string, GlyphMarker<Item>>();
  private readonly markers = L.featureGroup();
  /** Polygon incidents' outlines, by incident id (always drawn, not clustered). */
  private readonly areas = new Map<string, { layer: L.Polygon; record: IncidentRecord }>();
  private readonly areaGroup = L.featureGroup();
  /** A ring around the selected incident, drawn whether it sits in a cluster or not. */
  private readonly selection = L.layerGroup();
  private selectedId: string | null = null;

  constructor(private readonly handlers: IncidentsHandlers) {
    this.markers.bindTooltip((layer) => this.describe(layer as GlyphMarker<Item>), {
      direction: 'top',
      offset: [0, -10],
      className: 'vigie-map-tooltip',
    });
    this.areaGroup.bindTooltip(
      (layer) => {
        const id = (layer.options as { incidentId?: string }).incidentId;
        const record = id === undefined ? undefined : this.records.get(id);
        return record ? describeIncident(record.incident) : '';
      },
      { sticky: true, className: 'vigie-map-tooltip' },
    );
  }

  attach(map: L.Map): void {
    this.map = map;
    this.areaGroup.addTo(map);
    this.markers.addTo(map);
    this.selection.addTo(map);
    this.markers.on('click', this.onMarkerClick);
    this.areaGroup.on('click', this.onAreaClick);
    map.on('moveend', this.render);
    this.reindexNow();
    for (const record of this.records.values()) this.syncArea(record);
    this.syncSelection();
  }

  detach(): void {
    clearTimeout(this.reindexTimer);
    this.reindexTimer = undefined;
    this.map?.off('moveend', this.render);
    this.markers.off('click', this.onMarkerClick);
    this.areaGroup.off('click', this.onAreaClick);
    this.markers.clearLayers().remove();
    this.areaGroup.clearLayers().remove();
    this.selection.clearLayers().remove();
    this.rendered.clear();
    this.areas.clear();
    this.map = null;
  }

  setIncidents(incidents: readonly Incident[]): void {
    const diff = diffIncidents(this.records, incidents);
    this.records = diff.records;
    if (!this.map) return; // attach() draws everything
    for (const id of diff.removed) this.removeArea(id);
    for (const record of diff.changed) {
      this.syncArea(record);
      // restyle in place now; a move or a new severity also waits for the index below
      const marker = this.rendered.get(`p:${record.incident.id}`);
      if (marker && marker.item.kind === 'point') this.updatePoint(marker, record);
    }
    if (diff.reindex) {
      // the first load is drawn at once; later ones are batched
      if (this.indexed && this.clusters.count > 0) this.scheduleReindex();
      else this.reindexNow();
    }
    if (
      this.selectedId !== null &&
      (diff.removed.includes(this.selectedId) ||
        diff.changed.some((r) => r.incident.id === this.selectedId))
    ) {
      this.syncSelection();
    }
  }

  setSelected(id: string | null): void {
    if (id === this.selectedId) return;
    const previous = this.selectedId;
    this.selectedId = id;
    if (!this.map) return;
    for (const changed of [previous, id]) {
      const area = changed === null ? undefined : this.areas.get(changed);
      if (area) area.layer.setStyle(areaStyle(area.record.incident, changed === id));
    }
    this.syncSelection();
  }

  // ------------------------------------------------------------------ clustering and rendering

  private scheduleReindex(): void {
    if (this.reindexTimer !== undefined) return;
    const wait = Math.max(0, this.lastIndexAt + REINDEX_INTERVAL_MS - performance.now());
    this.reindexTimer = setTimeout(() => {
      this.reindexTimer = undefined;
      this.reindexNow();
    }, wait);
  }

  private reindexNow(): void {
    if (!this.map) return;
    this.clusters.load(this.records.values());
    this.indexed = true;
    this.lastIndexAt = performance.now();
    this.render();
  }

  /** Replaces only the markers whose cluster or record changed. */
  private readonly render = (): void => {
    const map = this.map;
    if (!map) return;
    const bounds = map.getBounds().pad(VIEW_PADDING);
    const items = this.clusters.query(
      [
        Math.max(bounds.getWest(), -180),
        Math.max(bounds.getSouth(), -85),
        Math.min(bounds.getEast(), 180),
        Math.min(bounds.getNorth(), 85),
      ],
      map.getZoom(),
    );
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.key);
      const existing = this.rendered.get(item.key);
      if (item.type === 'cluster') {
        if (existing) continue; // the key holds count, severity and position
        const { options, glyph } = clusterStyle(item.count, item.rank);
        const marker = new GlyphMarker<Item>([item.lat, item.lon], options, glyph, {
          kind: 'cluster',
          cluster: item,
        });
        this.rendered.set(item.key, marker);
        this.markers.addLayer(marker);
        continue;
      }
      const record = this.records.get(item.id);
      if (!record) continue;
      if (existing) {
        if (existing.item.kind === 'point' && existing.item.record !== record)
          this.updatePoint(existing, record);
        continue;
      }
      const { options, glyph } = pointStyle(record);
      const marker = new GlyphMarker<Item>([record.lat, record.lon], options, glyph, {
        kind: 'point',
        record,
      });
      this.rendered.set(item.key, marker);
      this.markers.addLayer(marker);
    }
    const tooltipSource = (this.markers.getTooltip() as { _source?: L.Layer } | undefined)?._source;
    for (const [key, marker] of this.rendered) {
      if (!seen.has(key)) {
        // the group's shared tooltip would otherwise stay open over a marker that is gone
        if (marker === tooltipSource) this.markers.closeTooltip();
        this.markers.removeLayer(marker);
        this.rendered.delete(key);
      }
    }
  };

  private updatePoint(marker: GlyphMarker<Item>, record: IncidentRecord): void {
    const previous = marker.item.kind === 'point' ? marker.item.record : null;
    marker.item = { kind: 'point', record };
    const { options, glyph } = pointStyle(record);
    if (!previous || previous.lat !== record.lat || previous.lon !== record.lon) {
      marker.setLatLng([record.lat, record.lon]);
    }
    marker.glyph = glyph;
    marker.setRadius(options.radius ?? 8);
    marker.setStyle(options);
  }

  private describe(marker: GlyphMarker<Item>): HTMLElement {
    const { item } = marker;
    if (item.kind === 'point') return describeIncident(item.record.incident);
    const severity = SEVERITY_LABELS[severityOfRank(item.cluster.rank)].toLowerCase();
    return infoBox(tm.tooltip.cluster(item.cluster.count, severity), [tm.tooltip.clusterHint]);
  }

  private readonly onMarkerClick = (e: L.LeafletMouseEvent): void => {
    const marker = e.propagatedFrom as GlyphMarker<Item> | undefined;
    if (!marker || !this.map || this.handlers.suspended()) return;
    const { item } = marker;
    if (item.kind === 'point') {
      this.handlers.select(item.record.incident.id);
      return;
    }
    const zoom = Math.max(
      this.clusters.expansionZoom(item.cluster.clusterId),
      this.map.getZoom() + 1,
    );
    this.map.flyTo([item.cluster.lat, item.cluster.lon], zoom, {
      animate: !prefersReducedMotion(),
    });
  };

  private readonly onAreaClick = (e: L.LeafletMouseEvent): void => {
    const layer = e.propagatedFrom as L.Polygon | undefined;
    const id = (layer?.options as { incidentId?: string } | undefined)?.incidentId;
    if (id !== undefined && !this.handlers.suspended()) this.handlers.select(id);
  };

  // ------------------------------------------------------------------ polygon outlines, selection

  private syncArea(record: IncidentRecord): void {
    const { incident } = record;
    const latlngs = polygonLatLngs(incident);
    const existing = this.areas.get(incident.id);
    if (!latlngs) {
      if (existing) this.removeArea(incident.id);
      return;
    }
    const style = areaStyle(incident, incident.id === this.selectedId);
    if (existing) {
      if (existing.record.incident.location !== incident.location)
        existing.layer.setLatLngs(latlngs);
      existing.layer.setStyle(style);
      existing.record = record;
      return;
    }
    const layer = L.polygon(latlngs, { ...style, incidentId: incident.id } as L.PolylineOptions);
    this.areas.set(incident.id, { layer, record });
    this.areaGroup.addLayer(layer);
  }

  private removeArea(id: string): void {
    const area = this.areas.get(id);
    if (!area) return;
    this.areaGroup.removeLayer(area.layer);
    this.areas.delete(id);
  }

  private syncSelection(): void {
    this.selection.clearLayers();
    const record = this.selectedId === null ? undefined : this.records.get(this.selectedId);
    if (!record) return;
    const radius = SEVERITY_STYLES[record.incident.severity].radius + 6;
    const ring = (color: string, weight: number) => {
      const options: L.CircleMarkerOptions & OrderedPathOptions = {
        interactive: false,
        fill: false,
        radius,
        color,
        weight,
        drawOrder: DRAW_ORDER.selection,
      };
      return L.circleMarker([record.lat, record.lon], options);
    };
    this.selection.addLayer(ring('#FFFFFF', 7));
    this.selection.addLayer(ring(HIGHLIGHT, 3.5));
  }
}
