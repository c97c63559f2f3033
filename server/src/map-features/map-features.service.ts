import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { CommuneRef, MapFeature as MapFeatureDto, SiteRef } from '../contracts/crisis';
import { crisisAudience } from '../crises/audience';
import { CrisesService } from '../crises/crises.service';
import { TransactionRunner } from '../database/transaction';
import { Incident } from '../incidents/incident.entity';
import { bbox, validatePolygon } from '../reference/geometry';
import { ReferenceService } from '../reference/reference.service';
import { Hospital, parseHospitals, sitesWithin } from './hospitals';
import { MapFeature } from './map-feature.entity';
import type { CreateFeatureInput } from './map-features.dto';

export interface FeatureImpact {
  affectedCommunes: CommuneRef[];
  affectedPopulation: number;
  sites: SiteRef[];
}

export function toFeatureDto(f: MapFeature): MapFeatureDto {
  return {
    id: f.id,
    crisisId: f.crisisId,
    kind: f.kind,
    label: f.label,
    description: f.description,
    incidentId: f.incidentId,
    geometry: f.geometry,
    affectedCommunes: f.affectedCommunes,
    affectedPopulation: f.affectedPopulation,
    sites: f.sites,
    exercise: f.exercise,
    createdBy: f.createdBy,
    createdAt: f.createdAt.toISOString(),
  };
}

@Injectable()
export class MapFeaturesService {
  private hospitals?: Promise<Hospital[]>;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly crises: CrisesService,
    private readonly reference: ReferenceService,
  ) {}

  /** The crisis' features not deleted, oldest first (drawing order), and the outbox head. */
  list(crisisId: string): Promise<{ data: MapFeatureDto[]; seq: number }> {
    return this.tx.snapshot(async (m) => {
      await this.crises.require(m, crisisId);
      const rows = await m.find(MapFeature, {
        where: { crisisId, deletedAt: IsNull() },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return rows.map(toFeatureDto);
    });
  }

  /**
   * Saves a feature drawn on an open crisis' map with its impact, computed before the
   * transaction from the reference data kept in memory. 400 on an invalid polygon.
   */
  async create(
    crisisId: string,
    input: CreateFeatureInput,
    user: AuthUser,
  ): Promise<MapFeatureDto> {
    const { geometry, properties } = input;
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      const problems = validatePolygon(geometry, 'geometry.coordinates');
      if (problems.length > 0) throw new AppError('validation', 'Invalid geometry', problems);
    }
    const impact = await this.impact(geometry);
    const [minLon, minLat, maxLon, maxLat] = bbox(geometry);
    return this.tx.run(async (tx) => {
      const crisis = await this.crises.require(tx.manager, crisisId, { lock: true });
      if (crisis.status !== 'open') throw new AppError('conflict', 'The crisis is closed');
      const incidentId = properties.incidentId ?? null;
      if (incidentId && !(await tx.manager.existsBy(Incident, { id: incidentId, crisisId }))) {
        throw new AppError('validation', 'Invalid feature', [
          { path: 'properties.incidentId', message: 'no such incident in this crisis' },
        ]);
      }
      const feature = await tx.manager.save(
        tx.manager.create(MapFeature, {
          crisisId,
          kind: properties.kind,
          label: properties.label || null,
          description: properties.description || null,
          incidentId,
          geometry,
          minLon,
          minLat,
          maxLon,
          maxLat,
          ...impact,
          exercise: crisis.exercise,
          createdBy: user.id,
          deletedAt: null,
          deletedBy: null,
        }),
      );
      const dto = toFeatureDto(feature);
      tx.emit('feature.created', dto, crisisAudience());
      return dto;
    });
  }

  /** Soft-deletes a feature of an open crisis (the row stays, marked with who and when). */
  remove(id: string, user: AuthUser): Promise<void> {
    return this.tx.run(async (tx) => {
      const feature = await tx.manager.findOneBy(MapFeature, { id, deletedAt: IsNull() });
      if (!feature) throw AppError.notFound('Feature');
      const crisis = await this.crises.require(tx.manager, feature.crisisId, { lock: true });
      if (crisis.status !== 'open') throw new AppError('conflict', 'The crisis is closed');
      const result = await tx.manager.update(
        MapFeature,
        { id, deletedAt: IsNull() },
        { deletedAt: () => 'now()', deletedBy: user.id },
      );
      // a concurrent delete got there first
      if (!result.affected) throw AppError.notFound('Feature');
      tx.emit('feature.deleted', { id, crisisId: feature.crisisId }, crisisAudience());
    });
  }

  /** Communes touched (sorted by INSEE code) with their total population, hospitals inside. */
  async impact(geometry: MapFeatureDto['geometry']): Promise<FeatureImpact> {
    const [affectedCommunes, hospitals] = await Promise.all([
      this.reference.communesIntersecting(geometry),
      this.loadHospitals(),
    ]);
    affectedCommunes.sort((a, b) => a.insee.localeCompare(b.insee));
    return {
      affectedCommunes,
      affectedPopulation: affectedCommunes.reduce((sum, c) => sum + c.population, 0),
      sites: sitesWithin(geometry, hospitals),
    };
  }

  /** The hospitals layer, parsed once (again after a failed load). */
  private loadHospitals(): Promise<Hospital[]> {
    if (!this.hospitals) {
      const loading = this.reference.getLayer('hopitaux').then(parseHospitals);
      loading.catch(() => {
        if (this.hospitals === loading) this.hospitals = undefined;
      });
      this.hospitals = loading;
    }
    return this.hospitals;
  }
}
