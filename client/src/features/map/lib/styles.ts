/**
 * How incidents and map features look: colours from the DSFR palette, chosen so the glyph on a
 * marker reaches 4.5:1 against its fill and every marker has a dark outline (3:1 against the map).
 * Pure data and functions: no Leaflet, no DOM.
 */
import type { Incident, MapFeature } from '@contracts/crisis';

export type Severity = Incident['severity'];
export type IncidentKind = Incident['kind'];
export type MapFeatureKind = MapFeature['kind'];

export const SEVERITIES: readonly Severity[] = ['faible', 'moyenne', 'grave', 'critique'];

/** 0 (faible) … 3 (critique); clusters show the highest rank of their incidents. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function severityOfRank(rank: number): Severity {
  return SEVERITIES[Math.min(Math.max(Math.round(rank), 0), SEVERITIES.length - 1)] ?? 'faible';
}

export interface MarkerStyle {
  fill: string;
  /** Glyph colour, ≥ 4.5:1 on `fill`. */
  text: string;
  radius: number;
}

/** DSFR: moutarde main-679, terre battue main-645, error-425, glycine sun-319. */
export const SEVERITY_STYLES: Record<Severity, MarkerStyle> = {
  faible: { fill: '#C3992A', text: '#161616', radius: 8 },
  moyenne: { fill: '#E4794A', text: '#161616', radius: 9 },
  grave: { fill: '#CE0500', text: '#FFFFFF', radius: 10 },
  critique: { fill: '#6E445A', text: '#FFFFFF', radius: 11 },
};

/** Outline of every marker: dark, so a pale fill still stands out on a pale background. */
export const MARKER_OUTLINE = '#161616';
/** DSFR blue-france-sun-113: selection and search highlight. */
export const HIGHLIGHT = '#000091';

/** One or two letters drawn on the incident marker (listed in the legend). */
export const INCIDENT_KIND_GLYPHS: Record<IncidentKind, string> = {
  inondation: 'In',
  crue: 'Cr',
  glissement_terrain: 'Gl',
  chute_neige: 'Ne',
  route_coupee: 'Rc',
  accident_route: 'Ac',
  incendie: 'Fe',
  feu_foret: 'Ff',
  coupure_electricite: 'El',
  coupure_eau: 'Ea',
  pollution: 'Po',
  industriel: 'Id',
  effondrement: 'Ef',
  evacuation: 'Év',
  ordre_public: 'Op',
  sanitaire: 'Sa',
  autre: '?',
};

export function clusterRadius(count: number): number {
  return Math.round(13 + Math.min(13, Math.log2(Math.max(count, 2)) * 2));
}

/** "8", "999", "1,2 k", "12 k" */
export function formatClusterCount(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10_000) return `${(Math.floor(count / 100) / 10).toString().replace('.', ',')} k`;
  return `${Math.floor(count / 1000)} k`;
}

export interface FeatureStyle {
  color: string;
  weight: number;
  dashArray?: string;
  fillColor: string;
  fillOpacity: number;
  /** Short code on point markers (and in the legend). */
  code: string;
  /** How the legend draws it. */
  legend: 'area' | 'line' | 'point';
}

export const FEATURE_STYLES: Record<MapFeatureKind, FeatureStyle> = {
  perimetre_securite: {
    color: '#CE0500',
    weight: 3,
    dashArray: '10 6',
    fillColor: '#CE0500',
    fillOpacity: 0.06,
    code: 'PS',
    legend: 'area',
  },
  zone_evacuation: {
    color: '#B34000',
    weight: 2,
    fillColor: '#E4794A',
    fillOpacity: 0.3,
    code: 'ZE',
    legend: 'area',
  },
  zone_inondee: {
    color: '#0063CB',
    weight: 1.5,
    fillColor: '#417DC4',
    fillOpacity: 0.4,
    code: 'ZI',
    legend: 'area',
  },
  zone_confinement: {
    color: '#6E445A',
    weight: 2,
    dashArray: '3 5',
    fillColor: '#A558A0',
    fillOpacity: 0.2,
    code: 'ZC',
    legend: 'area',
  },
  pco: {
    color: '#000091',
    weight: 2,
    fillColor: '#000091',
    fillOpacity: 0.15,
    code: 'PCO',
    legend: 'point',
  },
  prv: {
    color: '#CE0500',
    weight: 2,
    fillColor: '#CE0500',
    fillOpacity: 0.15,
    code: 'PRV',
    legend: 'point',
  },
  care: {
    color: '#18753C',
    weight: 2,
    fillColor: '#18753C',
    fillOpacity: 0.15,
    code: 'CARE',
    legend: 'point',
  },
  point_bouclage: {
    color: '#161616',
    weight: 2,
    fillColor: '#161616',
    fillOpacity: 0.15,
    code: 'PB',
    legend: 'point',
  },
  itineraire: {
    color: '#18753C',
    weight: 4,
    dashArray: '12 6',
    fillColor: '#18753C',
    fillOpacity: 0,
    code: 'IT',
    legend: 'line',
  },
  autre: {
    color: '#3A3A3A',
    weight: 2,
    fillColor: '#666666',
    fillOpacity: 0.12,
    code: '•',
    legend: 'area',
  },
};

export function featureStyle(kind: MapFeatureKind): FeatureStyle {
  return FEATURE_STYLES[kind];
}
