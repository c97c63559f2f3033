/**
 * Gens du voyage contract (schéma, aires, grands passages, unlawful-settlement procedure):
 * request schemas and response shapes shared with the client. No Nest imports.
 */
import { z } from 'zod';

const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code');
const siren = z.string().regex(/^\d{9}$/, 'a 9-digit SIREN');
const isoDate = z.iso.date('a date (YYYY-MM-DD)');
const instant = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with offset' });
const text = (max: number) => z.string().trim().min(1).max(max);

// ------------------------------------------------------------------------------ rules
export const TRAVELLERS_RULE_KEYS = [
  'gp_notice_prefect_months',
  'gp_notice_mayor_months',
  'gp_notice_min_caravans',
  'md_min_delay_hours',
  'appeal_ruling_hours',
  'md_reuse_days',
] as const;
export type TravellersRuleKey = (typeof TRAVELLERS_RULE_KEYS)[number];

export const TRAVELLERS_RULE_LABELS: Record<TravellersRuleKey, string> = {
  gp_notice_prefect_months: 'Préavis des grands passages au préfet (mois)',
  gp_notice_mayor_months: 'Information du maire et de l’EPCI (mois)',
  gp_notice_min_caravans: 'Seuil de caravanes soumis au préavis',
  md_min_delay_hours: 'Délai minimal d’exécution de la mise en demeure (heures)',
  appeal_ruling_hours: 'Délai de jugement du recours au tribunal administratif (heures)',
  md_reuse_days: 'Durée d’application de la mise en demeure en cas de réinstallation (jours)',
};

export interface TravellersRule {
  key: TravellersRuleKey;
  value: number;
  effectiveFrom: string;
  /** The legal text must be checked ([verify] in the domain notes). */
  toConfirm: boolean;
  source: string;
}

/** The rule values in force on one day. */
export type TravellersRuleSet = Record<TravellersRuleKey, number>;

// ------------------------------------------------------------------------------ aires
export const AIRE_KINDS = [
  'permanente',
  'grand_passage',
  'terrain_familial',
  'petit_passage',
] as const;
export type AireKind = (typeof AIRE_KINDS)[number];
export const AIRE_KIND_LABELS: Record<AireKind, string> = {
  permanente: 'Aire permanente d’accueil',
  grand_passage: 'Aire de grand passage',
  terrain_familial: 'Terrain familial locatif',
  petit_passage: 'Aire de petit passage',
};

export const AIRE_STATUSES = ['en_service', 'fermee', 'travaux'] as const;
export type AireStatus = (typeof AIRE_STATUSES)[number];
export const AIRE_STATUS_LABELS: Record<AireStatus, string> = {
  en_service: 'En service',
  fermee: 'Fermée',
  travaux: 'En travaux',
};

export const aireSchema = z
  .object({
    name: text(200),
    kind: z.enum(AIRE_KINDS),
    communeInsee: insee,
    /** Default: the EPCI of the commune (territorial reference). */
    epciSiren: siren.optional(),
    address: z.string().trim().max(300).nullish(),
    /** [lon, lat] (WGS84). */
    location: z.tuple([z.number().min(1.5).max(4.5), z.number().min(44.9).max(46.5)]),
    /** Places (caravans) the aire can take. */
    capacity: z.number().int().min(1).max(1000),
    surfaceHa: z.number().positive().max(100).nullish(),
    manager: z.string().trim().max(200).nullish(),
    /** Default: en_service. */
    status: z.enum(AIRE_STATUSES).optional(),
    openedYear: z.number().int().min(1990).max(2100).nullish(),
  })
  .strict();
export type AireInput = z.infer<typeof aireSchema>;
export const updateAireSchema = aireSchema.partial().strict();

export const closureSchema = z
  .object({ start: isoDate, end: isoDate, reason: text(300) })
  .strict()
  .refine((c) => c.end >= c.start, { path: ['end'], message: 'must not be before start' });
export type ClosureInput = z.infer<typeof closureSchema>;

export const occupancySchema = z
  .object({
    /** Average places occupied over the month. */
    occupiedPlaces: z.number().min(0).max(1000),
    households: z.number().int().min(0).max(1000).nullish(),
    averageStayDays: z.number().min(0).max(366).nullish(),
  })
  .strict();
export type OccupancyInput = z.infer<typeof occupancySchema>;
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month (YYYY-MM)');

export interface AireClosure {
  id: string;
  start: string;
  end: string;
  reason: string;
}

export interface Aire {
  id: string;
  name: string;
  kind: AireKind;
  communeInsee: string;
  communeName: string;
  epciSiren: string;
  address: string | null;
  location: [number, number];
  capacity: number;
  surfaceHa: number | null;
  manager: string | null;
  status: AireStatus;
  openedYear: number | null;
  closures: AireClosure[];
  /** Closed today (status, or a closure covering today in Paris). */
  closedToday: boolean;
}

export interface OccupancyRow {
  aireId: string;
  aireName: string;
  capacity: number;
  /** `YYYY-MM` → rate in [0, 1] (null when not reported). */
  months: Record<
    string,
    { occupiedPlaces: number; households: number | null; rate: number } | null
  >;
}

// ------------------------------------------------------------------------------ schéma
export const prescriptionSchema = z
  .object({
    /** An EPCI of the territorial reference; its name comes from there. */
    epciSiren: siren,
    kind: z.enum(AIRE_KINDS),
    placesPrescribed: z.number().int().min(1).max(2000),
    dueYear: z.number().int().min(2000).max(2100).nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .strict();
export type PrescriptionInput = z.infer<typeof prescriptionSchema>;

export interface Prescription {
  id: string;
  epciSiren: string;
  epciName: string;
  kind: AireKind;
  placesPrescribed: number;
  /** Places of the EPCI's aires of that kind (whatever their status). */
  placesBuilt: number;
  /** built / prescribed, capped at 1. */
  completion: number;
  dueYear: number | null;
  note: string | null;
}

export interface SchemaSummary {
  title: string;
  period: string;
  signedOn: string;
  prescriptions: Prescription[];
  /** Per EPCI: prescribed and built places over every kind. */
  byEpci: {
    epciSiren: string;
    epciName: string;
    prescribed: number;
    built: number;
    completion: number;
  }[];
  totals: { prescribed: number; built: number; completion: number };
}

// ------------------------------------------------------------------------------ grands passages
export const GRAND_PASSAGE_STATUSES = ['prevu', 'en_cours', 'termine', 'annule'] as const;
export type GrandPassageStatus = (typeof GRAND_PASSAGE_STATUSES)[number];
export const GRAND_PASSAGE_STATUS_LABELS: Record<GrandPassageStatus, string> = {
  prevu: 'Prévu',
  en_cours: 'En cours',
  termine: 'Terminé',
  annule: 'Annulé',
};

const grandPassageFields = z
  .object({
    groupName: text(200),
    mission: z.string().trim().max(200).nullish(),
    leaderName: text(200),
    leaderPhone: z.string().trim().max(40).nullish(),
    caravansAnnounced: z.number().int().min(1).max(2000),
    caravansObserved: z.number().int().min(0).max(2000).nullish(),
    /** Planned arrival and departure days; the departure day may be the next group's arrival day. */
    arrival: isoDate,
    departure: isoDate,
    aireId: z.uuid().nullish(),
    /** Day the préfet received the group's notice. */
    noticeReceivedOn: isoDate,
    /** Day the maire and the EPCI were informed. */
    mayorInformedOn: isoDate.nullish(),
    /** Default: false. */
    conventionSigned: z.boolean().optional(),
    /** Default: prevu. */
    status: z.enum(GRAND_PASSAGE_STATUSES).optional(),
    notes: z.string().trim().max(2000).nullish(),
  })
  .strict();

const departureAfterArrival = (g: { arrival?: string; departure?: string }) =>
  !g.arrival || !g.departure || g.departure > g.arrival;

export const grandPassageSchema = grandPassageFields.refine(departureAfterArrival, {
  path: ['departure'],
  message: 'must be after the arrival',
});
export type GrandPassageInput = z.infer<typeof grandPassageSchema>;
export const updateGrandPassageSchema = grandPassageFields
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict()
  .refine(departureAfterArrival, { path: ['departure'], message: 'must be after the arrival' });
export type UpdateGrandPassageInput = z.infer<typeof updateGrandPassageSchema>;

export const GRAND_PASSAGE_WARNINGS = [
  'late_notice',
  'late_mayor_information',
  'mayor_not_informed',
  'over_capacity',
  'convention_missing',
  'aire_closed',
  'no_aire',
] as const;
export type GrandPassageWarningCode = (typeof GRAND_PASSAGE_WARNINGS)[number];

export interface GrandPassageWarning {
  code: GrandPassageWarningCode;
  message: string;
}

export interface GrandPassage {
  id: string;
  groupName: string;
  mission: string | null;
  leaderName: string;
  leaderPhone: string | null;
  caravansAnnounced: number;
  caravansObserved: number | null;
  arrival: string;
  departure: string;
  aireId: string | null;
  aireName: string | null;
  noticeReceivedOn: string;
  mayorInformedOn: string | null;
  conventionSigned: boolean;
  status: GrandPassageStatus;
  notes: string | null;
  version: number;
  warnings: GrandPassageWarning[];
}

// ------------------------------------------------------------------------------ settlements
export const SETTLEMENT_STATUSES = [
  'constate',
  'demande_recue',
  'mise_en_demeure',
  'recours_pendant',
  'evacue',
  'clos',
] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];
export const SETTLEMENT_STATUS_LABELS: Record<SettlementStatus, string> = {
  constate: 'Constat',
  demande_recue: 'Demande reçue',
  mise_en_demeure: 'Mise en demeure notifiée',
  recours_pendant: 'Recours pendant',
  evacue: 'Évacuation réalisée',
  clos: 'Clos',
};

export const HARM_KINDS = ['salubrite', 'securite', 'tranquillite'] as const;
export type HarmKind = (typeof HARM_KINDS)[number];
export const HARM_KIND_LABELS: Record<HarmKind, string> = {
  salubrite: 'Salubrité publique',
  securite: 'Sécurité publique',
  tranquillite: 'Tranquillité publique',
};

export const REQUESTERS = ['maire', 'proprietaire', 'titulaire_droit_usage'] as const;
export type Requester = (typeof REQUESTERS)[number];
export const REQUESTER_LABELS: Record<Requester, string> = {
  maire: 'Le maire',
  proprietaire: 'Le propriétaire du terrain',
  titulaire_droit_usage: 'Le titulaire du droit d’usage',
};

/** Whether the commune meets its schéma obligations (precondition of art. 9). */
export const COMPLIANCE = ['conforme', 'non_soumise', 'non_conforme'] as const;
export type Compliance = (typeof COMPLIANCE)[number];
export const COMPLIANCE_LABELS: Record<Compliance, string> = {
  conforme: 'Conforme au schéma',
  non_soumise: 'Non soumise au schéma',
  non_conforme: 'Non conforme au schéma',
};

const preconditionFields = {
  /** Municipal arrêté prohibiting stationing outside the aires. */
  banOrderNumber: z.string().trim().max(60).nullish(),
  banOrderDate: isoDate.nullish(),
  compliance: z.enum(COMPLIANCE).nullish(),
  complianceNote: z.string().trim().max(1000).nullish(),
  harmKinds: z.array(z.enum(HARM_KINDS)).max(3).optional(),
  harmFacts: z.string().trim().max(4000).nullish(),
};

export const settlementSchema = z
  .object({
    communeInsee: insee,
    place: text(300),
    location: z.tuple([z.number().min(1.5).max(4.5), z.number().min(44.9).max(46.5)]).nullish(),
    landKind: z.enum(['public', 'prive']),
    landOwner: z.string().trim().max(200).nullish(),
    caravans: z.number().int().min(1).max(2000),
    groupName: z.string().trim().max(200).nullish(),
    observedAt: instant,
    ...preconditionFields,
  })
  .strict();
export type SettlementInput = z.infer<typeof settlementSchema>;

export const updateSettlementSchema = settlementSchema
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdateSettlementInput = z.infer<typeof updateSettlementSchema>;

export const SETTLEMENT_ACTIONS = [
  'record_request',
  'issue_formal_notice',
  'reuse_formal_notice',
  'file_appeal',
  'record_ruling',
  'evict',
  'close',
] as const;
export type SettlementAction = (typeof SETTLEMENT_ACTIONS)[number];
export const SETTLEMENT_ACTION_LABELS: Record<SettlementAction, string> = {
  record_request: 'Enregistrer la demande',
  issue_formal_notice: 'Notifier la mise en demeure',
  reuse_formal_notice: 'Appliquer la mise en demeure précédente',
  file_appeal: 'Enregistrer un recours',
  record_ruling: 'Enregistrer le jugement',
  evict: 'Enregistrer l’évacuation',
  close: 'Clore la procédure',
};

const note = z.string().trim().max(1000).nullish();

export const settlementActionSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('record_request'),
      version: z.number().int().min(1),
      requester: z.enum(REQUESTERS),
      requesterName: text(200),
      requestReceivedAt: instant,
      note,
    })
    .strict(),
  z
    .object({
      action: z.literal('issue_formal_notice'),
      version: z.number().int().min(1),
      noticeNumber: text(60),
      notifiedAt: instant,
      delayHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30),
      postedAtMairie: z.boolean(),
      postedOnSite: z.boolean(),
      ownerNotified: z.boolean().default(false),
      note,
    })
    .strict(),
  z
    .object({
      action: z.literal('reuse_formal_notice'),
      version: z.number().int().min(1),
      priorSettlementId: z.uuid(),
      at: instant,
      note,
    })
    .strict(),
  z
    .object({
      action: z.literal('file_appeal'),
      version: z.number().int().min(1),
      filedAt: instant,
      court: z.string().trim().max(200).default('Tribunal administratif de Clermont-Ferrand'),
      note,
    })
    .strict(),
  z
    .object({
      action: z.literal('record_ruling'),
      version: z.number().int().min(1),
      decidedAt: instant,
      outcome: z.enum(['rejete', 'annule']),
      note,
    })
    .strict(),
  z
    .object({
      action: z.literal('evict'),
      version: z.number().int().min(1),
      at: instant,
      means: text(500),
      note,
    })
    .strict(),
  z
    .object({
      action: z.literal('close'),
      version: z.number().int().min(1),
      at: instant,
      reason: z.enum([
        'depart_volontaire',
        'mise_en_demeure_annulee',
        'abandon',
        'evacuation_terminee',
      ]),
      note,
    })
    .strict(),
]);
export type SettlementActionInput = z.infer<typeof settlementActionSchema>;

export const CLOSE_REASON_LABELS: Record<
  Extract<SettlementActionInput, { action: 'close' }>['reason'],
  string
> = {
  depart_volontaire: 'Départ volontaire',
  mise_en_demeure_annulee: 'Mise en demeure annulée',
  abandon: 'Procédure abandonnée',
  evacuation_terminee: 'Évacuation terminée',
};

export interface SettlementEvent {
  action: SettlementAction | 'created' | 'updated';
  from: SettlementStatus | null;
  to: SettlementStatus;
  at: string;
  by: string;
  byName: string;
  note: string | null;
}

/** A precondition of the mise en demeure and whether it is recorded. */
export interface Precondition {
  key: 'request' | 'ban_order' | 'compliance' | 'harm';
  label: string;
  met: boolean;
  detail: string | null;
}

export interface Settlement {
  id: string;
  reference: string;
  communeInsee: string;
  communeName: string;
  place: string;
  location: [number, number] | null;
  landKind: 'public' | 'prive';
  landOwner: string | null;
  caravans: number;
  groupName: string | null;
  observedAt: string;
  status: SettlementStatus;
  banOrderNumber: string | null;
  banOrderDate: string | null;
  compliance: Compliance | null;
  complianceNote: string | null;
  harmKinds: HarmKind[];
  harmFacts: string | null;
  requester: Requester | null;
  requesterName: string | null;
  requestReceivedAt: string | null;
  noticeNumber: string | null;
  notifiedAt: string | null;
  delayHours: number | null;
  postedAtMairie: boolean;
  postedOnSite: boolean;
  ownerNotified: boolean;
  /** Notification + delay: eviction possible from then on, unless an appeal is pending. */
  executionDeadline: string | null;
  /** Until when the notice applies again if the same occupants settle again. */
  reuseUntil: string | null;
  /** The earlier notice this procedure applies again, if any. */
  priorSettlementId: string | null;
  appealFiledAt: string | null;
  appealCourt: string | null;
  /** Appeal + 48 h: when the court must have ruled. */
  appealRulingDeadline: string | null;
  appealOutcome: 'rejete' | 'annule' | null;
  appealDecidedAt: string | null;
  evictedAt: string | null;
  evictionMeans: string | null;
  closedAt: string | null;
  closeReason: string | null;
  version: number;
  preconditions: Precondition[];
  /** Actions the procedure allows now (the guided workflow's next steps). */
  nextActions: SettlementAction[];
  /** Earlier notices in the same commune still applicable at the time of the constat. */
  applicableNotices: { id: string; reference: string; reuseUntil: string }[];
  history: SettlementEvent[];
}

export interface MapData {
  aires: Pick<
    Aire,
    'id' | 'name' | 'kind' | 'communeName' | 'capacity' | 'status' | 'location' | 'closedToday'
  >[];
  settlements: Pick<
    Settlement,
    'id' | 'reference' | 'communeName' | 'place' | 'caravans' | 'status' | 'location'
  >[];
}

/** The weekly summer briefing for the préfet (Monday to Sunday, Paris time). */
export interface WeeklyBriefing {
  weekStart: string;
  weekEnd: string;
  /** Passages on an aire during the week, then those arriving in the two weeks after. */
  passagesThisWeek: GrandPassage[];
  passagesUpcoming: GrandPassage[];
  openSettlements: Pick<
    Settlement,
    | 'id'
    | 'reference'
    | 'communeName'
    | 'place'
    | 'caravans'
    | 'status'
    | 'executionDeadline'
    | 'appealRulingDeadline'
  >[];
  closedAires: { id: string; name: string; reason: string }[];
  /** Procedures of the year so far. */
  procedures: {
    year: number;
    total: number;
    formalNotices: number;
    appeals: number;
    evictions: number;
    /** Median hours from the constat to the notification of the mise en demeure. */
    medianHoursToNotice: number | null;
  };
}
