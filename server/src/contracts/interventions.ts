/**
 * Interventions des élus (affaires réservées): request schemas and response shapes shared with
 * the client. No Nest imports.
 */
import { z } from 'zod';

export const INTERVENTION_STATUSES = [
  'enregistree',
  'transmise',
  'elements_recus',
  'repondue',
  'classee',
] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export const INTERVENTION_STATUS_LABELS: Record<InterventionStatus, string> = {
  enregistree: 'Enregistrée',
  transmise: 'Transmise au service',
  elements_recus: 'Éléments reçus',
  repondue: 'Réponse définitive envoyée',
  classee: 'Classée sans suite',
};

export const INTERVENTION_CHANNELS = [
  'courrier',
  'courriel',
  'telephone',
  'audience',
  'autre',
] as const;
export const INTERVENTION_CHANNEL_LABELS: Record<(typeof INTERVENTION_CHANNELS)[number], string> = {
  courrier: 'Courrier',
  courriel: 'Courriel',
  telephone: 'Téléphone',
  audience: 'Audience / rencontre',
  autre: 'Autre',
};

export const INTERVENTION_THEMES = [
  'sejour',
  'naturalisation',
  'permis_conduire',
  'logement',
  'icpe_environnement',
  'urbanisme',
  'subvention',
  'securite',
  'emploi_social',
  'sante',
  'secours',
  'autre',
] as const;
export type InterventionTheme = (typeof INTERVENTION_THEMES)[number];
export const INTERVENTION_THEME_LABELS: Record<InterventionTheme, string> = {
  sejour: 'Titre de séjour',
  naturalisation: 'Naturalisation',
  permis_conduire: 'Permis de conduire',
  logement: 'Logement',
  icpe_environnement: 'ICPE / environnement',
  urbanisme: 'Urbanisme',
  subvention: 'Subvention (DETR, DSIL…)',
  securite: 'Sécurité / tranquillité publique',
  emploi_social: 'Emploi / social',
  sante: 'Santé',
  secours: 'Incendie et secours',
  autre: 'Autre',
};

export const BENEFICIARY_KINDS = ['personne', 'organisation'] as const;
export const SIGNATORIES = [
  'prefet',
  'directeur_cabinet',
  'secretaire_general',
  'sous_prefet',
] as const;
export const SIGNATORY_LABELS: Record<(typeof SIGNATORIES)[number], string> = {
  prefet: 'Le préfet',
  directeur_cabinet: 'Le directeur de cabinet',
  secretaire_general: 'Le secrétaire général',
  sous_prefet: "Le sous-préfet d'arrondissement",
};
export const OUTCOMES = ['favorable', 'defavorable', 'information'] as const;
export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  favorable: 'Favorable',
  defavorable: 'Défavorable',
  information: 'Information',
};
export const CONFIDENTIALITIES = ['normale', 'restreinte'] as const;

export const LETTER_KINDS = ['accuse_reception', 'reponse_attente', 'reponse_definitive'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  accuse_reception: 'Accusé de réception',
  reponse_attente: "Réponse d'attente",
  reponse_definitive: 'Réponse définitive',
};

const calendarDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const createInterventionSchema = z
  .object({
    receivedOn: calendarDate,
    channel: z.enum(INTERVENTION_CHANNELS),
    /** A directory contact whose function is maire, député, sénateur or conseiller départemental. */
    officialId: z.uuid(),
    beneficiaryKind: z.enum(BENEFICIARY_KINDS),
    beneficiaryName: text(200),
    beneficiaryCommuneInsee: z
      .string()
      .regex(/^\d{5}$/)
      .nullish(),
    theme: z.enum(INTERVENTION_THEMES),
    subject: text(500),
    /** The underlying case number at the service (e.g. foreign nationals' AGDREF), kept minimal. */
    caseReference: z.string().trim().max(60).nullish(),
    signatory: z.enum(SIGNATORIES).default('directeur_cabinet'),
    confidentiality: z.enum(CONFIDENTIALITIES).default('normale'),
  })
  .strict();
export type CreateInterventionInput = z.infer<typeof createInterventionSchema>;

export const updateInterventionSchema = createInterventionSchema
  .omit({ officialId: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdateInterventionInput = z.infer<typeof updateInterventionSchema>;

/**
 * A move along the workflow. `transmise` needs `serviceId` (and takes `dueDate`, else the rule
 * table's default delay); `repondue` needs `outcome`.
 */
export const interventionTransitionSchema = z
  .object({
    to: z.enum(INTERVENTION_STATUSES),
    note: z.string().trim().max(4000).optional(),
    serviceId: z.uuid().optional(),
    dueDate: calendarDate.optional(),
    outcome: z.enum(OUTCOMES).optional(),
  })
  .strict();
export type InterventionTransitionInput = z.infer<typeof interventionTransitionSchema>;

export const createLetterSchema = z
  .object({
    kind: z.enum(LETTER_KINDS),
    /** Free paragraph added to the template (the substance of a final reply). */
    body: z.string().trim().max(6000).optional(),
  })
  .strict();
export type CreateLetterInput = z.infer<typeof createLetterSchema>;

export const listInterventionsQuerySchema = z
  .object({
    status: z.enum(INTERVENTION_STATUSES).optional(),
    serviceId: z.uuid().optional(),
    officialId: z.uuid().optional(),
    theme: z.enum(INTERVENTION_THEMES).optional(),
    open: z.enum(['true', 'false']).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type ListInterventionsQuery = z.infer<typeof listInterventionsQuerySchema>;

export const weeklyQuerySchema = z.object({ week: calendarDate.optional() }).strict();

export type DueStateDto = 'on_time' | 'due_soon' | 'due_today' | 'overdue';

export interface InterventionOfficial {
  id: string;
  name: string;
  function: string;
  title: string | null;
  communeInsee: string | null;
}

export interface InterventionHistoryItem {
  from: InterventionStatus | null;
  to: InterventionStatus;
  at: string;
  byName: string;
  note: string | null;
  serviceName: string | null;
}

export interface InterventionLetter {
  id: string;
  kind: LetterKind;
  createdAt: string;
  createdByName: string;
}

export interface InterventionReminder {
  kind: string;
  label: string;
  dueDate: string;
  sentAt: string;
}

export interface Intervention {
  id: string;
  reference: string;
  receivedOn: string;
  channel: (typeof INTERVENTION_CHANNELS)[number];
  /** null for a service when the intervention is confidential (restreinte). */
  official: InterventionOfficial | null;
  beneficiaryKind: (typeof BENEFICIARY_KINDS)[number];
  beneficiaryName: string;
  beneficiaryCommuneInsee: string | null;
  theme: InterventionTheme;
  subject: string;
  caseReference: string | null;
  serviceId: string | null;
  serviceName: string | null;
  transmittedOn: string | null;
  dueDate: string | null;
  dueState: DueStateDto | null;
  elementsReceivedOn: string | null;
  signatory: (typeof SIGNATORIES)[number];
  status: InterventionStatus;
  ackSentOn: string | null;
  holdingReplySentOn: string | null;
  finalReplySentOn: string | null;
  outcome: (typeof OUTCOMES)[number] | null;
  confidentiality: (typeof CONFIDENTIALITIES)[number];
  escalatedAt: string | null;
  closedAt: string | null;
  version: number;
  createdAt: string;
  /** Moves the caller may make now. */
  allowedTransitions: InterventionStatus[];
}

export interface InterventionDetail extends Intervention {
  history: InterventionHistoryItem[];
  letters: InterventionLetter[];
  reminders: InterventionReminder[];
}

/** In-app notification of a reminder (J-3, due date) or of an escalation (overdue). */
export interface InterventionReminderEvent {
  id: string;
  reference: string;
  kind: string;
  label: string;
  dueDate: string;
  serviceId: string | null;
  serviceName: string | null;
  subject: string;
}

export interface OfficialSheet {
  official: InterventionOfficial & { email: string | null; mobile: string | null };
  counts: { total: number; open: number; overdue: number; favorable: number; defavorable: number };
  /** Average days from reception to final reply, over the answered ones. */
  averageAnswerDays: number | null;
  interventions: Intervention[];
}

export interface InterventionStats {
  open: number;
  overdue: number;
  averageAnswerDays: number | null;
  byService: { serviceId: string | null; serviceName: string; open: number; overdue: number }[];
  byOfficial: { officialId: string; name: string; open: number; total: number }[];
  byTheme: { theme: InterventionTheme; total: number }[];
}

export interface InterventionRule {
  effectiveFrom: string;
  defaultDueDays: number;
  reminderDaysBefore: number[];
  retentionYears: number;
  toConfirm: boolean;
  source: string;
}

/** `intervention.created` / `intervention.updated`: what changed; clients refetch what they show. */
export interface InterventionChangedEvent {
  id: string;
  reference: string;
  status: InterventionStatus;
  serviceId: string | null;
  version: number;
}
