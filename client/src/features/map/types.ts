/**
 * The map feature's public props: the console page passes data in and gets user intents
 * back; the map never fetches crisis data itself (it fetches only its reference layers).
 */
import type {
  FEATURE_KINDS,
  Incident,
  MapFeature,
  PolygonGeometry,
  PointGeometry,
  LineStringGeometry,
  Task,
} from '@contracts/crisis';

export type FeatureKind = (typeof FEATURE_KINDS)[number];

export type DrawnGeometry = PointGeometry | LineStringGeometry | PolygonGeometry;

export interface MapViewProps {
  incidents: readonly Incident[];
  features: readonly MapFeature[];
  /** Tasks linked to an incident are drawn at that incident (badge with the open-task count). */
  tasks: readonly Task[];
  selectedIncidentId: string | null;
  onSelectIncident(id: string | null): void;
  selectedFeatureId: string | null;
  onSelectFeature(id: string | null): void;
  /** Click on the map while "placing an incident": the console opens the incident form there. */
  placingIncident: boolean;
  onPlaceIncident(location: PointGeometry): void;
  /** Drawing tools are shown only when the user may create features. */
  canDraw: boolean;
  /** A shape finished with the drawing tools, with the kind chosen in the map's draw control. */
  onFeatureDrawn(geometry: DrawnGeometry, kind: FeatureKind): void;
  /** Fly to this bbox [minLon, minLat, maxLon, maxLat] when it changes (e.g. list selection). */
  focus: readonly [number, number, number, number] | null;
}
