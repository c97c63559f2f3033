/**
 * Territorial reference shared by every module: for each commune, its canton(s), legislative
 * circonscription(s), EPCI and competent security force; and the elected officials to inform.
 * Served by the ReferenceModule (`TerritoryService`, `GET /api/reference/territory…`).
 */

export const FORCE_KINDS = ['police', 'gendarmerie'] as const;
export type ForceKind = (typeof FORCE_KINDS)[number];

export interface CantonRef {
  /** INSEE canton code, e.g. `6310`. */
  code: string;
  name: string;
}

export interface CirconscriptionRef {
  /** `6301` to `6305`. */
  code: string;
  /** « 1re circonscription du Puy-de-Dôme ». */
  name: string;
}

export interface EpciRef {
  siren: string;
  name: string;
  /** `METRO`, `CA`, `CC`. */
  kind: string;
}

export interface CompetentForce {
  kind: ForceKind;
  /** Commissariat or brigade de gendarmerie. */
  unit: string;
  /** Circonscription de sécurité publique or compagnie de gendarmerie. */
  zone: string;
}

export interface CommuneTerritory {
  insee: string;
  name: string;
  population: number;
  arrondissement: { code: string; name: string };
  /** Several only for communes split between cantons (Clermont-Ferrand). */
  cantons: CantonRef[];
  circonscriptions: CirconscriptionRef[];
  epci: EpciRef | null;
  force: CompetentForce;
}

export const OFFICIAL_FUNCTIONS = [
  'maire',
  'depute',
  'senateur',
  'conseiller_departemental',
] as const;
export type OfficialFunction = (typeof OFFICIAL_FUNCTIONS)[number];

/** An elected official, from the directory of contacts. */
export interface ElectedOfficial {
  contactId: string;
  name: string;
  function: OfficialFunction;
  title: string | null;
  communeInsee: string | null;
  cantonCode: string | null;
  circonscriptionCode: string | null;
  email: string | null;
  mobile: string | null;
}

/** Who must be informed of an event in some communes (a visit, an intervention…). */
export interface OfficialsToInform {
  mayors: ElectedOfficial[];
  deputies: ElectedOfficial[];
  departmentalCouncillors: ElectedOfficial[];
  senators: ElectedOfficial[];
}
