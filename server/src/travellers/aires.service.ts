import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type {
  Aire as AireDto,
  AireInput,
  ClosureInput,
  MapData,
  OccupancyInput,
  OccupancyRow,
  PrescriptionInput,
  SchemaSummary,
} from '../contracts/travellers';
import { Commune } from '../reference/commune.entity';
import { Epci } from '../reference/epci.entity';
import { parisDay } from './delays';
import {
  Aire,
  AireClosure,
  AireOccupancy,
  SchemaPrescription,
  UnlawfulSettlement,
} from './travellers.entity';

/** The departmental schéma in force (Puy-de-Dôme, 3rd schéma). */
export const SCHEMA_INFO = {
  title: 'Schéma départemental d’accueil et d’habitat des gens du voyage du Puy-de-Dôme',
  period: '2023–2028',
  signedOn: '2023-05-05',
};

const OPEN_SETTLEMENT_STATUSES = [
  'constate',
  'demande_recue',
  'mise_en_demeure',
  'recours_pendant',
] as const;

export function toAireDto(
  aire: Aire,
  communeName: string,
  closures: AireClosure[],
  today: string,
): AireDto {
  const own = closures
    .filter((c) => c.aireId === aire.id)
    .sort((a, b) => a.start.localeCompare(b.start));
  return {
    id: aire.id,
    name: aire.name,
    kind: aire.kind,
    communeInsee: aire.communeInsee,
    communeName,
    epciSiren: aire.epciSiren,
    address: aire.address,
    location: [aire.lon, aire.lat],
    capacity: aire.capacity,
    surfaceHa: aire.surfaceHa,
    manager: aire.manager,
    status: aire.status,
    openedYear: aire.openedYear,
    closures: own.map((c) => ({ id: c.id, start: c.start, end: c.end, reason: c.reason })),
    closedToday:
      aire.status !== 'en_service' || own.some((c) => c.start <= today && today <= c.end),
  };
}

/** Completion of a prescription: built / prescribed, at most 1. */
export function completion(built: number, prescribed: number): number {
  return prescribed > 0 ? Math.min(1, Math.round((built / prescribed) * 1000) / 1000) : 1;
}

/** The schéma's prescriptions, the aires (closures, occupancy) and the map. */
@Injectable()
export class AiresService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  // ------------------------------------------------------------------ schéma
  async schema(): Promise<SchemaSummary> {
    const manager = this.ds.manager;
    const prescriptions = await manager.find(SchemaPrescription, {
      order: { epciName: 'ASC', kind: 'ASC' },
    });
    const built = (await manager.query(
      `SELECT epci_siren, kind, sum(capacity)::int AS places FROM aire GROUP BY epci_siren, kind`,
    )) as { epci_siren: string; kind: string; places: number }[];
    const builtOf = (siren: string, kind: string) =>
      built.find((b) => b.epci_siren === siren && b.kind === kind)?.places ?? 0;
    const rows = prescriptions.map((p) => {
      const placesBuilt = builtOf(p.epciSiren, p.kind);
      return {
        id: p.id,
        epciSiren: p.epciSiren,
        epciName: p.epciName,
        kind: p.kind,
        placesPrescribed: p.placesPrescribed,
        placesBuilt,
        completion: completion(placesBuilt, p.placesPrescribed),
        dueYear: p.dueYear,
        note: p.note,
      };
    });
    const byEpci = new Map<string, SchemaSummary['byEpci'][number]>();
    for (const r of rows) {
      const e = byEpci.get(r.epciSiren) ?? {
        epciSiren: r.epciSiren,
        epciName: r.epciName,
        prescribed: 0,
        built: 0,
        completion: 0,
      };
      e.prescribed += r.placesPrescribed;
      // places built beyond a prescription do not make up for another kind
      e.built += Math.min(r.placesBuilt, r.placesPrescribed);
      byEpci.set(r.epciSiren, e);
    }
    const epcis = [...byEpci.values()].map((e) => ({
      ...e,
      completion: completion(e.built, e.prescribed),
    }));
    const prescribed = epcis.reduce((s, e) => s + e.prescribed, 0);
    const builtTotal = epcis.reduce((s, e) => s + e.built, 0);
    return {
      ...SCHEMA_INFO,
      prescriptions: rows,
      byEpci: epcis,
      totals: { prescribed, built: builtTotal, completion: completion(builtTotal, prescribed) },
    };
  }

  async upsertPrescription(input: PrescriptionInput): Promise<SchemaSummary> {
    const epci = await this.ds.manager.findOneBy(Epci, { siren: input.epciSiren });
    if (!epci)
      throw new AppError('validation', 'Unknown EPCI', [
        { path: 'epciSiren', message: 'not an EPCI of the Puy-de-Dôme' },
      ]);
    await this.ds.manager.upsert(
      SchemaPrescription,
      {
        epciSiren: epci.siren,
        epciName: epci.name,
        kind: input.kind,
        placesPrescribed: input.placesPrescribed,
        dueYear: input.dueYear ?? null,
        note: input.note ?? null,
      },
      ['epciSiren', 'kind'],
    );
    return this.schema();
  }

  // ------------------------------------------------------------------ aires
  async list(manager: EntityManager = this.ds.manager): Promise<AireDto[]> {
    const aires = await manager.find(Aire, {
      relations: { commune: true },
      order: { kind: 'ASC', name: 'ASC' },
    });
    const closures = aires.length
      ? await manager.find(AireClosure, { where: { aireId: In(aires.map((a) => a.id)) } })
      : [];
    const today = parisDay(new Date());
    return aires.map((a) => toAireDto(a, a.commune.name, closures, today));
  }

  async get(id: string, manager: EntityManager = this.ds.manager): Promise<AireDto> {
    const aire = await manager.findOne(Aire, { where: { id }, relations: { commune: true } });
    if (!aire) throw AppError.notFound('Aire');
    const closures = await manager.find(AireClosure, { where: { aireId: id } });
    return toAireDto(aire, aire.commune.name, closures, parisDay(new Date()));
  }

  async create(input: AireInput): Promise<AireDto> {
    return this.ds.transaction(async (manager) => {
      const epciSiren = await this.epciOf(manager, input.communeInsee, input.epciSiren);
      const aire = await manager.save(manager.create(Aire, { ...this.fields(input), epciSiren }));
      return this.get(aire.id, manager);
    });
  }

  async update(id: string, input: Partial<AireInput>): Promise<AireDto> {
    return this.ds.transaction(async (manager) => {
      const aire = await manager.findOne(Aire, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!aire) throw AppError.notFound('Aire');
      Object.assign(aire, this.fields({ ...input }));
      if (input.communeInsee || input.epciSiren)
        aire.epciSiren = await this.epciOf(
          manager,
          input.communeInsee ?? aire.communeInsee,
          input.epciSiren ?? (input.communeInsee ? undefined : aire.epciSiren),
        );
      await manager.save(aire);
      return this.get(id, manager);
    });
  }

  async addClosure(aireId: string, input: ClosureInput): Promise<AireDto> {
    return this.ds.transaction(async (manager) => {
      if (!(await manager.existsBy(Aire, { id: aireId }))) throw AppError.notFound('Aire');
      await manager.insert(AireClosure, {
        aireId,
        start: input.start,
        end: input.end,
        reason: input.reason,
      });
      return this.get(aireId, manager);
    });
  }

  async removeClosure(aireId: string, closureId: string): Promise<AireDto> {
    const { affected } = await this.ds.manager.delete(AireClosure, { id: closureId, aireId });
    if (!affected) throw AppError.notFound('Closure');
    return this.get(aireId);
  }

  /** Records (or corrects) the occupancy of one month. */
  async setOccupancy(aireId: string, month: string, input: OccupancyInput): Promise<OccupancyRow> {
    return this.ds.transaction(async (manager) => {
      const aire = await manager.findOneBy(Aire, { id: aireId });
      if (!aire) throw AppError.notFound('Aire');
      if (input.occupiedPlaces > aire.capacity)
        throw new AppError('validation', 'Occupancy above capacity', [
          { path: 'occupiedPlaces', message: `at most ${aire.capacity} (the aire's capacity)` },
        ]);
      await manager.upsert(
        AireOccupancy,
        {
          aireId,
          month: `${month}-01`,
          occupiedPlaces: input.occupiedPlaces,
          households: input.households ?? null,
          averageStayDays: input.averageStayDays ?? null,
        },
        ['aireId', 'month'],
      );
      const [row] = await this.occupancy(Number(month.slice(0, 4)), [aireId], manager);
      return row;
    });
  }

  /** Occupancy rate by aire and month of a year (aires d'accueil and terrains; not the AGP). */
  async occupancy(
    year: number,
    aireIds?: string[],
    manager: EntityManager = this.ds.manager,
  ): Promise<OccupancyRow[]> {
    const aires = await manager.find(Aire, {
      where: aireIds ? { id: In(aireIds) } : {},
      order: { name: 'ASC' },
    });
    const rows = aires.length
      ? await manager
          .createQueryBuilder(AireOccupancy, 'o')
          .where('o.aire_id IN (:...ids)', { ids: aires.map((a) => a.id) })
          .andWhere('o.month BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-01` })
          .getMany()
      : [];
    const months = Array.from(
      { length: 12 },
      (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`,
    );
    return aires
      .filter((a) => aireIds || a.kind !== 'grand_passage')
      .map((a) => ({
        aireId: a.id,
        aireName: a.name,
        capacity: a.capacity,
        months: Object.fromEntries(
          months.map((m) => {
            const r = rows.find((o) => o.aireId === a.id && o.month.startsWith(m));
            return [
              m,
              r
                ? {
                    occupiedPlaces: r.occupiedPlaces,
                    households: r.households,
                    rate: Math.round((r.occupiedPlaces / a.capacity) * 1000) / 1000,
                  }
                : null,
            ];
          }),
        ),
      }));
  }

  /** Aires and the settlements whose procedure is still open, for the map. */
  async map(): Promise<MapData> {
    const aires = await this.list();
    const settlements = await this.ds.manager.find(UnlawfulSettlement, {
      where: { status: In([...OPEN_SETTLEMENT_STATUSES]) },
      relations: { commune: true },
      order: { observedAt: 'DESC' },
    });
    return {
      aires: aires.map(
        ({ id, name, kind, communeName, capacity, status, location, closedToday }) => ({
          id,
          name,
          kind,
          communeName,
          capacity,
          status,
          location,
          closedToday,
        }),
      ),
      settlements: settlements.map((s) => ({
        id: s.id,
        reference: s.reference,
        communeName: s.commune.name,
        place: s.place,
        caravans: s.caravans,
        status: s.status,
        location:
          s.lon !== null && s.lat !== null
            ? [s.lon, s.lat]
            : [s.commune.labelLon, s.commune.labelLat],
      })),
    };
  }

  /**
   * The EPCI of an aire: the one given, which must exist, or the commune's in the territorial
   * reference. 400 for an unknown commune or EPCI.
   */
  private async epciOf(manager: EntityManager, insee: string, given?: string): Promise<string> {
    const commune = await manager.findOneBy(Commune, { insee });
    if (!commune)
      throw new AppError('validation', 'Unknown commune', [
        { path: 'communeInsee', message: 'not a Puy-de-Dôme commune' },
      ]);
    const siren = given ?? commune.epciSiren;
    if (!siren || !(await manager.existsBy(Epci, { siren })))
      throw new AppError('validation', 'Unknown EPCI', [
        {
          path: 'epciSiren',
          message: siren ? 'not an EPCI of the Puy-de-Dôme' : 'the commune has no EPCI',
        },
      ]);
    return siren;
  }

  private fields(input: Partial<AireInput>): Partial<Aire> {
    const out: Partial<Aire> = {};
    if (input.name !== undefined) out.name = input.name;
    if (input.kind !== undefined) out.kind = input.kind;
    if (input.communeInsee !== undefined) out.communeInsee = input.communeInsee;
    if (input.address !== undefined) out.address = input.address ?? null;
    if (input.location !== undefined) [out.lon, out.lat] = input.location;
    if (input.capacity !== undefined) out.capacity = input.capacity;
    if (input.surfaceHa !== undefined) out.surfaceHa = input.surfaceHa ?? null;
    if (input.manager !== undefined) out.manager = input.manager ?? null;
    if (input.status !== undefined) out.status = input.status;
    if (input.openedYear !== undefined) out.openedYear = input.openedYear ?? null;
    return out;
  }
}
