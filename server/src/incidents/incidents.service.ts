import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import {
  COUNTER_KEYS,
  CounterKey,
  INCIDENT_STATUSES,
  type CommuneRef,
  type Incident as IncidentDto,
} from '../contracts/crisis';
import { crisisAudience } from '../crises/audience';
import { CrisesService } from '../crises/crises.service';
import { TransactionRunner } from '../database/transaction';
import { bbox, validatePolygon } from '../reference/geometry';
import { ReferenceService } from '../reference/reference.service';
import { resolveIncidentCommune } from './incident-commune';
import { Incident } from './incident.entity';
import type { CreateIncidentInput, ListIncidentsQuery, UpdateIncidentInput } from './incidents.dto';

type IncidentStatus = IncidentDto['status'];

export interface BilanTotals {
  /** Sum of each counter over the crisis' incidents (0 when never reported). */
  bilan: Record<CounterKey, number>;
  byStatus: Record<IncidentStatus, number>;
}

export function toIncidentDto(i: Incident): IncidentDto {
  return {
    id: i.id,
    crisisId: i.crisisId,
    title: i.title,
    kind: i.kind,
    severity: i.severity,
    status: i.status,
    location: i.location,
    communeInsee: i.communeInsee,
    communeName: i.communeName,
    description: i.description,
    counters: i.counters,
    exercise: i.exercise,
    version: i.version,
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

@Injectable()
export class IncidentsService {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    private readonly tx: TransactionRunner,
    private readonly crises: CrisesService,
    private readonly reference: ReferenceService,
  ) {}

  /** A crisis' incidents, newest first, and the outbox head they were read at. */
  list(query: ListIncidentsQuery): Promise<{ data: IncidentDto[]; seq: number }> {
    return this.tx.snapshot(async (m) => {
      await this.crises.require(m, query.crisisId);
      const qb = m
        .createQueryBuilder(Incident, 'i')
        .where('i.crisis_id = :crisisId', { crisisId: query.crisisId });
      if (query.status) qb.andWhere('i.status IN (:...statuses)', { statuses: query.status });
      if (query.bbox) {
        const [minLon, minLat, maxLon, maxLat] = query.bbox;
        qb.andWhere(
          'i.min_lon <= :maxLon AND i.max_lon >= :minLon AND i.min_lat <= :maxLat AND i.max_lat >= :minLat',
          {
            minLon,
            minLat,
            maxLon,
            maxLat,
          },
        );
      }
      const rows = await qb.orderBy('i.created_at', 'DESC').addOrderBy('i.id').getMany();
      return rows.map(toIncidentDto);
    });
  }

  async get(id: string): Promise<IncidentDto> {
    const incident = await this.incidents.findOneBy({ id });
    if (!incident) throw AppError.notFound('Incident');
    return toIncidentDto(incident);
  }

  /** Creates an incident in an open crisis, its commune resolved from the location. */
  async create(input: CreateIncidentInput, user: AuthUser): Promise<IncidentDto> {
    const located = await this.locate(input.location);
    return this.tx.run(async (tx) => {
      const crisis = await this.crises.require(tx.manager, input.crisisId, { lock: true });
      if (crisis.status !== 'open') throw new AppError('conflict', 'The crisis is closed');
      const incident = await tx.manager.save(
        tx.manager.create(Incident, {
          crisisId: crisis.id,
          title: input.title,
          kind: input.kind,
          severity: input.severity,
          status: input.status,
          description: input.description ?? null,
          ...located,
          counters: input.counters ?? {},
          exercise: crisis.exercise,
          version: 1,
          createdBy: user.id,
        }),
      );
      const dto = toIncidentDto(incident);
      tx.emit('incident.created', dto, crisisAudience());
      return dto;
    });
  }

  /**
   * Applies the changes when `input.version` is the current version, else 409 `stale_version`
   * naming the current one. The UPDATE is conditional on the version, so of two concurrent
   * changes from the same version exactly one wins. Counters are merged key by key; a new
   * location resolves the commune again. A request changing nothing changes nothing.
   */
  async update(id: string, input: UpdateIncidentInput): Promise<IncidentDto> {
    const { version, location, counters, ...fields } = input;
    const located = location ? await this.locate(location) : {};
    return this.tx.run(async (tx) => {
      const current = await tx.manager.findOneBy(Incident, { id });
      if (!current) throw AppError.notFound('Incident');
      if (current.version !== version) throw staleVersion(current.version);
      const crisis = await this.crises.require(tx.manager, current.crisisId, { lock: true });
      if (crisis.status !== 'open') throw new AppError('conflict', 'The crisis is closed');

      const changes: Partial<Incident> = { ...located };
      for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
        if (value !== undefined && value !== current[key]) Object.assign(changes, { [key]: value });
      }
      if (
        counters &&
        COUNTER_KEYS.some((k) => counters[k] !== undefined && counters[k] !== current.counters[k])
      ) {
        changes.counters = { ...current.counters, ...counters };
      }
      if (Object.keys(changes).length === 0) return toIncidentDto(current);

      const result = await tx.manager.update(
        Incident,
        { id, version },
        { ...changes, version: () => 'version + 1', updatedAt: () => 'now()' },
      );
      if (!result.affected) {
        const latest = await tx.manager.findOneByOrFail(Incident, { id });
        throw staleVersion(latest.version);
      }
      const dto = toIncidentDto(await tx.manager.findOneByOrFail(Incident, { id }));
      tx.emit('incident.updated', dto, crisisAudience());
      return dto;
    });
  }

  /** Bilan totals and incident counts by status, for the crisis summary. */
  async bilanTotals(manager: EntityManager, crisisId: string): Promise<BilanTotals> {
    const sums = (await manager.query(
      `SELECT c.key, SUM(c.value::bigint)::text AS total
       FROM incident i CROSS JOIN LATERAL jsonb_each_text(i.counters) AS c(key, value)
       WHERE i.crisis_id = $1 GROUP BY c.key`,
      [crisisId],
    )) as { key: string; total: string }[];
    const statuses = (await manager.query(
      'SELECT status, count(*)::int AS n FROM incident WHERE crisis_id = $1 GROUP BY status',
      [crisisId],
    )) as { status: string; n: number }[];
    const bilan = Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as Record<CounterKey, number>;
    for (const { key, total } of sums) if (key in bilan) bilan[key as CounterKey] = Number(total);
    const byStatus = Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as Record<
      IncidentStatus,
      number
    >;
    for (const { status, n } of statuses)
      if (status in byStatus) byStatus[status as IncidentStatus] = n;
    return { bilan, byStatus };
  }

  /** Validates the location (400 listing every problem) and derives its box and commune. */
  private async locate(location: IncidentDto['location']): Promise<Partial<Incident>> {
    if (location.type === 'Polygon') {
      const problems = validatePolygon(location, 'location.coordinates');
      if (problems.length > 0) throw new AppError('validation', 'Invalid location', problems);
    }
    const [minLon, minLat, maxLon, maxLat] = bbox(location);
    const commune: CommuneRef | null = await resolveIncidentCommune(this.reference, location);
    return {
      location,
      minLon,
      minLat,
      maxLon,
      maxLat,
      communeInsee: commune?.insee ?? null,
      communeName: commune?.name ?? null,
    };
  }
}

function staleVersion(current: number): AppError {
  return new AppError(
    'stale_version',
    `The incident has changed: its current version is ${current}`,
    [{ path: 'version', message: `current version is ${current}` }],
  );
}
