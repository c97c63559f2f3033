import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import {
  ROAD_TYPE_LABELS,
  type AccidentDetail,
  type AccidentPoint,
  type AccidentsQuery,
  type AccidentStats,
  type CommuneSheet,
  type CountRow,
  type StatsQuery,
  type UserCategory,
} from '../contracts/road-safety';
import {
  AccidentImport,
  RoadAccident,
  RoadAccidentUser,
  RoadAccidentVehicle,
} from './accident.entity';
import { severityTotals } from './accident-import.service';

const LIGHT_LABELS: Record<number, string> = {
  1: 'Plein jour',
  2: 'Crépuscule ou aube',
  3: 'Nuit sans éclairage public',
  4: 'Nuit avec éclairage public non allumé',
  5: 'Nuit avec éclairage public allumé',
};

const COUNTS = `COUNT(*)::int AS accidents, COALESCE(SUM(a.killed), 0)::int AS killed,
  COALESCE(SUM(a.hospitalised), 0)::int AS hospitalised, COALESCE(SUM(a.slightly_injured), 0)::int AS "slightlyInjured"`;

/** A parameterised WHERE over road_accident `a` for the query's years and commune. */
function where(query: StatsQuery): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.from !== undefined) clauses.push(`a.year >= $${params.push(query.from)}`);
  if (query.to !== undefined) clauses.push(`a.year <= $${params.push(query.to)}`);
  if (query.commune) clauses.push(`a.commune_insee = $${params.push(query.commune)}`);
  if ('severity' in query && query.severity)
    clauses.push(`a.severity = $${params.push(query.severity)}`);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Accident dashboards, the map's points, one accident, and the commune sheet for elected officials. */
@Injectable()
export class AccidentStatsService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async stats(query: StatsQuery): Promise<AccidentStats> {
    const m = this.manager;
    const w = where(query);
    const run = <T>(sql: string) => m.query(sql, w.params) as Promise<T[]>;
    const [accidents, byYear, byMonth, byRoad, byUser, bySetting, byLight, years] =
      await Promise.all([
        run<{
          severity: RoadAccident['severity'];
          killed: number;
          hospitalised: number;
          slightly_injured: number;
          unharmed: number;
        }>(
          `SELECT a.severity, a.killed, a.hospitalised, a.slightly_injured, a.unharmed FROM road_accident a ${w.sql}`,
        ),
        run<CountRow & { year: number }>(
          `SELECT a.year, ${COUNTS} FROM road_accident a ${w.sql} GROUP BY a.year ORDER BY a.year`,
        ),
        run<CountRow & { month: number }>(
          `SELECT a.month, ${COUNTS} FROM road_accident a ${w.sql} GROUP BY a.month ORDER BY a.month`,
        ),
        run<CountRow & { catr: number | null }>(
          `SELECT a.catr, ${COUNTS} FROM road_accident a ${w.sql} GROUP BY a.catr ORDER BY accidents DESC`,
        ),
        run<{
          category: UserCategory;
          users: number;
          killed: number;
          hospitalised: number;
          slightlyInjured: number;
        }>(
          `SELECT u.category, COUNT(*)::int AS users,
                COUNT(*) FILTER (WHERE u.grav = 2)::int AS killed,
                COUNT(*) FILTER (WHERE u.grav = 3)::int AS hospitalised,
                COUNT(*) FILTER (WHERE u.grav = 4)::int AS "slightlyInjured"
         FROM road_accident_user u JOIN road_accident a ON a.num_acc = u.accident_num_acc ${w.sql}
         GROUP BY u.category ORDER BY killed DESC, hospitalised DESC, users DESC`,
        ),
        run<CountRow & { agg: number }>(
          `SELECT a.agg, ${COUNTS} FROM road_accident a ${w.sql} GROUP BY a.agg ORDER BY a.agg`,
        ),
        run<CountRow & { lum: number }>(
          `SELECT a.lum, ${COUNTS} FROM road_accident a ${w.sql} GROUP BY a.lum ORDER BY a.lum`,
        ),
        m.query('SELECT DISTINCT year FROM road_accident ORDER BY year') as Promise<
          { year: number }[]
        >,
      ]);
    const totals = severityTotals(
      accidents.map((a) => ({
        severity: a.severity,
        killed: a.killed,
        hospitalised: a.hospitalised,
        slightlyInjured: a.slightly_injured,
        unharmed: a.unharmed,
      })),
    );
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      commune: query.commune ?? null,
      availableYears: years.map((y) => y.year),
      totals,
      byYear,
      byMonth,
      bySeverity: (['mortel', 'grave', 'leger', 'indemne'] as const).map((severity) => ({
        severity,
        accidents: totals[severity],
      })),
      byRoadType: byRoad.map((r) => ({
        ...r,
        label:
          r.catr === null ? 'Non renseigné' : (ROAD_TYPE_LABELS[r.catr] ?? `Catégorie ${r.catr}`),
      })),
      byUserCategory: byUser,
      bySetting: bySetting.map(({ agg, ...r }) => ({
        ...r,
        setting: agg === 2 ? ('agglomeration' as const) : ('hors_agglomeration' as const),
      })),
      byLight: byLight.map((r) => ({ ...r, label: LIGHT_LABELS[r.lum] ?? String(r.lum) })),
    };
  }

  /** Points for the map: accidents with coordinates. */
  async points(query: AccidentsQuery): Promise<AccidentPoint[]> {
    const w = where(query);
    const rows = (await this.manager.query(
      `SELECT a.num_acc AS "numAcc", a.occurred_on::text AS date, a.lat, a.lon, a.severity,
              a.commune_insee AS "communeInsee", a.killed, a.hospitalised
       FROM road_accident a ${w.sql ? `${w.sql} AND` : 'WHERE'} a.lat IS NOT NULL
       ORDER BY a.occurred_on DESC, a.num_acc LIMIT 50000`,
      w.params,
    )) as AccidentPoint[];
    return rows;
  }

  async accident(numAcc: string): Promise<AccidentDetail> {
    const a = await this.manager.findOne(RoadAccident, { where: { numAcc } });
    if (!a) throw AppError.notFound('Accident');
    const vehicles = await this.manager.find(RoadAccidentVehicle, {
      where: { accidentNumAcc: numAcc },
      order: { numVeh: 'ASC' },
    });
    const users = await this.manager.find(RoadAccidentUser, {
      where: { accidentNumAcc: numAcc },
      order: { id: 'ASC' },
    });
    return {
      numAcc: a.numAcc,
      date: a.occurredOn,
      time: a.time,
      lat: a.lat ?? 0,
      lon: a.lon ?? 0,
      severity: a.severity,
      communeInsee: a.communeInsee,
      killed: a.killed,
      hospitalised: a.hospitalised,
      address: a.address,
      catr: a.catr,
      roadType: a.catr === null ? null : (ROAD_TYPE_LABELS[a.catr] ?? null),
      vma: a.vma,
      lum: a.lum,
      agg: a.agg,
      atm: a.atm,
      vehicles: vehicles.map((v) => ({ numVeh: v.numVeh, catv: v.catv, category: v.category })),
      users: users.map((u) => ({
        numVeh: u.numVeh,
        catu: u.catu,
        grav: u.grav,
        sexe: u.sexe,
        birthYear: u.birthYear,
        category: u.category,
      })),
    };
  }

  async imports(): Promise<AccidentImport[]> {
    return this.manager.find(AccidentImport, { order: { importedAt: 'DESC' }, take: 20 });
  }

  /** The commune sheet for elected officials: the last `years` imported years, PDASR actions. */
  async communeSheet(insee: string, years = 5): Promise<CommuneSheet> {
    const m = this.manager;
    const [commune] = (await m.query(
      'SELECT insee, name, population FROM commune WHERE insee = $1',
      [insee],
    )) as CommuneSheet['commune'][];
    if (!commune) throw AppError.notFound('Commune');
    const [{ max }] = (await m.query('SELECT MAX(year)::int AS max FROM road_accident')) as [
      { max: number | null },
    ];
    const to = max ?? new Date().getFullYear();
    const from = to - years + 1;
    const stats = await this.stats({ from, to, commune: insee });
    const fatal = (await m.query(
      `SELECT num_acc AS "numAcc", occurred_on::text AS date, address, killed, catr FROM road_accident
       WHERE commune_insee = $1 AND year BETWEEN $2 AND $3 AND killed > 0 ORDER BY occurred_on DESC`,
      [insee, from, to],
    )) as {
      numAcc: string;
      date: string;
      address: string | null;
      killed: number;
      catr: number | null;
    }[];
    const actions = (await m.query(
      `SELECT a.reference, c.year, a.title, a.applicant_name AS "applicantName", a.status, a.granted_amount AS "grantedAmount"
       FROM grant_application a JOIN grant_call c ON c.id = a.call_id
       WHERE c.fund = 'pdasr' AND ($1 = ANY(a.communes) OR a.applicant_commune_insee = $1)
       ORDER BY c.year DESC, a.reference`,
      [insee],
    )) as CommuneSheet['pdasrActions'];
    const yearCount = to - from + 1;
    return {
      commune,
      from,
      to,
      totals: stats.totals,
      byYear: stats.byYear,
      byUserCategory: stats.byUserCategory,
      byRoadType: stats.byRoadType,
      killedPer100k: commune.population
        ? Math.round((stats.totals.killed / yearCount / commune.population) * 100000 * 10) / 10
        : 0,
      fatalAccidents: fatal.map(({ catr, ...f }) => ({
        ...f,
        roadType: catr === null ? null : (ROAD_TYPE_LABELS[catr] ?? null),
      })),
      pdasrActions: actions,
    };
  }
}
