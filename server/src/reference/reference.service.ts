import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MultiPolygon, Polygon } from 'geojson';
import { EntityManager, Repository } from 'typeorm';
import { AppError, parseOrThrow } from '../common/app-error';
import { Commune } from './commune.entity';
import {
  BBox,
  bboxContains,
  bboxIntersects,
  bbox as bboxOf,
  geometryIntersects,
  pointInPolygon,
  SimpleGeometry,
} from './geometry';
import {
  COMMUNES_CSV,
  geometrySchema,
  isLayerName,
  LAYER_FILES,
  LayerName,
  parseCommunes,
  referenceDataDir,
} from './reference-data';

/** What perimeters and incidents record about a commune. */
export interface CommuneRef {
  insee: string;
  name: string;
  population: number;
}

export interface CommuneInfo extends CommuneRef {
  arrondissement: string;
  arrondissementName: string;
  postcodes: string[];
  /** Interior point for labels and markers, [lon, lat]. */
  label: [number, number];
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: number[];
}

interface IndexedCommune extends CommuneRef {
  bbox: BBox;
  outline: Polygon | MultiPolygon;
}

/** Official INSEE commune code shape: 5 digits, or 2A/2B + 3 digits in Corsica. */
const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/;

const UPSERT_COMMUNES = `
  INSERT INTO commune (insee, name, population, arrondissement, arrondissement_name, postcodes,
                       label_lon, label_lat, bbox, outline)
  SELECT r.insee, r.name, r.population, r.arrondissement, r.arrondissement_name, r.postcodes,
         r.label_lon, r.label_lat, r.bbox, r.outline
  FROM jsonb_to_recordset($1::jsonb) AS r(
    insee text, name text, population integer, arrondissement text, arrondissement_name text,
    postcodes text[], label_lon double precision, label_lat double precision,
    bbox double precision[], outline jsonb)
  ON CONFLICT (insee) DO UPDATE SET
    name = EXCLUDED.name, population = EXCLUDED.population,
    arrondissement = EXCLUDED.arrondissement, arrondissement_name = EXCLUDED.arrondissement_name,
    postcodes = EXCLUDED.postcodes, label_lon = EXCLUDED.label_lon, label_lat = EXCLUDED.label_lat,
    bbox = EXCLUDED.bbox, outline = EXCLUDED.outline
  WHERE (commune.*) IS DISTINCT FROM (EXCLUDED.*)`;

/**
 * Puy-de-Dôme communes: seeding from the shipped files, lookups by point and by perimeter, and
 * the static GeoJSON layers. Communes are static reference data: the outlines are loaded from
 * the database once and kept in memory.
 */
@Injectable()
export class ReferenceService {
  private index?: Promise<IndexedCommune[]>;
  private readonly layers = new Map<LayerName, Promise<string>>();

  constructor(@InjectRepository(Commune) private readonly communes: Repository<Commune>) {}

  /**
   * Validates the shipped commune files and upserts every commune in one statement, inside the
   * caller's transaction. Idempotent (unchanged rows are not rewritten). Returns the number of
   * communes in the file. Throws a validation AppError listing the problems of a broken file
   * before writing anything.
   */
  async seedCommunes(manager: EntityManager): Promise<number> {
    const dir = referenceDataDir();
    const [geojson, csv] = await Promise.all([
      readFile(join(dir, LAYER_FILES.communes), 'utf8'),
      readFile(join(dir, COMMUNES_CSV), 'utf8'),
    ]);
    const records = parseCommunes(geojson, csv);
    const rows = records.map((r) => ({
      insee: r.insee,
      name: r.name,
      population: r.population,
      arrondissement: r.arrondissement,
      arrondissement_name: r.arrondissementName,
      postcodes: r.postcodes,
      label_lon: r.labelLon,
      label_lat: r.labelLat,
      bbox: r.bbox,
      outline: r.outline,
    }));
    await manager.query(UPSERT_COMMUNES, [JSON.stringify(rows)]);
    this.index = undefined;
    return records.length;
  }

  /** The commune containing the point (the lowest INSEE code on a shared border), or null. */
  async communeAt(lon: number, lat: number): Promise<CommuneRef | null> {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    const point = [lon, lat];
    const found = (await this.loadIndex()).find(
      (c) => bboxContains(c.bbox, point) && pointInPolygon(point, c.outline),
    );
    return found ? toRef(found) : null;
  }

  /** Communes sharing at least one point with the geometry, sorted by INSEE code. */
  async communesIntersecting(geometry: SimpleGeometry): Promise<CommuneRef[]> {
    const shape: SimpleGeometry = parseOrThrow(geometrySchema, geometry);
    const box = bboxOf(shape);
    return (await this.loadIndex())
      .filter((c) => bboxIntersects(c.bbox, box) && geometryIntersects(shape, c.outline))
      .map(toRef);
  }

  async listCommunes(): Promise<CommuneInfo[]> {
    const rows = await this.communes.find({ select: INFO_COLUMNS, order: { insee: 'ASC' } });
    return rows.map(toInfo);
  }

  /** One commune; 400 for a malformed INSEE code, 404 when it is not a Puy-de-Dôme commune. */
  async getCommune(insee: string): Promise<CommuneInfo> {
    if (!INSEE_CODE.test(insee)) {
      throw new AppError('validation', 'Invalid INSEE code', [
        { path: 'insee', message: 'must be 5 digits, or 2A/2B followed by 3 digits' },
      ]);
    }
    const row = await this.communes.findOne({ select: INFO_COLUMNS, where: { insee } });
    if (!row) throw AppError.notFound('Commune');
    return toInfo(row);
  }

  /** A shipped GeoJSON layer, read once and kept in memory as text. */
  async getLayer(name: string): Promise<string> {
    if (!isLayerName(name)) throw AppError.notFound('Layer');
    let layer = this.layers.get(name);
    if (!layer) {
      layer = readFile(join(referenceDataDir(), LAYER_FILES[name]), 'utf8');
      layer.catch(() => this.layers.delete(name));
      this.layers.set(name, layer);
    }
    return layer;
  }

  private loadIndex(): Promise<IndexedCommune[]> {
    if (!this.index) {
      const loading = this.communes
        .find({
          select: { insee: true, name: true, population: true, bbox: true, outline: true },
          order: { insee: 'ASC' },
        })
        .then((rows) => rows.map((r) => ({ ...r, bbox: r.bbox as BBox })));
      // Load again next time when this load fails or finds the table not seeded yet.
      const forget = () => {
        if (this.index === loading) this.index = undefined;
      };
      loading.then((rows) => rows.length === 0 && forget(), forget);
      this.index = loading;
    }
    return this.index;
  }
}

const INFO_COLUMNS = {
  insee: true,
  name: true,
  population: true,
  arrondissement: true,
  arrondissementName: true,
  postcodes: true,
  labelLon: true,
  labelLat: true,
  bbox: true,
} as const;

function toRef(c: CommuneRef): CommuneRef {
  return { insee: c.insee, name: c.name, population: c.population };
}

function toInfo(c: Omit<Commune, 'outline'>): CommuneInfo {
  return {
    insee: c.insee,
    name: c.name,
    population: c.population,
    arrondissement: c.arrondissement,
    arrondissementName: c.arrondissementName,
    postcodes: c.postcodes,
    label: [c.labelLon, c.labelLat],
    bbox: c.bbox,
  };
}
