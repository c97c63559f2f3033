/**
 * Honours and medals (distinctions honorifiques): codes, rule-set shape, request schemas and
 * response shapes, shared with the client. No Nest imports.
 */
import { z } from 'zod';

export const DISTINCTIONS = [
  'travail',
  'rdc',
  'famille',
  'courage',
  'jeunesse_sports',
  'sapeurs_pompiers',
  'legion_honneur',
  'ordre_merite',
] as const;
export type Distinction = (typeof DISTINCTIONS)[number];

/** Distinctions a candidate may already hold: ours plus the ones that only count for gaps. */
export const HELD_DISTINCTIONS = [...DISTINCTIONS, 'medaille_militaire', 'agricole'] as const;
export type HeldDistinction = (typeof HELD_DISTINCTIONS)[number];

export const DISTINCTION_LABELS: Record<HeldDistinction, string> = {
  travail: "Médaille d'honneur du travail",
  rdc: "Médaille d'honneur régionale, départementale et communale",
  famille: "Médaille de l'enfance et des familles",
  courage: 'Médaille pour acte de courage et de dévouement',
  jeunesse_sports: "Médaille de la jeunesse, des sports et de l'engagement associatif",
  sapeurs_pompiers: "Médaille d'honneur des sapeurs-pompiers",
  legion_honneur: "Légion d'honneur",
  ordre_merite: 'Ordre national du Mérite',
  medaille_militaire: 'Médaille militaire',
  agricole: "Médaille d'honneur agricole",
};

export const ECHELON_LABELS: Record<string, string> = {
  argent: 'argent',
  vermeil: 'vermeil',
  or: 'or',
  grand_or: 'grand or',
  bronze: 'bronze',
  lettre_felicitations: 'lettre de félicitations',
  mention_honorable: 'mention honorable',
  argent_2: 'argent 2e classe',
  argent_1: 'argent 1re classe',
  chevalier: 'chevalier',
  officier: 'officier',
  commandeur: 'commandeur',
  grand_officier: 'grand officier',
  grand_croix: 'grand-croix',
};
export const echelonLabel = (code: string): string => ECHELON_LABELS[code] ?? code;

const isoDate = z.iso.date('a date (YYYY-MM-DD)');
const monthDay = z.string().regex(/^\d{2}-\d{2}$/, 'a month-day (MM-DD)');

// --------------------------------------------------------------------------- rule sets
/**
 * One version of a distinction's rules, stored as a row with an effective date
 * (`honours_rule_set`). `toConfirm` names the values still to check against the texts.
 */
export const ruleSetSchema = z
  .object({
    /** What the candidate must prove: years of service, children, or a courageous act. */
    basis: z.enum(['seniority', 'children', 'act']),
    authority: z.string(),
    /** Where the candidate must be for the préfet of the Puy-de-Dôme to be competent. */
    competence: z.enum(['residence', 'lieu_des_faits', 'lieu_d_exercice', 'proposition']),
    echelons: z.array(
      z
        .object({
          code: z.string(),
          rank: z.number().int(),
          /** Years of service (seniority) required at the promotion date. */
          years: z.number().min(0).optional(),
          /** Children counted (basis `children`). */
          minChildren: z.number().int().min(0).optional(),
          /** Years the previous échelon must have been held (counted from its date). */
          yearsInPrevious: z.number().min(0).optional(),
          /** Deciding authority when it differs from the distinction's. */
          authority: z.string().optional(),
        })
        .strict(),
    ),
    /** Échelons must be obtained one after the other (no skipping). */
    successive: z.boolean(),
    /** How part-time service counts: pro rata of the ratio, or as full time. */
    partTime: z.enum(['prorata', 'full']),
    /** Caps per kind of period, in years (e.g. parental leave ≤ 1 y). */
    caps: z.record(z.string(), z.number().min(0)).default({}),
    /** Seniority reductions (years) the candidate may claim by code. */
    reductions: z
      .array(z.object({ code: z.string(), label: z.string(), years: z.number() }).strict())
      .default([]),
    /** Minimum gap after another distinction held (counted from its date, or réception). */
    crossGaps: z
      .array(
        z.object({ after: z.array(z.enum(HELD_DISTINCTIONS)), years: z.number().min(0) }).strict(),
      )
      .default([]),
    /** Categories of people who cannot receive the distinction. */
    exclusions: z.array(z.object({ code: z.string(), label: z.string() }).strict()).default([]),
    /** Promotion dates (MM-DD) and their filing cut-off (MM-DD, the last day accepted, in the year before when later in the year). */
    promotions: z.array(z.object({ date: monthDay, cutoff: monthDay }).strict()).default([]),
    /** Service must have ended no more than this many years before the promotion. */
    maxYearsAfterServiceEnd: z.number().min(0).optional(),
    /** Basis `act`: the request must follow the act within this many months. */
    maxMonthsAfterAct: z.number().int().min(0).optional(),
    /** Basis `children`: the eldest must be at least this old at the promotion date. */
    eldestMinAge: z.number().int().min(0).optional(),
    /** Default contingent per échelon for a promotion (when the distinction has one). */
    contingents: z.record(z.string(), z.number().int().min(0)).default({}),
    /** Arrêté: title and visas (the « Vu » clauses), signature line. */
    arrete: z
      .object({
        title: z.string(),
        visas: z.array(z.string()),
        article: z.string(),
        signature: z.string(),
      })
      .strict(),
    /** Retention of a closed dossier, in years, per final state (RGPD). */
    retentionYears: z.record(z.string(), z.number().min(0)).default({}),
  })
  .strict();
export type RuleSet = z.infer<typeof ruleSetSchema>;

export interface RuleSetDto {
  id: string;
  distinction: Distinction;
  label: string;
  effectiveFrom: string;
  rules: RuleSet;
  /** Paths of values still to confirm against the texts ([verify]). */
  toConfirm: string[];
  source: string;
}

// --------------------------------------------------------------------------- eligibility
export const PERIOD_KINDS = [
  'service',
  'service_national',
  'conge_parental',
  'conge_maternite',
  'benevolat',
] as const;
export const PERIOD_KIND_LABELS: Record<(typeof PERIOD_KINDS)[number], string> = {
  service: 'Activité',
  service_national: 'Service national',
  conge_parental: 'Congé parental',
  conge_maternite: 'Congé de maternité',
  benevolat: 'Bénévolat / engagement',
};

export const servicePeriodSchema = z
  .object({
    employer: z.string().trim().max(200).optional(),
    start: isoDate,
    /** Last day of the period (inclusive); absent: still going on. */
    end: isoDate.optional(),
    /** Share of full time, 0 < ratio ≤ 1 (0.8 = 80 %). */
    ratio: z.number().gt(0).max(1).optional(),
    kind: z.enum(PERIOD_KINDS).optional(),
  })
  .strict()
  .refine((p) => !p.end || p.end >= p.start, { message: 'end before start', path: ['end'] });
export type ServicePeriod = z.infer<typeof servicePeriodSchema>;

export const heldSchema = z
  .object({
    distinction: z.enum(HELD_DISTINCTIONS),
    echelon: z.string().trim().toLowerCase().min(1).max(40),
    /** Date of the decision (for LH/ONM: of the réception). */
    date: isoDate,
  })
  .strict();
export type Held = z.infer<typeof heldSchema>;

export const childSchema = z
  .object({
    birthDate: isoDate,
    deathDate: isoDate.optional(),
    french: z.boolean().default(true),
  })
  .strict();

export const eligibilityRequestSchema = z
  .object({
    distinction: z.enum(DISTINCTIONS),
    echelon: z.string().trim().toLowerCase().min(1).max(40),
    promotionDate: isoDate,
    servicePeriods: z.array(servicePeriodSchema).max(100).default([]),
    held: z.array(heldSchema).max(50).default([]),
    /** Filing date: after the promotion's cut-off the dossier moves to the next promotion. */
    filedAt: isoDate.optional(),
    /** Reduction codes claimed (see the rule set). */
    reductions: z.array(z.string().max(40)).max(10).default([]),
    /** Categories of the candidate checked against the exclusions (e.g. `fonctionnaire_etat`). */
    categories: z.array(z.string().max(40)).max(10).default([]),
    /** Basis `children`. */
    children: z.array(childSchema).max(30).default([]),
    /** Basis `act`: date of the act. */
    actDate: isoDate.optional(),
  })
  .strict();
export type EligibilityRequest = z.input<typeof eligibilityRequestSchema>;
export type EligibilityInput = z.output<typeof eligibilityRequestSchema>;

export interface EligibilityCheck {
  rule:
    | 'seniority'
    | 'children'
    | 'act'
    | 'order'
    | 'gap'
    | 'cross_gap'
    | 'exclusion'
    | 'held'
    | 'service_end';
  ok: boolean;
  message: string;
}

export interface EligibilityResult {
  eligible: boolean;
  distinction: Distinction;
  echelon: string;
  /** The promotion the dossier belongs to (moved when filed after the cut-off). */
  promotionDate: string;
  seniority: { years: number; months: number; days: number };
  /** Seniority required after reductions, when the basis is seniority. */
  required: { years: number; months: number; days: number } | null;
  /** One sentence per check, French, `;`-free: « argent : 21 ans 4 mois au 14/07/2027 ≥ 20 ans — éligible ». */
  explanation: string;
  checks: EligibilityCheck[];
  warnings: string[];
  ruleSet: { id: string; effectiveFrom: string; toConfirm: string[] };
}

// --------------------------------------------------------------------------- dossiers
export const DOSSIER_STATUSES = [
  'depose',
  'incomplet',
  'complet',
  'en_instruction',
  'avis',
  'retenu',
  'arrete',
  'publie',
  'notifie',
  'remis',
  'rejete',
  'ajourne',
  'classe_sans_suite',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  depose: 'Déposé',
  incomplet: 'Incomplet',
  complet: 'Complet',
  en_instruction: 'En instruction',
  avis: 'Avis',
  retenu: 'Retenu',
  arrete: 'Arrêté',
  publie: 'Publié',
  notifie: 'Notifié',
  remis: 'Remis',
  rejete: 'Rejeté',
  ajourne: 'Ajourné',
  classe_sans_suite: 'Classé sans suite',
};

export const PROPOSER_KINDS = [
  'candidat',
  'employeur',
  'collectivite',
  'parlementaire',
  'initiative_citoyenne',
  'hierarchie',
  'autre',
] as const;
export const CHANNELS = ['papier', 'demarches_simplifiees', 'courriel'] as const;
export const OPINION_KINDS = ['hierarchie', 'maire', 'honorabilite', 'udaf', 'autre'] as const;
/** Only the outcome of the honorability inquiry is stored, never the criminal record. */
export const OPINION_OUTCOMES = ['favorable', 'reserve', 'defavorable'] as const;

const name = z.string().trim().min(1).max(120);
export const dossierSchema = z
  .object({
    distinction: z.enum(DISTINCTIONS),
    echelon: z.string().trim().toLowerCase().min(1).max(40),
    candidate: z
      .object({
        civility: z.enum(['M.', 'Mme']),
        sex: z.enum(['F', 'H']),
        lastName: name,
        firstName: name,
        birthDate: isoDate,
        birthPlace: z.string().trim().max(120).optional(),
        nationality: z.string().trim().min(2).max(60).default('française'),
        address: z.string().trim().max(300).optional(),
        communeInsee: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code'),
        email: z.email().max(254).optional(),
        phone: z.string().trim().max(30).optional(),
        occupation: z.string().trim().max(200).optional(),
        employer: z.string().trim().max(200).optional(),
        employerCity: z.string().trim().max(120).optional(),
      })
      .strict(),
    proposer: z
      .object({ kind: z.enum(PROPOSER_KINDS), name: z.string().trim().max(200).optional() })
      .strict()
      .default({ kind: 'candidat' }),
    channel: z.enum(CHANNELS).default('papier'),
    filedAt: isoDate.optional(),
    /** The promotion asked for; moved to the next one when filed after its cut-off. */
    promotionDate: isoDate.optional(),
    servicePeriods: z.array(servicePeriodSchema).max(100).default([]),
    held: z.array(heldSchema).max(50).default([]),
    reductions: z.array(z.string().max(40)).max(10).default([]),
    categories: z.array(z.string().max(40)).max(10).default([]),
    children: z.array(childSchema).max(30).default([]),
    actDate: isoDate.optional(),
    documents: z
      .array(z.object({ label: z.string().trim().min(1).max(200), received: z.boolean() }).strict())
      .max(50)
      .default([]),
    opinions: z
      .array(
        z
          .object({
            kind: z.enum(OPINION_KINDS),
            outcome: z.enum(OPINION_OUTCOMES),
            author: z.string().trim().max(200).optional(),
            date: isoDate,
          })
          .strict(),
      )
      .max(20)
      .default([]),
  })
  .strict();
export type DossierInput = z.input<typeof dossierSchema>;

export const dossierTransitionSchema = z
  .object({ to: z.enum(DOSSIER_STATUSES), note: z.string().trim().max(2000).optional() })
  .strict();

export const bulkTransitionSchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(1000),
    to: z.enum(DOSSIER_STATUSES),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export interface DossierHistoryEntry {
  from: DossierStatus | null;
  to: DossierStatus;
  at: string;
  by: string | null;
  byName: string;
  note: string | null;
}

export interface DossierDto {
  id: string;
  reference: string;
  distinction: Distinction;
  echelon: string;
  status: DossierStatus;
  candidate: z.output<typeof dossierSchema>['candidate'] & { communeName: string | null };
  proposer: { kind: (typeof PROPOSER_KINDS)[number]; name?: string };
  channel: (typeof CHANNELS)[number];
  filedAt: string;
  promotionId: string | null;
  promotionDate: string | null;
  servicePeriods: ServicePeriod[];
  held: Held[];
  reductions: string[];
  categories: string[];
  children: z.output<typeof childSchema>[];
  actDate: string | null;
  documents: { label: string; received: boolean }[];
  opinions: z.output<typeof dossierSchema>['opinions'];
  eligibility: EligibilityResult;
  warnings: string[];
  arreteRank: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  history: DossierHistoryEntry[];
  /** Transitions the caller may make now. */
  allowed: DossierStatus[];
}

export type DossierSummary = Pick<
  DossierDto,
  | 'id'
  | 'reference'
  | 'distinction'
  | 'echelon'
  | 'status'
  | 'filedAt'
  | 'promotionDate'
  | 'promotionId'
> & {
  civility: string;
  lastName: string;
  firstName: string;
  sex: 'F' | 'H';
  communeName: string | null;
  eligible: boolean;
};

// --------------------------------------------------------------------------- promotions
export const PROMOTION_STATUSES = ['ouverte', 'close', 'arretee', 'publiee'] as const;
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number];
export const PROMOTION_STATUS_LABELS: Record<PromotionStatus, string> = {
  ouverte: 'Ouverte',
  close: 'Close',
  arretee: 'Arrêtée',
  publiee: 'Publiée au RAA',
};

export const promotionSchema = z
  .object({
    distinction: z.enum(DISTINCTIONS),
    date: isoDate,
    contingents: z.record(z.string(), z.number().int().min(0)).optional(),
  })
  .strict();
export const promotionUpdateSchema = z
  .object({
    status: z.enum(['ouverte', 'close']).optional(),
    contingents: z.record(z.string(), z.number().int().min(0)).optional(),
  })
  .strict();

export interface PromotionStats {
  echelons: {
    echelon: string;
    retained: number;
    contingent: number | null;
    women: number;
    men: number;
  }[];
  byStatus: Partial<Record<DossierStatus, number>>;
  parity: { women: number; men: number; womenShare: number | null };
}

export interface PromotionDto {
  id: string;
  distinction: Distinction;
  date: string;
  cutoff: string | null;
  status: PromotionStatus;
  contingents: Record<string, number>;
  arreteNumber: string | null;
  arreteDate: string | null;
  publishedAt: string | null;
  stats: PromotionStats;
}

// --------------------------------------------------------------------------- ceremonies
export const ceremonySchema = z
  .object({
    kind: z.enum(['ceremonie', 'reception']).default('ceremonie'),
    title: z.string().trim().min(2).max(200),
    date: z.iso.datetime({ offset: true }),
    place: z.string().trim().min(2).max(200),
    communeInsee: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    presiding: z.string().trim().min(2).max(200),
    /** Réception (LH/ONM): the member of the order who presents the insignia, and their grade. */
    delegate: z.string().trim().max(200).optional(),
    delegateGrade: z.string().trim().max(60).optional(),
    dossierIds: z.array(z.uuid()).max(500).default([]),
  })
  .strict();

export interface CeremonyDto {
  id: string;
  kind: 'ceremonie' | 'reception';
  title: string;
  date: string;
  place: string;
  communeInsee: string | null;
  presiding: string;
  delegate: string | null;
  delegateGrade: string | null;
  status: 'prevue' | 'tenue';
  invitationsSentAt: string | null;
  recipients: {
    id: string;
    reference: string;
    name: string;
    distinction: Distinction;
    echelon: string;
    status: DossierStatus;
  }[];
}

// --------------------------------------------------------------------------- import
export interface HonoursImportResult {
  imported: number;
  skipped: { line: number; column: string; message: string }[];
  references: string[];
}
