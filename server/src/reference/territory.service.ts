import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { z } from 'zod';
import { EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type {
  CantonRef,
  CirconscriptionRef,
  CommuneTerritory,
  ElectedOfficial,
  EpciRef,
  OfficialFunction,
  OfficialsToInform,
} from '../contracts/territory';
import { FORCE_KINDS, OFFICIAL_FUNCTIONS } from '../contracts/territory';
import { Contact } from '../directory/contact.entity';
import { Canton } from './canton.entity';
import { Circonscription } from './circonscription.entity';
import { Commune } from './commune.entity';
import { Epci } from './epci.entity';
import { referenceDataDir } from './reference-data';

export const TERRITORY_FILE = 'territory-63.json';

const code4 = z.string().regex(/^\d{4}$/);
const territoryFileSchema = z.object({
  circonscriptions: z.array(z.object({ code: code4, name: z.string(), toConfirm: z.boolean() })),
  cantons: z.array(
    z.object({
      code: code4,
      name: z.string(),
      seatInsee: z.string().regex(/^\d{5}$/),
      circonscriptionCode: code4,
      toConfirm: z.boolean(),
    }),
  ),
  epcis: z.array(
    z.object({ siren: z.string().regex(/^\d{9}$/), name: z.string(), kind: z.string() }),
  ),
  communes: z.record(
    z.string().regex(/^\d{5}$/),
    z.object({
      cantons: z.array(code4).min(1),
      circonscriptions: z.array(code4).min(1),
      epci: z.string().nullable(),
      force: z.object({ kind: z.enum(FORCE_KINDS), unit: z.string(), zone: z.string() }),
    }),
  ),
});

/**
 * Loads the shipped territorial reference (cantons, circonscriptions, EPCI, competent force of
 * each commune) in the caller's transaction, after the communes. Idempotent. Throws before
 * writing anything when the file is inconsistent (unknown canton, commune missing...).
 */
export async function seedTerritory(manager: EntityManager): Promise<void> {
  const raw: unknown = JSON.parse(await readFile(join(referenceDataDir(), TERRITORY_FILE), 'utf8'));
  const data = territoryFileSchema.parse(raw);
  const communes = (await manager.query('SELECT insee FROM commune')) as { insee: string }[];
  const cantons = new Set(data.cantons.map((c) => c.code));
  const circos = new Set(data.circonscriptions.map((c) => c.code));
  const epcis = new Set(data.epcis.map((e) => e.siren));
  const problems = communes
    .filter(({ insee }) => {
      const t = data.communes[insee];
      return (
        !t ||
        !t.cantons.every((c) => cantons.has(c)) ||
        !t.circonscriptions.every((c) => circos.has(c)) ||
        (t.epci !== null && !epcis.has(t.epci))
      );
    })
    .map((c) => c.insee);
  if (problems.length)
    throw new Error(`${TERRITORY_FILE}: bad or missing territory for ${problems.join(', ')}`);

  await manager.upsert(Circonscription, data.circonscriptions, ['code']);
  await manager.upsert(Canton, data.cantons, ['code']);
  await manager.upsert(Epci, data.epcis, ['siren']);
  const rows = Object.entries(data.communes).map(([insee, t]) => ({
    insee,
    canton_codes: t.cantons,
    circonscription_codes: t.circonscriptions,
    epci_siren: t.epci,
    force_kind: t.force.kind,
    force_unit: t.force.unit,
    force_zone: t.force.zone,
  }));
  await manager.query(
    `UPDATE commune c SET canton_codes = r.canton_codes,
            circonscription_codes = r.circonscription_codes, epci_siren = r.epci_siren,
            force_kind = r.force_kind, force_unit = r.force_unit, force_zone = r.force_zone
     FROM jsonb_to_recordset($1::jsonb) AS r(insee text, canton_codes text[],
          circonscription_codes text[], epci_siren text, force_kind text, force_unit text,
          force_zone text)
     WHERE c.insee = r.insee
       AND (c.canton_codes, c.circonscription_codes, c.epci_siren, c.force_kind, c.force_unit,
            c.force_zone) IS DISTINCT FROM (r.canton_codes, r.circonscription_codes,
            r.epci_siren, r.force_kind, r.force_unit, r.force_zone)`,
    [JSON.stringify(rows)],
  );
}

const INSEE = /^\d{5}$/;

/**
 * The territorial reference every module uses: for each commune its cantons,
 * circonscriptions, EPCI and competent security force, and the elected officials to inform
 * of something happening in some communes. Static data, read from the database.
 */
@Injectable()
export class TerritoryService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  listCantons(): Promise<(CantonRef & { seatInsee: string; circonscriptionCode: string })[]> {
    return this.manager.find(Canton, { order: { code: 'ASC' } }).then((rows) =>
      rows.map((c) => ({
        code: c.code,
        name: c.name,
        seatInsee: c.seatInsee,
        circonscriptionCode: c.circonscriptionCode,
      })),
    );
  }

  listCirconscriptions(): Promise<CirconscriptionRef[]> {
    return this.manager
      .find(Circonscription, { order: { code: 'ASC' } })
      .then((rows) => rows.map((c) => ({ code: c.code, name: c.name })));
  }

  listEpcis(): Promise<(EpciRef & { communes: number; population: number })[]> {
    return this.manager.query(
      `SELECT e.siren, e.name, e.kind, count(c.insee)::int AS communes,
              coalesce(sum(c.population), 0)::int AS population
       FROM epci e LEFT JOIN commune c ON c.epci_siren = e.siren
       GROUP BY e.siren ORDER BY e.name`,
    );
  }

  async listTerritory(): Promise<CommuneTerritory[]> {
    return this.load();
  }

  /** One commune's territory; 400 for a malformed code, 404 when not a Puy-de-Dôme commune. */
  async communeTerritory(insee: string): Promise<CommuneTerritory> {
    if (!INSEE.test(insee))
      throw new AppError('validation', 'Invalid INSEE code', [
        { path: 'insee', message: 'must be 5 digits' },
      ]);
    const [found] = await this.load([insee]);
    if (!found) throw AppError.notFound('Commune');
    return found;
  }

  /**
   * Who must be informed of something in these communes: their mayors, the deputies of their
   * circonscriptions, the departmental councillors of their cantons and the senators of the
   * département (active directory contacts). 400 naming the unknown codes.
   */
  async officialsToInform(communeInsees: readonly string[]): Promise<OfficialsToInform> {
    const wanted = [...new Set(communeInsees)];
    const territories = await this.load(wanted);
    const known = new Set(territories.map((t) => t.insee));
    const unknown = wanted.filter((c) => !known.has(c));
    if (unknown.length)
      throw new AppError(
        'validation',
        'Unknown communes',
        unknown.map((c) => ({ path: 'communes', message: `${c}: not a Puy-de-Dôme commune` })),
      );
    const cantons = [...new Set(territories.flatMap((t) => t.cantons.map((c) => c.code)))];
    const circos = [...new Set(territories.flatMap((t) => t.circonscriptions.map((c) => c.code)))];
    const qb = this.manager
      .createQueryBuilder(Contact, 'c')
      .where('c.active')
      .andWhere(
        `((c.function = 'maire' AND c.commune_insee = ANY(:communes))
          OR (c.function = 'depute' AND c.circonscription_code = ANY(:circos))
          OR (c.function = 'conseiller_departemental' AND c.canton_code = ANY(:cantons))
          OR c.function = 'senateur')`,
        { communes: wanted, circos, cantons },
      )
      .orderBy('c.name', 'ASC');
    const officials = (await qb.getMany()).map(toOfficial);
    const of = (f: OfficialFunction) => officials.filter((o) => o.function === f);
    return {
      mayors: of('maire'),
      deputies: of('depute'),
      departmentalCouncillors: of('conseiller_departemental'),
      senators: of('senateur'),
    };
  }

  /** Elected officials of the directory, optionally of one function. */
  async listOfficials(fn?: OfficialFunction): Promise<ElectedOfficial[]> {
    const rows = await this.manager.find(Contact, {
      where: { active: true, function: fn ? fn : In([...OFFICIAL_FUNCTIONS]) },
      order: { name: 'ASC' },
    });
    return rows.map(toOfficial);
  }

  private async load(insees?: string[]): Promise<CommuneTerritory[]> {
    const [communes, cantons, circos, epcis] = await Promise.all([
      this.manager.find(Commune, {
        select: {
          insee: true,
          name: true,
          population: true,
          arrondissement: true,
          arrondissementName: true,
          cantonCodes: true,
          circonscriptionCodes: true,
          epciSiren: true,
          forceKind: true,
          forceUnit: true,
          forceZone: true,
        },
        where: insees ? { insee: In(insees) } : {},
        order: { insee: 'ASC' },
      }),
      this.manager.find(Canton),
      this.manager.find(Circonscription),
      this.manager.find(Epci),
    ]);
    const canton = new Map(cantons.map((c) => [c.code, { code: c.code, name: c.name }]));
    const circo = new Map(circos.map((c) => [c.code, { code: c.code, name: c.name }]));
    const epci = new Map(
      epcis.map((e) => [e.siren, { siren: e.siren, name: e.name, kind: e.kind }]),
    );
    return communes.map((c) => ({
      insee: c.insee,
      name: c.name,
      population: c.population,
      arrondissement: { code: c.arrondissement, name: c.arrondissementName },
      cantons: c.cantonCodes.flatMap((k) => canton.get(k) ?? []),
      circonscriptions: c.circonscriptionCodes.flatMap((k) => circo.get(k) ?? []),
      epci: (c.epciSiren && epci.get(c.epciSiren)) || null,
      force: {
        kind: c.forceKind ?? 'gendarmerie',
        unit: c.forceUnit ?? 'Non renseignée',
        zone: c.forceZone ?? 'Non renseignée',
      },
    }));
  }
}

function toOfficial(c: Contact): ElectedOfficial {
  return {
    contactId: c.id,
    name: c.name,
    function: c.function as OfficialFunction,
    title: c.title,
    communeInsee: c.communeInsee,
    cantonCode: c.cantonCode,
    circonscriptionCode: c.circonscriptionCode,
    email: c.email,
    mobile: c.mobile,
  };
}
