/**
 * The Puy-de-Dôme reference files shipped in `data/` (sources and licences in
 * `data/ATTRIBUTION.md`) and the validation of the commune layer before it is seeded.
 */
import { join, resolve, sep } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { AppError, ErrorDetail } from '../common/app-error';
import { BBox, bbox, pointInPolygon } from './geometry';

/**
 * The data folder. The files stay in the source tree, so the compiled module
 * (`dist/server/reference`) points back to `server/src/reference/data`.
 */
export function referenceDataDir(moduleDir: string = __dirname): string {
  const compiled = `${moduleDir}${sep}`.includes(`${sep}dist${sep}`);
  return compiled
    ? resolve(moduleDir, '../../../server/src/reference/data')
    : join(moduleDir, 'data');
}

export const LAYER_FILES = {
  communes: 'communes-63.geojson',
  arrondissements: 'arrondissements-63.geojson',
  departement: 'departement-63.geojson',
  hopitaux: 'hopitaux-63.geojson',
} as const;

export type LayerName = keyof typeof LAYER_FILES;

export function isLayerName(name: string): name is LayerName {
  return Object.hasOwn(LAYER_FILES, name);
}

export const COMMUNES_CSV = 'communes-63.csv';

/** A row of the `commune` table, as the seed writes it. */
export interface CommuneRecord {
  insee: string;
  name: string;
  population: number;
  arrondissement: string;
  arrondissementName: string;
  postcodes: string[];
  labelLon: number;
  labelLat: number;
  bbox: BBox;
  outline: Polygon | MultiPolygon;
}

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const position = z.union([z.tuple([lon, lat]), z.tuple([lon, lat, z.number()])]);
const ring = z
  .array(position)
  .min(4, 'a ring needs at least 4 positions')
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], {
    message: 'ring is not closed',
  });
const polygonCoordinates = z.array(ring).min(1, 'a polygon needs an exterior ring');

export const areaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinates }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinates).min(1) }),
]);

/** Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon, in WGS84. */
export const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(position).min(1) }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  z.object({
    type: z.literal('MultiLineString'),
    coordinates: z.array(z.array(position).min(2)).min(1),
  }),
  ...areaSchema.options,
]);

const communeFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: areaSchema,
  properties: z.object({
    code: z.string().regex(/^63\d{3}$/, 'must be a Puy-de-Dôme INSEE code (63xxx)'),
    nom: z.string().trim().min(1),
    population: z.number().int().min(0),
    arrondissement: z.string().regex(/^63\d$/),
    arrondissementNom: z.string().trim().min(1),
    codesPostaux: z.string().regex(/^\d{5}(;\d{5})*$/, 'must be 5-digit postcodes separated by ;'),
  }),
});

const CSV_COLUMNS = 'code,nom,population,arrondissement,arrondissementNom,codesPostaux,lon,lat';

/**
 * Validates `communes-63.geojson` and joins the label points of `communes-63.csv`. Throws one
 * validation AppError listing every problem (its message lists them too), so nothing is seeded
 * from a broken file.
 */
export function parseCommunes(geojsonText: string, csvText: string): CommuneRecord[] {
  const problems: ErrorDetail[] = [];
  const labels = parseLabelPoints(csvText, problems);
  const features = parseFeatures(geojsonText, problems);
  const records: CommuneRecord[] = [];
  const seen = new Set<string>();
  features.forEach((feature, i) => {
    const parsed = communeFeatureSchema.safeParse(feature);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ path: `features.${i}.${issue.path.join('.')}`, message: issue.message });
      }
      return;
    }
    const { geometry, properties: p } = parsed.data;
    const path = `features.${i} (${p.code})`;
    if (seen.has(p.code)) problems.push({ path, message: 'duplicate INSEE code' });
    seen.add(p.code);
    const label = labels.get(p.code);
    if (!label) {
      problems.push({ path, message: `no label point in ${COMMUNES_CSV}` });
      return;
    }
    if (!pointInPolygon(label, geometry)) {
      problems.push({ path, message: `label point ${label.join(',')} is outside the outline` });
    }
    records.push({
      insee: p.code,
      name: p.nom,
      population: p.population,
      arrondissement: p.arrondissement,
      arrondissementName: p.arrondissementNom,
      postcodes: p.codesPostaux.split(';'),
      labelLon: label[0],
      labelLat: label[1],
      bbox: bbox(geometry),
      outline: geometry,
    });
  });
  for (const code of labels.keys()) {
    if (!seen.has(code)) {
      problems.push({ path: COMMUNES_CSV, message: `${code} has no feature in the GeoJSON` });
    }
  }
  if (problems.length > 0) {
    const list = problems.map((d) => `  - ${d.path}: ${d.message}`).join('\n');
    throw new AppError('validation', `Invalid commune reference data:\n${list}`, problems);
  }
  return records;
}

function parseFeatures(text: string, problems: ErrorDetail[]): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    problems.push({ path: LAYER_FILES.communes, message: `not JSON: ${(e as Error).message}` });
    return [];
  }
  const collection = z
    .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
    .safeParse(json);
  if (!collection.success) {
    problems.push({ path: LAYER_FILES.communes, message: 'not a GeoJSON FeatureCollection' });
    return [];
  }
  return collection.data.features;
}

/** INSEE code → [lon, lat] from the CSV (plain comma-separated, no quoted fields). */
function parseLabelPoints(text: string, problems: ErrorDetail[]): Map<string, [number, number]> {
  const labels = new Map<string, [number, number]>();
  const [header, ...rows] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (header !== CSV_COLUMNS) {
    problems.push({ path: COMMUNES_CSV, message: `header must be ${CSV_COLUMNS}` });
    return labels;
  }
  rows.forEach((row, i) => {
    const cells = row.split(',');
    const point = [decimal(cells[6]), decimal(cells[7])];
    const line = `${COMMUNES_CSV}:${i + 2}`;
    if (cells.length !== 8 || !/^63\d{3}$/.test(cells[0])) {
      problems.push({ path: line, message: 'expected 8 columns starting with a 63xxx code' });
    } else if (!lon.safeParse(point[0]).success || !lat.safeParse(point[1]).success) {
      problems.push({ path: line, message: 'lon/lat must be WGS84 decimal degrees' });
    } else if (labels.has(cells[0])) {
      problems.push({ path: line, message: `duplicate code ${cells[0]}` });
    } else {
      labels.set(cells[0], [point[0], point[1]]);
    }
  });
  return labels;
}

function decimal(cell: string | undefined): number {
  return cell !== undefined && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : NaN;
}
