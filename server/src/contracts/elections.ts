/**
 * Elections contract (scrutins, bureaux de vote, candidatures, participation, results night):
 * request schemas and response shapes shared with the client. No Nest imports here.
 */
import { z } from 'zod';

export const ELECTION_TYPES = [
  'presidentielle',
  'legislatives',
  'europeennes',
  'senatoriales',
  'regionales',
  'departementales',
  'municipales',
  'partielle',
] as const;
export type ElectionType = (typeof ELECTION_TYPES)[number];
export const ELECTION_TYPE_LABELS: Record<ElectionType, string> = {
  presidentielle: 'Présidentielle',
  legislatives: 'Législatives',
  europeennes: 'Européennes',
  senatoriales: 'Sénatoriales',
  regionales: 'Régionales',
  departementales: 'Départementales',
  municipales: 'Municipales et communautaires',
  partielle: 'Élection partielle',
};

/**
 * The voting system a scrutin follows: a by-election (`partielle`) says which one through its
 * `system` (e.g. a municipal by-election uses `municipales`).
 */
export type ElectionSystem = Exclude<ElectionType, 'partielle'>;

export const SCRUTIN_STATUSES = [
  'preparation',
  'candidatures',
  'jour_du_scrutin',
  'resultats',
  'clos',
] as const;
export type ScrutinStatus = (typeof SCRUTIN_STATUSES)[number];
export const SCRUTIN_STATUS_LABELS: Record<ScrutinStatus, string> = {
  preparation: 'En préparation',
  candidatures: 'Dépôt des candidatures',
  jour_du_scrutin: 'Jour du scrutin',
  resultats: 'Centralisation des résultats',
  clos: 'Clos',
};

export const CIRCONSCRIPTION_KINDS = [
  'commune',
  'canton',
  'legislative',
  'departement',
  'section',
] as const;
export type CirconscriptionKind = (typeof CIRCONSCRIPTION_KINDS)[number];

const insee = z.string().regex(/^\d{5}$/, 'an INSEE commune code');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
const isoDate = z.iso.date();

export const circonscriptionSchema = z
  .object({
    /** `6301` (législative), a canton code, or the INSEE code of a commune. */
    code: z.string().trim().min(1).max(20),
    label: z.string().trim().min(1).max(200),
    kind: z.enum(CIRCONSCRIPTION_KINDS),
    /**
     * Composition in communes; left out for a commune, a canton, a circonscription législative
     * or the département, it is read from the territorial reference.
     */
    communes: z.array(insee).min(1).max(500).optional(),
    /** Seats to fill (list elections): drives list size checks and seat allocation. */
    seats: z.number().int().min(1).max(200).optional(),
    /** Population of the commune (municipales: the < 1 000 rules). */
    population: z.number().int().min(0).optional(),
  })
  .strict();
export type CirconscriptionInput = z.infer<typeof circonscriptionSchema>;
export type Circonscription = CirconscriptionInput & { communes: string[] };

export const createScrutinSchema = z
  .object({
    type: z.enum(ELECTION_TYPES),
    /** Voting system of a by-election; ignored otherwise (it is the type). */
    system: z.enum(ELECTION_TYPES).exclude(['partielle']).optional(),
    label: z.string().trim().min(3).max(200),
    date: isoDate,
    round: z.number().int().min(1).max(2),
    /** First round of a round-two scrutin (deadlines anchored on it). */
    firstRoundId: z.uuid().optional(),
    /** Equivalent previous election, for the participation comparison. */
    previousScrutinId: z.uuid().optional(),
    circonscriptions: z.array(circonscriptionSchema).min(1).max(100),
    openingTime: clock.default('08:00'),
    closingTime: clock.default('18:00'),
    /** Later closing by arrêté in some communes. */
    closingExceptions: z
      .array(z.object({ communeInsee: insee, closingTime: clock }).strict())
      .max(500)
      .default([]),
    turnoutSlots: z.array(clock).min(1).max(24).default(['12:00', '17:00']),
    convocationRef: z.string().trim().max(200).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.type === 'partielle' && !s.system)
      ctx.addIssue({
        code: 'custom',
        path: ['system'],
        message: 'a by-election needs its voting system',
      });
    const codes = new Set<string>();
    s.circonscriptions.forEach((c, i) => {
      if (codes.has(c.code))
        ctx.addIssue({
          code: 'custom',
          path: ['circonscriptions', i, 'code'],
          message: 'duplicate code',
        });
      codes.add(c.code);
    });
    if (s.closingTime <= s.openingTime)
      ctx.addIssue({ code: 'custom', path: ['closingTime'], message: 'closes before it opens' });
  });
export type CreateScrutinRequest = z.input<typeof createScrutinSchema>;

export const scrutinStatusSchema = z.object({ status: z.enum(SCRUTIN_STATUSES) }).strict();

export interface ScrutinSummary {
  id: string;
  type: ElectionType;
  system: ElectionSystem;
  label: string;
  date: string;
  round: number;
  status: ScrutinStatus;
  firstRoundId: string | null;
  previousScrutinId: string | null;
  circonscriptions: Circonscription[];
  openingTime: string;
  closingTime: string;
  closingExceptions: { communeInsee: string; closingTime: string }[];
  turnoutSlots: string[];
  /** When results may leave the Cabinet (latest closing time of the scrutin, Paris time). */
  publicationAt: string;
  published: boolean;
  bureauxCount: number;
}

export interface BureauDto {
  id: string;
  communeInsee: string;
  communeName: string;
  code: string;
  label: string;
  address: string | null;
  centralisateur: boolean;
  inscrits: number;
  circonscription: string;
}

// ---------------------------------------------------------------------------- candidatures
export const CANDIDATURE_KINDS = ['candidat', 'binome', 'liste'] as const;
export type CandidatureKind = (typeof CANDIDATURE_KINDS)[number];
export const CANDIDATURE_STATUSES = ['deposee', 'enregistree', 'refusee', 'retiree'] as const;
export type CandidatureStatus = (typeof CANDIDATURE_STATUSES)[number];
export const CANDIDATURE_STATUS_LABELS: Record<CandidatureStatus, string> = {
  deposee: 'Déposée (récépissé provisoire)',
  enregistree: 'Enregistrée (récépissé définitif)',
  refusee: 'Refusée',
  retiree: 'Retirée',
};
export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];

export const memberSchema = z
  .object({
    rank: z.number().int().min(1).max(300),
    role: z.enum(['titulaire', 'remplacant']),
    sex: z.enum(SEXES),
    lastName: z.string().trim().min(1).max(100),
    firstName: z.string().trim().min(1).max(100),
    birthDate: isoDate,
    birthPlace: z.string().trim().max(200).optional(),
    /** Titulaire a remplaçant stands for (rank of the titulaire). */
    replaces: z.number().int().min(1).max(300).optional(),
  })
  .strict();
export type CandidateMember = z.infer<typeof memberSchema>;

export const createCandidatureSchema = z
  .object({
    circonscription: z.string().trim().min(1).max(20),
    kind: z.enum(CANDIDATURE_KINDS),
    title: z.string().trim().max(300).optional(),
    etiquette: z.string().trim().max(200).optional(),
    nuance: z.string().trim().max(20).optional(),
    panel: z.number().int().min(1).max(999).optional(),
    depositedAt: z.iso.datetime({ offset: true }),
    depositor: z.string().trim().min(2).max(200),
    members: z.array(memberSchema).min(1).max(300),
  })
  .strict();
export type CreateCandidatureRequest = z.infer<typeof createCandidatureSchema>;

export const refuseCandidatureSchema = z
  .object({ motive: z.string().trim().min(5).max(2000) })
  .strict();
export const appealSchema = z
  .object({
    lodgedAt: z.iso.datetime({ offset: true }),
    outcome: z.enum(['pending', 'annulee', 'confirmee']).default('pending'),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export interface CandidatureDto {
  id: string;
  scrutinId: string;
  circonscription: string;
  kind: CandidatureKind;
  title: string | null;
  etiquette: string | null;
  nuance: string | null;
  panel: number | null;
  depositedAt: string;
  depositor: string;
  deadline: string;
  members: CandidateMember[];
  status: CandidatureStatus;
  provisionalReceipt: { number: string; at: string } | null;
  definitiveReceipt: { number: string; at: string } | null;
  refusal: { motive: string; at: string; appealUntil: string; courtRulesBy: string } | null;
  appeal: { lodgedAt: string; outcome: string; note: string | null } | null;
  /** « DUPONT Marie » or the list title. */
  label: string;
  version: number;
}

export interface NuanceDto {
  code: string;
  label: string;
}

// ---------------------------------------------------------------------------- results
export const RESULT_STATUSES = [
  'non_arrive',
  'saisi',
  'erreur',
  'contre_appele',
  'valide',
] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];
export const RESULT_STATUS_LABELS: Record<ResultStatus, string> = {
  non_arrive: 'Non arrivé',
  saisi: 'Saisi',
  erreur: 'Erreur',
  contre_appele: 'Contre-appelé',
  valide: 'Validé',
};
export const RESULT_SOURCES = ['telephone', 'eirel', 'import'] as const;

const count = z.number().int('a whole number').min(0, 'not negative');
export const resultEntrySchema = z
  .object({
    inscrits: count,
    votants: count,
    blancs: count,
    nuls: count,
    exprimes: count,
    voix: z.record(z.string(), count),
    emargements: count.optional(),
    /** Comment required by the warnings (émargements ≠ votants, inscrits ≠ list). */
    comment: z.string().trim().max(2000).optional(),
    source: z.enum(RESULT_SOURCES).default('telephone'),
    pvReceived: z.boolean().optional(),
  })
  .strict();
export type ResultEntry = z.infer<typeof resultEntrySchema>;
export const resultCallbackSchema = z.object({ note: z.string().trim().min(3).max(2000) }).strict();
export const resultErrorSchema = z.object({ note: z.string().trim().min(3).max(2000) }).strict();

export interface BureauResultDto {
  bureauId: string;
  status: ResultStatus;
  inscrits: number;
  votants: number;
  blancs: number;
  nuls: number;
  exprimes: number;
  emargements: number | null;
  voix: Record<string, number>;
  comment: string | null;
  warnings: string[];
  source: string;
  pvReceived: boolean;
  enteredBy: string;
  enteredByName: string;
  enteredAt: string;
  callback: { by: string; at: string; note: string } | null;
  validatedByName: string | null;
  validatedAt: string | null;
  version: number;
  history: {
    from: ResultStatus | null;
    to: ResultStatus;
    at: string;
    byName: string;
    note: string | null;
  }[];
}

export interface CandidateTotal {
  candidatureId: string;
  label: string;
  nuance: string | null;
  panel: number | null;
  voix: number;
  /** Percentages with two decimals. */
  pctExprimes: number;
  pctInscrits: number;
  /** Thresholds, computed on the circonscription's totals. */
  elected: boolean;
  qualified: boolean;
  canMerge: boolean;
  seats: number | null;
}

export interface RaceTotals {
  circonscription: string;
  label: string;
  bureaux: number;
  arrived: number;
  validated: number;
  errors: number;
  inscrits: number;
  votants: number;
  blancs: number;
  nuls: number;
  exprimes: number;
  /** Inscrits of every bureau of the circonscription (the base of inscrits thresholds). */
  inscritsConfigured: number;
  complete: boolean;
  candidates: CandidateTotal[];
  /** e.g. « Élu au premier tour », « Second tour : 2 qualifiés ». */
  outcome: string | null;
}

export interface ElectionTotals {
  scrutinId: string;
  bureaux: number;
  arrived: number;
  validated: number;
  errors: number;
  byStatus: Record<ResultStatus, number>;
  inscrits: number;
  votants: number;
  blancs: number;
  nuls: number;
  exprimes: number;
  races: RaceTotals[];
  /** Arrival per commune (board map). */
  communes: CommuneProgress[];
  computedAt: string;
}

export interface CommuneProgress {
  insee: string;
  name: string;
  bureaux: number;
  arrived: number;
  validated: number;
  errors: number;
}

/**
 * `election.totalsUpdated`: the new totals after bureaux changed; `communes` holds the changed
 * communes only (the totals' own `communes` is empty in the event).
 */
export interface ElectionTotalsUpdated {
  scrutinId: string;
  bureauIds: string[];
  status: ResultStatus | null;
  communes: CommuneProgress[];
  totals: ElectionTotals;
}

// ---------------------------------------------------------------------------- turnout
export const turnoutEntrySchema = z.object({ slot: clock, votants: count }).strict();
export const TURNOUT_LEVELS = [
  'bureau',
  'commune',
  'circonscription',
  'arrondissement',
  'departement',
] as const;
export type TurnoutLevel = (typeof TURNOUT_LEVELS)[number];

export interface TurnoutRow {
  key: string;
  label: string;
  inscrits: number;
  bureaux: number;
  slots: Record<
    string,
    { votants: number; reported: number; pct: number; previousPct: number | null }
  >;
}
export interface TurnoutReport {
  scrutinId: string;
  level: TurnoutLevel;
  slots: string[];
  rows: TurnoutRow[];
}
