/**
 * Fire and rescue oversight (SDIS 63): fire stations (CIS) with their first-call sectors,
 * framework documents with revision due dates, yearly intervention statistics. No Nest imports.
 */
import { z } from 'zod';

export const CIS_CATEGORIES = ['CSP', 'CS', 'CPI'] as const;
export type CisCategory = (typeof CIS_CATEGORIES)[number];
export const CIS_CATEGORY_LABELS: Record<CisCategory, string> = {
  CSP: 'Centre de secours principal',
  CS: 'Centre de secours',
  CPI: 'Centre de première intervention',
};

export const FRAMEWORK_DOCUMENT_KINDS = ['SDACR', 'RO', 'COTRRIM'] as const;
export type FrameworkDocumentKind = (typeof FRAMEWORK_DOCUMENT_KINDS)[number];
export const FRAMEWORK_DOCUMENT_LABELS: Record<FrameworkDocumentKind, string> = {
  SDACR: 'Schéma départemental d’analyse et de couverture des risques (SDACR)',
  RO: 'Règlement opérationnel',
  COTRRIM: 'Contrat territorial de réponse aux risques et aux effets des menaces (CoTRRiM)',
};

export const STAT_NATURES = [
  'secours_personne',
  'accidents_circulation',
  'incendies',
  'risques_technologiques',
  'operations_diverses',
] as const;
export type StatNature = (typeof STAT_NATURES)[number];
export const STAT_NATURE_LABELS: Record<StatNature, string> = {
  secours_personne: 'Secours à personne',
  accidents_circulation: 'Accidents de circulation',
  incendies: 'Incendies',
  risques_technologiques: 'Risques technologiques',
  operations_diverses: 'Opérations diverses',
};

const insee = z.string().regex(/^\d{5}$/, 'an INSEE commune code');

export const cisSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{2,30}$/, 'upper-case letters, digits and dashes'),
    name: z.string().trim().min(2).max(200),
    category: z.enum(CIS_CATEGORIES),
    communeInsee: insee,
    address: z.string().trim().max(300).nullish(),
    groupement: z.string().trim().max(100).nullish(),
    staffProfessional: z.number().int().min(0).max(2000).default(0),
    staffVolunteer: z.number().int().min(0).max(2000).default(0),
    fictitious: z.boolean().default(false),
  })
  .strict();
export type CisInput = z.infer<typeof cisSchema>;
export const updateCisSchema = cisSchema.partial().strict();

/** Moves communes into a CIS's first-call sector (each commune leaves its former sector). */
export const assignSectorSchema = z
  .object({ communeInsees: z.array(insee).min(1).max(500) })
  .strict();

/** CSV `commune;cis` (INSEE code; CIS code), all or nothing, with a row/column report. */
export const sectorImportSchema = z
  .object({
    csv: z.string().min(1).max(500_000),
    /** Refuse the file unless it covers every commune of the département. */
    requireComplete: z.boolean().default(true),
  })
  .strict();

export const frameworkDocumentSchema = z
  .object({
    kind: z.enum(FRAMEWORK_DOCUMENT_KINDS),
    title: z.string().trim().min(2).max(300),
    version: z.string().trim().min(1).max(40),
    approvedOn: z.iso.date(),
    /** Prefectoral arrêté of approval. */
    arreteReference: z.string().trim().max(100).nullish(),
    /** Defaults to approval + the rule table's revision period. */
    revisionDueOn: z.iso.date().optional(),
    notes: z.string().trim().max(2000).nullish(),
  })
  .strict();
export type FrameworkDocumentInput = z.infer<typeof frameworkDocumentSchema>;

/** CSV `annee;nature;nombre`, all or nothing; the years present replace those stored. */
export const statsImportSchema = z.object({ csv: z.string().min(1).max(500_000) }).strict();

export interface Cis {
  id: string;
  code: string;
  name: string;
  category: CisCategory;
  communeInsee: string;
  communeName: string;
  address: string | null;
  groupement: string | null;
  staffProfessional: number;
  staffVolunteer: number;
  fictitious: boolean;
  lon: number;
  lat: number;
  sectorCommunes: number;
  sectorPopulation: number;
}

export interface CisDetail extends Cis {
  sector: { insee: string; name: string; population: number }[];
}

export interface SectorCoverage {
  communes: number;
  covered: number;
  /** Communes in no first-call sector. */
  missing: { insee: string; name: string }[];
  /** Communes claimed by two sectors (impossible in the database; reported by imports). */
  duplicates: { insee: string; name: string; cis: string[] }[];
  complete: boolean;
}

export type DocumentState = 'a_jour' | 'revision_proche' | 'revision_depassee';
export const DOCUMENT_STATE_LABELS: Record<DocumentState, string> = {
  a_jour: 'À jour',
  revision_proche: 'Révision à préparer',
  revision_depassee: 'Révision dépassée',
};

export interface FrameworkDocument {
  id: string;
  kind: FrameworkDocumentKind;
  title: string;
  version: string;
  approvedOn: string;
  arreteReference: string | null;
  revisionDueOn: string;
  notes: string | null;
  /** Latest version of its kind (older ones are history). */
  current: boolean;
  state: DocumentState;
  daysLeft: number;
}

export interface FireStatsYear {
  year: number;
  total: number;
  byNature: Record<StatNature, number>;
}

export interface ImportReport {
  imported: number;
  problems: { row: number; column: string; problem: string }[];
}

export interface FireRescueRule {
  kind: FrameworkDocumentKind;
  effectiveFrom: string;
  revisionYears: number;
  alertMonthsBefore: number;
  toConfirm: boolean;
  source: string;
}

export interface FireDocumentAlertEvent {
  id: string;
  kind: FrameworkDocumentKind;
  title: string;
  revisionDueOn: string;
  state: DocumentState;
}
