/**
 * Press and communication contract (communiqués, press contacts and requests, visits, official
 * publications): request schemas and response shapes shared with the client. No Nest imports.
 */
import { z } from 'zod';
import type { OfficialFunction } from './territory';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const inseeCode = z.string().regex(/^\d{5}$/, 'an INSEE commune code');

// ------------------------------------------------------------------------------- communiqués
export const COMMUNIQUE_KINDS = ['communique', 'invitation_presse', 'dossier_presse', 'alerte'] as const;
export type CommuniqueKind = (typeof COMMUNIQUE_KINDS)[number];
export const COMMUNIQUE_KIND_LABELS: Record<CommuniqueKind, string> = {
  communique: 'Communiqué de presse',
  invitation_presse: 'Invitation presse',
  dossier_presse: 'Dossier de presse',
  alerte: 'Alerte / consigne à la population',
};

export const COMMUNIQUE_STATUSES = ['brouillon', 'a_valider', 'valide', 'publie', 'retire'] as const;
export type CommuniqueStatus = (typeof COMMUNIQUE_STATUSES)[number];
export const COMMUNIQUE_STATUS_LABELS: Record<CommuniqueStatus, string> = {
  brouillon: 'Brouillon',
  a_valider: 'À valider',
  valide: 'Validé',
  publie: 'Publié',
  retire: 'Retiré',
};

/** What a user asks for; the server checks who may and when (see communique-workflow.ts). */
export const COMMUNIQUE_ACTIONS = ['submit', 'validate', 'reject', 'publish', 'withdraw', 'reopen'] as const;
export type CommuniqueAction = (typeof COMMUNIQUE_ACTIONS)[number];
export const COMMUNIQUE_ACTION_LABELS: Record<CommuniqueAction, string> = {
  submit: 'Soumettre à validation',
  validate: 'Valider',
  reject: 'Renvoyer en brouillon',
  publish: 'Publier',
  withdraw: 'Retirer',
  reopen: 'Reprendre en brouillon',
};

export const communiqueInputSchema = z
  .object({
    title: text(200),
    kind: z.enum(COMMUNIQUE_KINDS),
    theme: text(80),
    /** Markdown subset: paragraphs, `## titre`, `- liste`, `**gras**`, `*italique*`, `[lien](https://…)`. */
    body: text(20_000),
    embargoUntil: isoDateTime.nullish(),
    crisisId: z.uuid().nullish(),
    visitId: z.uuid().nullish(),
    /** Directory contact groups (press lists) e-mailed on publication. */
    pressListIds: z.array(z.uuid()).max(50).default([]),
    /** Publish on the public page and the Atom feed. */
    website: z.boolean().default(true),
    exercise: z.boolean().default(false),
    attachments: z
      .array(z.object({ name: text(200), url: z.url({ protocol: /^https?$/ }) }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export type CommuniqueInput = z.infer<typeof communiqueInputSchema>;

export const communiqueUpdateSchema = communiqueInputSchema.partial().extend({ version: z.number().int().min(1) }).strict();
export type CommuniqueUpdate = z.infer<typeof communiqueUpdateSchema>;

export const communiqueActionSchema = z
  .object({ action: z.enum(COMMUNIQUE_ACTIONS), note: z.string().trim().max(2000).optional() })
  .strict();
export type CommuniqueActionInput = z.infer<typeof communiqueActionSchema>;

export interface CommuniqueTransition {
  from: CommuniqueStatus | null;
  to: CommuniqueStatus;
  at: string;
  byName: string;
  note: string | null;
}

export interface CommuniqueVersionSummary {
  version: number;
  at: string;
  byName: string;
  title: string;
}

export interface Communique {
  id: string;
  /** `CP-2026-0042`. */
  reference: string;
  title: string;
  kind: CommuniqueKind;
  theme: string;
  body: string;
  /** The body rendered from its Markdown subset, escaped. */
  html: string;
  status: CommuniqueStatus;
  authorId: string;
  authorName: string;
  validatedBy: string | null;
  validatedByName: string | null;
  validatedAt: string | null;
  publishedAt: string | null;
  embargoUntil: string | null;
  crisisId: string | null;
  visitId: string | null;
  pressListIds: string[];
  website: boolean;
  exercise: boolean;
  attachments: { name: string; url: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Page sent to the press lists on publication. */
  pageId: string | null;
  /** Scrutins whose 6-month pre-electoral period covers today (empty when none or unknown). */
  electoralWarnings: string[];
  /** What the caller may do now. */
  allowedActions: CommuniqueAction[];
  history: CommuniqueTransition[];
  versions: CommuniqueVersionSummary[];
}

export type CommuniqueListItem = Omit<Communique, 'body' | 'html' | 'history' | 'versions' | 'allowedActions' | 'electoralWarnings'>;

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface CommuniqueDiff {
  from: number;
  to: number;
  title: DiffPart[];
  body: DiffPart[];
}

/** Published communiqués by theme and month (Paris time), exercises aside. */
export interface CommuniqueReportRow {
  /** `2026-03`. */
  month: string;
  theme: string;
  count: number;
}

/** A published communiqué as the public page and the feed show it. */
export interface PublicCommunique {
  id: string;
  reference: string;
  title: string;
  kind: CommuniqueKind;
  theme: string;
  html: string;
  publishedAt: string;
  attachments: { name: string; url: string }[];
}

// ---------------------------------------------------------------------------- press contacts
export const MEDIA_TYPES = ['presse_ecrite', 'radio', 'television', 'web', 'agence', 'autre'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
export const MEDIA_TYPE_LABELS: Record<MediaType, string> = {
  presse_ecrite: 'Presse écrite',
  radio: 'Radio',
  television: 'Télévision',
  web: 'Web',
  agence: 'Agence',
  autre: 'Autre',
};

export const pressContactInputSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    title: z.string().trim().max(200).nullish(),
    media: text(200),
    mediaType: z.enum(MEDIA_TYPES),
    beats: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    email: z.email().max(254).nullish(),
    mobile: z.string().trim().max(30).nullish(),
    landline: z.string().trim().max(30).nullish(),
    consent: z.boolean(),
    consentAt: isoDate.nullish(),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((c) => !c.consent || !!c.consentAt, { path: ['consentAt'], message: 'the date of the consent is required' });
export type PressContactInput = z.infer<typeof pressContactInputSchema>;

export interface PressContact {
  id: string;
  name: string;
  title: string | null;
  media: string;
  mediaType: MediaType;
  beats: string[];
  email: string | null;
  mobile: string | null;
  landline: string | null;
  consent: boolean;
  consentAt: string | null;
  active: boolean;
  listIds: string[];
}

export const pressListInputSchema = z
  .object({ name: text(120), description: z.string().trim().max(500).nullish(), contactIds: z.array(z.uuid()).max(2000) })
  .strict();
export type PressListInput = z.infer<typeof pressListInputSchema>;

export interface PressList {
  id: string;
  name: string;
  description: string | null;
  contactIds: string[];
}

export const pressImportSchema = z
  .object({ csv: z.string().min(1).max(900_000), onlyValid: z.boolean().default(false) })
  .strict();

export interface ImportProblem {
  line: number;
  column: string;
  message: string;
}

export interface PressImportResult {
  created: number;
  updated: number;
  skipped: number;
  problems: ImportProblem[];
}

// ---------------------------------------------------------------------------- press requests
export const PRESS_REQUEST_STATUSES = ['recue', 'en_cours', 'repondue', 'sans_suite'] as const;
export type PressRequestStatus = (typeof PRESS_REQUEST_STATUSES)[number];
export const PRESS_REQUEST_STATUS_LABELS: Record<PressRequestStatus, string> = {
  recue: 'Reçue',
  en_cours: 'En cours',
  repondue: 'Répondue',
  sans_suite: 'Sans suite',
};

export const pressRequestInputSchema = z
  .object({
    contactId: z.uuid().nullish(),
    journalistName: text(200),
    media: text(200),
    subject: text(500),
    details: z.string().trim().max(5000).nullish(),
    deadline: isoDateTime,
    spokesperson: z.string().trim().max(200).nullish(),
  })
  .strict();
export type PressRequestInput = z.infer<typeof pressRequestInputSchema>;

export const pressRequestUpdateSchema = z
  .object({
    status: z.enum(PRESS_REQUEST_STATUSES).optional(),
    spokesperson: z.string().trim().max(200).nullish(),
    answer: z.string().trim().max(10_000).nullish(),
    deadline: isoDateTime.optional(),
  })
  .strict()
  .refine((u) => u.status !== 'repondue' || (u.answer ?? '').length > 0, {
    path: ['answer'],
    message: 'an answered request needs its answer',
  });
export type PressRequestUpdate = z.infer<typeof pressRequestUpdateSchema>;

export interface PressRequest {
  id: string;
  contactId: string | null;
  journalistName: string;
  media: string;
  subject: string;
  details: string | null;
  receivedAt: string;
  deadline: string;
  spokesperson: string | null;
  answer: string | null;
  answeredAt: string | null;
  status: PressRequestStatus;
  overdue: boolean;
  createdByName: string;
}

// ------------------------------------------------------------------------------------ visits
export const VISIT_KINDS = ['vo_ministre', 'vip', 'prefet', 'sous_prefet'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  vo_ministre: 'Visite ministérielle',
  vip: 'Personnalité',
  prefet: 'Déplacement du préfet',
  sous_prefet: 'Déplacement d’un sous-préfet',
};
export const VISIT_STATUSES = ['previsionnelle', 'confirmee', 'realisee', 'annulee'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  previsionnelle: 'Prévisionnelle',
  confirmee: 'Confirmée',
  realisee: 'Réalisée',
  annulee: 'Annulée',
};

export const visitSequenceSchema = z
  .object({
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    place: text(200),
    title: text(200),
    participants: z.string().trim().max(2000).nullish(),
    press: z.enum(['ouverte', 'fermee']),
    dress: z.string().trim().max(200).nullish(),
  })
  .strict()
  .refine((s) => s.endsAt > s.startsAt, { path: ['endsAt'], message: 'must be after the start' });

export const visitInputSchema = z
  .object({
    kind: z.enum(VISIT_KINDS),
    authority: text(200),
    title: text(200),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    communes: z.array(inseeCode).min(1).max(50),
    purpose: z.string().trim().max(5000).nullish(),
    status: z.enum(VISIT_STATUSES).default('previsionnelle'),
    security: z.string().trim().max(5000).nullish(),
    notes: z.string().trim().max(10_000).nullish(),
    guests: z.string().trim().max(5000).nullish(),
    sequences: z.array(visitSequenceSchema).max(100).default([]),
  })
  .strict()
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], message: 'must be after the start' });
export type VisitInput = z.infer<typeof visitInputSchema>;

export const informOfficialSchema = z.object({ informed: z.boolean() }).strict();

export interface VisitOfficial {
  contactId: string;
  name: string;
  function: OfficialFunction;
  title: string | null;
  email: string | null;
  mobile: string | null;
  informedAt: string | null;
  informedByName: string | null;
}

export interface VisitConflict {
  visitId: string;
  title: string;
  startsAt: string;
  endsAt: string;
}

export interface Visit {
  id: string;
  kind: VisitKind;
  authority: string;
  title: string;
  startsAt: string;
  endsAt: string;
  communes: { insee: string; name: string }[];
  purpose: string | null;
  status: VisitStatus;
  security: string | null;
  notes: string | null;
  guests: string | null;
  sequences: (z.infer<typeof visitSequenceSchema> & { id: string })[];
  officials: VisitOfficial[];
  /** Officials not yet informed. */
  uninformed: number;
  conflicts: VisitConflict[];
}

export type VisitListItem = Omit<Visit, 'sequences' | 'officials' | 'security' | 'notes' | 'guests'>;

// ------------------------------------------------------------------- official publications
export const ACT_NATURES = ['reglementaire', 'individuel'] as const;
export type ActNature = (typeof ACT_NATURES)[number];
export const ACT_NATURE_LABELS: Record<ActNature, string> = { reglementaire: 'Réglementaire', individuel: 'Individuel' };

export const actInputSchema = z
  .object({
    number: z.string().trim().regex(/^[\w.\-/ ]{3,40}$/, 'an act number such as 63-2026-03-14-00012'),
    signedAt: isoDate,
    signatory: text(200),
    delegation: z.string().trim().max(500).nullish(),
    service: text(200),
    nature: z.enum(ACT_NATURES),
    subject: text(1000),
    /** The signed act, base64 PDF (optional, 700 kB at most). */
    pdfBase64: z.base64().max(950_000).nullish(),
  })
  .strict();
export type ActInput = z.infer<typeof actInputSchema>;

export interface AdministrativeAct {
  id: string;
  number: string;
  signedAt: string;
  signatory: string;
  delegation: string | null;
  service: string;
  nature: ActNature;
  subject: string;
  hasPdf: boolean;
  raaIssueId: string | null;
  raaLabel: string | null;
  publishedAt: string | null;
  /** Publication + the appeal delay of the rule table. */
  appealDeadline: string | null;
  enforceableAt: string | null;
}

export const raaIssueInputSchema = z
  .object({ actIds: z.array(z.uuid()).min(1).max(500), title: z.string().trim().max(200).nullish() })
  .strict();
export const raaPublishSchema = z.object({ publishedOn: isoDate }).strict();

export interface RaaIssue {
  id: string;
  year: number;
  seq: number;
  /** `RAA n° 63-2027-014`. */
  label: string;
  title: string | null;
  publishedOn: string | null;
  appealDeadline: string | null;
  acts: AdministrativeAct[];
}
