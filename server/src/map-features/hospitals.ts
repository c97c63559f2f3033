import type { Position } from 'geojson';
import { z } from 'zod';
import type { MapFeature, SiteRef } from '../contracts/crisis';
import { bbox, bboxContains, pointInPolygon } from '../reference/geometry';

/** A hospital of the reference layer `hopitaux` (FINESS). */
export interface Hospital {
  /** FINESS number. */
  id: string;
  name: string;
  communeInsee: string | null;
  position: Position;
}

const layerSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({
        type: z.literal('Point'),
        coordinates: z
          .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
          .rest(z.number()),
      }),
      properties: z.object({
        finess: z.string().regex(/^\d[\dAB]\d{7}$/, 'must be a FINESS number'),
        nom: z.string().trim().min(1),
        communeInsee: z.string().nullable().optional(),
      }),
    }),
  ),
});

/** Parses the shipped layer; a broken file is a deployment fault and throws. */
export function parseHospitals(geojson: string): Hospital[] {
  const layer = layerSchema.parse(JSON.parse(geojson));
  return layer.features.map(({ geometry, properties: p }) => ({
    id: p.finess,
    name: p.nom,
    communeInsee: p.communeInsee ?? null,
    position: geometry.coordinates,
  }));
}

/**
 * Hospitals inside an area, boundary included, sorted by FINESS number. A point or a line
 * encloses nothing.
 */
export function sitesWithin(geometry: MapFeature['geometry'], hospitals: Hospital[]): SiteRef[] {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return [];
  const box = bbox(geometry);
  return hospitals
    .filter((h) => bboxContains(box, h.position) && pointInPolygon(h.position, geometry))
    .map((h): SiteRef => ({
      kind: 'hopital',
      id: h.id,
      name: h.name,
      communeInsee: h.communeInsee,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
