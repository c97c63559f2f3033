/**
 * Road safety contract (DGO, BAAC accident import, dashboards, map, commune sheet), shared with
 * the client. No Nest imports. BAAC codes are ONISR's (2019+ schema).
 */
import { z } from 'zod';

export const SEVERITIES = ['mortel', 'grave', 'leger', 'indemne'] as const;
export type AccidentSeverity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<AccidentSeverity, string> = {
  mortel: 'Mortel',
  grave: 'Avec blessé hospitalisé',
  leger: 'Avec blessé léger',
  indemne: 'Sans blessé',
};

export const USER_CATEGORIES = [
  'pieton',
  'velo',
  'edp',
  'cyclo',
  'moto',
  'vl',
  'vu',
  'pl',
  'transport_commun',
  'autre',
] as const;
export type UserCategory = (typeof USER_CATEGORIES)[number];
export const USER_CATEGORY_LABELS: Record<UserCategory, string> = {
  pieton: 'Piéton',
  velo: 'Cycliste',
  edp: 'Engin de déplacement personnel',
  cyclo: 'Cyclomoteur',
  moto: 'Motocyclette',
  vl: 'Véhicule léger',
  vu: 'Véhicule utilitaire',
  pl: 'Poids lourd',
  transport_commun: 'Transport en commun',
  autre: 'Autre',
};

/** BAAC `catr`. */
export const ROAD_TYPE_LABELS: Record<number, string> = {
  1: 'Autoroute',
  2: 'Route nationale',
  3: 'Route départementale',
  4: 'Voie communale',
  5: 'Hors réseau public',
  6: 'Parc de stationnement',
  7: 'Route de métropole urbaine',
  9: 'Autre',
};

/** BAAC `grav` of a user. */
export const GRAVITY = { indemne: 1, tue: 2, hospitalise: 3, leger: 4 } as const;

export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const BAAC_FILES = ['caracteristiques', 'lieux', 'vehicules', 'usagers'] as const;
export type BaacFile = (typeof BAAC_FILES)[number];

export interface SeverityTotals {
  accidents: number;
  mortel: number;
  grave: number;
  leger: number;
  indemne: number;
  killed: number;
  hospitalised: number;
  slightlyInjured: number;
  unharmed: number;
}

export interface AccidentImportReport {
  id: string;
  years: number[];
  mode: ImportMode;
  /** Accidents of the département in the files. */
  accidentsRead: number;
  accidentsImported: number;
  /** Accidents left out (valid_only mode) with their problems. */
  accidentsRejected: number;
  otherDepartments: number;
  vehicles: number;
  users: number;
  totals: SeverityTotals;
  /** Accidents these years had before the import (they are replaced). */
  replaced: number;
  problems: { path: string; message: string }[];
  importedAt: string;
  importedBy: string;
}

export const statsQuerySchema = z
  .object({
    from: z.coerce.number().int().min(2005).max(2100).optional(),
    to: z.coerce.number().int().min(2005).max(2100).optional(),
    commune: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
  })
  .strict();
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const accidentsQuerySchema = statsQuerySchema.extend({
  severity: z.enum(SEVERITIES).optional(),
});
export type AccidentsQuery = z.infer<typeof accidentsQuerySchema>;

export interface CountRow {
  accidents: number;
  killed: number;
  hospitalised: number;
  slightlyInjured: number;
}

export interface AccidentStats {
  from: number | null;
  to: number | null;
  commune: string | null;
  availableYears: number[];
  totals: SeverityTotals;
  byYear: (CountRow & { year: number })[];
  byMonth: (CountRow & { month: number })[];
  bySeverity: { severity: AccidentSeverity; accidents: number }[];
  byRoadType: (CountRow & { catr: number | null; label: string })[];
  byUserCategory: {
    category: UserCategory;
    users: number;
    killed: number;
    hospitalised: number;
    slightlyInjured: number;
  }[];
  bySetting: (CountRow & { setting: 'agglomeration' | 'hors_agglomeration' })[];
  byLight: (CountRow & { lum: number; label: string })[];
}

/** One point of the accident map. */
export interface AccidentPoint {
  numAcc: string;
  date: string;
  lat: number;
  lon: number;
  severity: AccidentSeverity;
  communeInsee: string;
  killed: number;
  hospitalised: number;
}

export interface AccidentDetail extends AccidentPoint {
  time: string;
  address: string | null;
  catr: number | null;
  roadType: string | null;
  vma: number | null;
  lum: number;
  agg: number;
  atm: number | null;
  vehicles: { numVeh: string; catv: number; category: UserCategory }[];
  users: {
    numVeh: string | null;
    catu: number;
    grav: number;
    sexe: number | null;
    birthYear: number | null;
    category: UserCategory;
  }[];
}

export const createDgoSchema = z
  .object({
    startYear: z.number().int().min(2000).max(2100),
    endYear: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(3).max(300),
    orientations: z.string().trim().max(10000).optional(),
    adoptedOn: z.iso.date().optional(),
    /** Yearly targets: at most this many killed (tués à 30 jours) per year. */
    targetKilledPerYear: z.number().int().min(0).max(10000).optional(),
    stakes: z
      .array(
        z
          .object({
            code: z
              .string()
              .trim()
              .regex(/^[A-Z0-9_-]{1,20}$/, 'a code in capitals'),
            label: z.string().trim().min(2).max(300),
            description: z.string().trim().max(2000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
  })
  .strict()
  .refine((d) => d.endYear >= d.startYear, { path: ['endYear'], message: 'before startYear' });
export type CreateDgoRequest = z.input<typeof createDgoSchema>;

export interface Dgo {
  id: string;
  startYear: number;
  endYear: number;
  title: string;
  orientations: string | null;
  adoptedOn: string | null;
  targetKilledPerYear: number | null;
  stakes: { code: string; label: string; description: string | null }[];
  /** Killed per year of the period, from the imported accidents. */
  killedByYear: { year: number; killed: number; target: number | null }[];
}

export interface CommuneSheet {
  commune: { insee: string; name: string; population: number };
  from: number;
  to: number;
  totals: SeverityTotals;
  byYear: (CountRow & { year: number })[];
  byUserCategory: AccidentStats['byUserCategory'];
  byRoadType: AccidentStats['byRoadType'];
  /** Killed per 100,000 inhabitants per year over the period. */
  killedPer100k: number;
  fatalAccidents: {
    numAcc: string;
    date: string;
    address: string | null;
    killed: number;
    roadType: string | null;
  }[];
  pdasrActions: {
    reference: string;
    year: number;
    title: string;
    applicantName: string;
    status: string;
    grantedAmount: number | null;
  }[];
}
