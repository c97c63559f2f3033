/**
 * Integration test on the local PostgreSQL (TEST_DATABASE_URL): its own database, the real
 * migrations (every migration against every entity is `npm run migration:check`), the shipped files, and the HTTP routes through a minimal Nest application.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentsHost, Catch, ExceptionFilter, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { FeatureCollection, Point } from 'geojson';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { databaseUrl, TEST_PG_URL } from '../../../test/support/env';
import { AppError, ERROR_STATUS } from '../common/app-error';
import { ReferenceCommunes1795867504200 } from '../database/migrations/1795867504200-ReferenceCommunes';
import { SnakeNamingStrategy } from '../database/snake-naming.strategy';
import { Commune } from './commune.entity';
import { referenceDataDir } from './reference-data';
import { ReferenceModule } from './reference.module';
import { ReferenceService } from './reference.service';

const database = `vigie_ref_${randomBytes(6).toString('hex')}`;

const readLayer = <P>(file: string) =>
  JSON.parse(readFileSync(join(referenceDataDir(), file), 'utf8')) as FeatureCollection<
    Point | null,
    P
  >;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let ds: DataSource;
let service: ReferenceService;

beforeAll(async () => {
  await admin(`CREATE DATABASE ${database}`);
  ds = await new DataSource({
    type: 'postgres',
    url: databaseUrl(database),
    entities: [Commune],
    migrations: [ReferenceCommunes1795867504200],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
  }).initialize();
  await ds.runMigrations();
  service = new ReferenceService(ds.getRepository(Commune));
  await ds.transaction((manager) => service.seedCommunes(manager));
});

afterAll(async () => {
  await ds?.destroy();
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe('ReferenceService', () => {
  it('seeds the 463 communes with the population of the file', async () => {
    const file = readLayer<{ population: number }>('communes-63.geojson');
    const expected = file.features.reduce((sum, f) => sum + f.properties.population, 0);
    const [{ count, total }] = (await ds.query(
      'SELECT count(*)::int AS count, sum(population)::int AS total FROM commune',
    )) as [{ count: number; total: number }];
    expect(count).toBe(463);
    expect(total).toBe(expected);
    expect(total).toBe(664_453);
  });

  it('seeds idempotently: unchanged rows are left alone, changed ones restored', async () => {
    const versions = () => ds.query('SELECT insee, xmin::text FROM commune ORDER BY insee');
    const before: unknown = await versions();
    await ds.query("UPDATE commune SET population = 0, postcodes = '{}' WHERE insee = '63113'");

    expect(await ds.transaction((m) => service.seedCommunes(m))).toBe(463);

    const after = (await versions()) as { insee: string; xmin: string }[];
    const changed = after.filter((row, i) => row.xmin !== (before as typeof after)[i].xmin);
    expect(changed.map((r) => r.insee)).toEqual(['63113']);
    expect(await service.getCommune('63113')).toMatchObject({
      population: 146_351,
      postcodes: ['63000', '63100'],
    });
    expect(await ds.getRepository(Commune).count()).toBe(463);
  });

  it('finds the commune containing a point', async () => {
    expect(await service.communeAt(3.087, 45.7772)).toEqual({
      insee: '63113',
      name: 'Clermont-Ferrand',
      population: 146_351,
    });
    expect((await service.communeAt(3.7427, 45.5495))?.insee).toBe('63003');
    expect(await service.communeAt(2.35, 48.85)).toBeNull();
    expect(await service.communeAt(Number.NaN, 45.7)).toBeNull();
  });

  it('puts every label point and every hospital in its own commune', async () => {
    const communes = await service.listCommunes();
    const labelled = await Promise.all(communes.map((c) => service.communeAt(...c.label)));
    expect(labelled.map((c) => c?.insee)).toEqual(communes.map((c) => c.insee));

    const hospitals = readLayer<{ communeInsee: string }>('hopitaux-63.geojson').features;
    expect(hospitals).toHaveLength(45);
    const found = await Promise.all(
      hospitals.map((h) =>
        service.communeAt(h.geometry!.coordinates[0], h.geometry!.coordinates[1]),
      ),
    );
    expect(found.map((c) => c?.insee)).toEqual(hospitals.map((h) => h.properties.communeInsee));
  });

  it('lists the communes a perimeter touches, sorted by INSEE code', async () => {
    const d = 0.003;
    const [x, y] = [3.087, 45.7772];
    const centre = await service.communesIntersecting({
      type: 'Polygon',
      coordinates: [
        [
          [x - d, y - d],
          [x + d, y - d],
          [x + d, y + d],
          [x - d, y + d],
          [x - d, y - d],
        ],
      ],
    });
    expect(centre.map((c) => c.insee)).toEqual(['63113']);

    // From Clermont-Ferrand to Riom: the two ends and what lies between, in INSEE order.
    const road = await service.communesIntersecting({
      type: 'LineString',
      coordinates: [
        [3.087, 45.7772],
        [3.13276, 45.895],
      ],
    });
    const codes = road.map((c) => c.insee);
    expect(codes).toEqual(expect.arrayContaining(['63113', '63300']));
    expect(codes.length).toBeGreaterThan(2);
    expect(codes).toEqual([...codes].sort());

    expect(
      await service.communesIntersecting({ type: 'Point', coordinates: [2.35, 48.85] }),
    ).toEqual([]);
  });

  it('rejects a malformed perimeter with a validation error', async () => {
    await expect(
      service.communesIntersecting({ type: 'Polygon', coordinates: [[[3, 45]]] }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});

@Catch(AppError)
class AppErrorFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost): void {
    const { code, message, details } = error;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(ERROR_STATUS[code])
      .json({ code, message, details });
  }
}

describe('ReferenceController over HTTP', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl(database),
          entities: [Commune],
          namingStrategy: new SnakeNamingStrategy(),
        }),
        ReferenceModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.setGlobalPrefix('api');
    app.useGlobalFilters(new AppErrorFilter());
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the communes and returns one', async () => {
    const list = await request(app.getHttpServer()).get('/api/reference/communes').expect(200);
    expect(list.body).toHaveLength(463);
    const one = await request(app.getHttpServer()).get('/api/reference/communes/63003').expect(200);
    expect(one.body).toEqual({
      insee: '63003',
      name: 'Ambert',
      population: 6517,
      arrondissement: '631',
      arrondissementName: 'Ambert',
      postcodes: ['63600'],
      label: [3.75744, 45.55464],
      bbox: expect.any(Array) as unknown,
    });
  });

  it('answers 400 for a malformed INSEE code and 404 for a commune outside the department', async () => {
    const bad = await request(app.getHttpServer()).get('/api/reference/communes/631').expect(400);
    expect(bad.body).toEqual({
      code: 'validation',
      message: 'Invalid INSEE code',
      details: [{ path: 'insee', message: expect.any(String) as unknown }],
    });
    for (const insee of ['75056', '2A004']) {
      const missing = await request(app.getHttpServer())
        .get(`/api/reference/communes/${insee}`)
        .expect(404);
      expect(missing.body).toMatchObject({ code: 'not_found', message: 'Commune not found' });
    }
  });

  it('serves the GeoJSON layers with long-lived cache headers', async () => {
    for (const name of ['communes', 'arrondissements', 'departement', 'hopitaux']) {
      const res = await request(app.getHttpServer())
        .get(`/api/reference/layers/${name}`)
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
      expect(res.headers['cache-control']).toBe('public, max-age=86400');
      expect((JSON.parse(res.text) as FeatureCollection).type).toBe('FeatureCollection');
    }
  });

  it('answers 404 for an unknown layer, not cached and not GeoJSON', async () => {
    for (const name of ['seveso', 'constructor']) {
      const res = await request(app.getHttpServer())
        .get(`/api/reference/layers/${name}`)
        .expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['cache-control']).toBeUndefined();
      expect(res.body).toMatchObject({ code: 'not_found' });
    }
  });
});
