import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../common/app-error';
import {
  COMMUNES_CSV,
  isLayerName,
  LAYER_FILES,
  parseCommunes,
  referenceDataDir,
} from './reference-data';

const repoRoot = resolve(__dirname, '../../..');
const dataDir = join(repoRoot, 'server/src/reference/data');
const read = (file: string) => readFileSync(join(dataDir, file), 'utf8');

describe('referenceDataDir', () => {
  it('is the data folder beside the sources under ts-jest', () => {
    expect(referenceDataDir()).toBe(dataDir);
    expect(existsSync(join(referenceDataDir(), LAYER_FILES.communes))).toBe(true);
  });

  it('points the compiled module back to the source data folder', () => {
    expect(referenceDataDir(join(repoRoot, 'dist/server/reference'))).toBe(dataDir);
    expect(referenceDataDir('/srv/vigie/dist/server/reference')).toBe(
      '/srv/vigie/server/src/reference/data',
    );
    expect(referenceDataDir('/srv/vigie/server/src/reference')).toBe(
      '/srv/vigie/server/src/reference/data',
    );
  });

  it('holds every shipped file, with the attribution and the licence', () => {
    const files = [
      ...Object.values(LAYER_FILES),
      COMMUNES_CSV,
      'ATTRIBUTION.md',
      'LICENSE-EUPL-1.2.txt',
    ];
    expect(files.filter((f) => !existsSync(join(dataDir, f)))).toEqual([]);
    expect(read('ATTRIBUTION.md')).toMatch(
      /^> Copied from the shared data folder .* on 2026-11-28\./,
    );
    expect(read('ATTRIBUTION.md')).toContain('IGN – ADMIN EXPRESS COG 2018');
  });
});

describe('isLayerName', () => {
  it('accepts the four layers only, not inherited keys', () => {
    expect(['communes', 'arrondissements', 'departement', 'hopitaux'].every(isLayerName)).toBe(
      true,
    );
    expect(['toString', 'constructor', '__proto__', 'seveso', ''].some(isLayerName)).toBe(false);
  });
});

describe('parseCommunes', () => {
  const geojson = read(LAYER_FILES.communes);
  const csv = read(COMMUNES_CSV);

  it('reads the 463 communes with label point and bbox', () => {
    const communes = parseCommunes(geojson, csv);
    expect(communes).toHaveLength(463);
    const clermont = communes.find((c) => c.insee === '63113');
    expect(clermont).toMatchObject({
      name: 'Clermont-Ferrand',
      arrondissement: '632',
      arrondissementName: 'Clermont-Ferrand',
    });
    expect(clermont!.postcodes.every((p) => /^63\d{3}$/.test(p))).toBe(true);
    const [minLon, minLat, maxLon, maxLat] = clermont!.bbox;
    expect(minLon).toBeLessThan(clermont!.labelLon);
    expect(maxLon).toBeGreaterThan(clermont!.labelLon);
    expect(minLat).toBeLessThan(clermont!.labelLat);
    expect(maxLat).toBeGreaterThan(clermont!.labelLat);
  });

  it('lists every problem of a broken file at once', () => {
    const collection = JSON.parse(geojson) as {
      features: {
        geometry: { type: string; coordinates: unknown };
        properties: Record<string, unknown>;
      }[];
    };
    const [first, second, third, fourth] = collection.features;
    first.properties.code = '03113';
    second.properties.population = -4;
    third.geometry = {
      type: 'LineString',
      coordinates: [
        [3, 45],
        [3.1, 45.1],
      ],
    };
    fourth.properties.code = collection.features[4].properties.code;

    let error: unknown;
    try {
      parseCommunes(JSON.stringify(collection), csv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const { code, details, message } = error as AppError;
    expect(code).toBe('validation');
    expect(details!.map((d) => d.path)).toEqual([
      'features.0.properties.code',
      'features.1.properties.population',
      'features.2.geometry.type',
      'features.3 (63005)', // 63004's outline now claims 63005's label point
      'features.4 (63005)',
      'communes-63.csv',
      'communes-63.csv',
      'communes-63.csv',
      'communes-63.csv',
    ]);
    expect(message).toContain('features.4 (63005): duplicate INSEE code');
    expect(message).toContain('63001 has no feature in the GeoJSON');
  });

  it('rejects an unclosed ring and a label point outside its commune', () => {
    const collection = JSON.parse(geojson) as {
      features: { geometry: { coordinates: number[][][] } }[];
    };
    collection.features[0].geometry.coordinates[0].pop();
    const badLabel = csv.replace(/^63002,(.*),[\d.]+,[\d.]+$/m, '63002,$1,3.0,45.0');
    expect(() => parseCommunes(JSON.stringify(collection), badLabel)).toThrow(
      /features\.0\.geometry\.coordinates\.0: ring is not closed\n.*features\.1 \(63002\): label point 3,45 is outside the outline/,
    );
  });

  it('rejects files that are not what they claim', () => {
    expect(() => parseCommunes('{', csv)).toThrow(/communes-63.geojson: not JSON/);
    expect(() => parseCommunes('{"type":"Feature"}', csv)).toThrow(
      /not a GeoJSON FeatureCollection/,
    );
    expect(() => parseCommunes(geojson, 'code;nom\n')).toThrow(/communes-63.csv: header must be/);
    expect(() => parseCommunes(geojson, csv.replace(/,3\.20227,/, ',x,'))).toThrow(
      /communes-63.csv:2: lon\/lat must be WGS84 decimal degrees/,
    );
  });
});
