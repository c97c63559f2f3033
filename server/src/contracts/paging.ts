/**
 * Paging contract (directory contacts, groups, astreintes, pages): request schemas and response
 * shapes, shared with the client. No Nest imports.
 */
import { z } from 'zod';

export const CHANNELS = ['sms', 'voice', 'email', 'push', 'inapp'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  sms: 'SMS',
  voice: 'Appel vocal',
  email: 'Courriel',
  push: 'Notification push',
  inapp: 'Console Vigie',
};

export const PAGE_SEVERITIES = ['information', 'alerte', 'crise'] as const;
export type PageSeverity = (typeof PAGE_SEVERITIES)[number];

/** French mobile/landline in E.164 (+33…) or national (0…) form; stored as E.164. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(
    /^(\+33\s?[1-9](\s?\d{2}){4}|0[1-9](\s?\d{2}){4}|\+\d{8,15})$/,
    'a phone number (+33 6 12 34 56 78)',
  );
export const inseeSchema = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code');

// ---------------------------------------------------------------------------- directory
export const CONTACT_FUNCTIONS = [
  'maire',
  'adjoint',
  'referent_pcs',
  'astreinte',
  'cadre',
  'agent',
  'depute',
  'senateur',
  'conseiller_departemental',
  'journaliste',
  'autre',
] as const;

export const contactSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    function: z.enum(CONTACT_FUNCTIONS),
    title: z.string().trim().max(200).optional(),
    serviceId: z.uuid().nullish(),
    communeInsee: inseeSchema.nullish(),
    /** Departmental councillors: their canton (`6324`). */
    cantonCode: z.string().regex(/^\d{4}$/, 'a canton code (6324)').nullish(),
    /** Deputies: their legislative circonscription (`6301`). */
    circonscriptionCode: z.string().regex(/^\d{4}$/, 'a circonscription code (6301)').nullish(),
    mobile: phoneSchema.nullish(),
    landline: phoneSchema.nullish(),
    email: z.email().max(254).nullish(),
    /** Vigie account of the contact, for in-app and web-push delivery. */
    userId: z.uuid().nullish(),
    /** Who to page next when this contact does not acknowledge. */
    deputyContactId: z.uuid().nullish(),
    active: z.boolean().default(true),
  })
  .strict();
export type ContactInput = z.infer<typeof contactSchema>;

export const CONTACT_FUNCTION_LABELS: Record<(typeof CONTACT_FUNCTIONS)[number], string> = {
  maire: 'Maire',
  adjoint: 'Adjoint au maire',
  referent_pcs: 'Référent PCS',
  astreinte: "Cadre d'astreinte",
  cadre: 'Cadre',
  agent: 'Agent',
  depute: 'Député',
  senateur: 'Sénateur',
  conseiller_departemental: 'Conseiller départemental',
  journaliste: 'Journaliste',
  autre: 'Autre',
};

/** PATCH of a contact: the fields to change (null clears), with the `version` read last. */
export const updateContactSchema = contactSchema
  .extend({ active: z.boolean().optional() })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

/**
 * CSV import of contacts, sent as JSON `{csv}` (the text of the file, UTF-8, `;` or `,`
 * separated, header row first). All or nothing: any bad row → 400 listing every problem.
 */
export const contactImportSchema = z.object({ csv: z.string().min(1).max(900_000) }).strict();

export interface ContactImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface Contact {
  id: string;
  name: string;
  function: (typeof CONTACT_FUNCTIONS)[number];
  title: string | null;
  serviceId: string | null;
  communeInsee: string | null;
  cantonCode: string | null;
  circonscriptionCode: string | null;
  mobile: string | null;
  landline: string | null;
  email: string | null;
  userId: string | null;
  deputyContactId: string | null;
  active: boolean;
  version: number;
}

export const groupSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(1000).optional(),
    contactIds: z.array(z.uuid()).max(5000),
  })
  .strict();

export interface ContactGroup {
  id: string;
  name: string;
  description: string | null;
  contactIds: string[];
}

/** One duty slot of a service's astreinte: who is on duty from `start` to `end`. */
export const rosterShiftSchema = z
  .object({
    serviceId: z.uuid(),
    contactId: z.uuid(),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    /** An override wins over regular shifts that overlap it. */
    override: z.boolean().default(false),
    /** Order on the roster for escalation: 1 = first called, 2 = next... */
    rank: z.number().int().min(1).max(20).default(1),
  })
  .strict()
  .refine((s) => new Date(s.end) > new Date(s.start), {
    message: 'end must be after start',
    path: ['end'],
  });

export interface RosterShift {
  id: string;
  serviceId: string;
  contactId: string;
  start: string;
  end: string;
  override: boolean;
  rank: number;
}

/** A shift in force at a given time, with its contact: what `GET /api/services/:id/on-duty` lists. */
export interface OnDutyEntry {
  shift: RosterShift;
  contact: Contact;
  /** Paged first (the lowest rank on duty); the others are reached by escalation. */
  first: boolean;
}

export interface OnDuty {
  serviceId: string;
  at: string;
  /** By rank; an override replaces the regular shifts of its rank. Inactive contacts are left out. */
  entries: OnDutyEntry[];
}

/** One person a page would reach, and why (`POST /api/recipients/preview`). */
export interface RecipientTarget {
  contactId: string;
  name: string;
  function: string;
  serviceId: string | null;
  communeInsee: string | null;
  email: string | null;
  mobile: string | null;
  landline: string | null;
  userId: string | null;
  deputyContactId: string | null;
  /** `contact`, `group:<group name>`, `service:<service code>`, `commune:<insee>`; several when reached several ways. */
  via: string[];
}

export interface RecipientsPreview {
  targets: RecipientTarget[];
  counts: {
    targets: number;
    /** Targets reached through each kind of recipient (a target reached two ways counts twice). */
    byKind: { contact: number; group: number; service: number; commune: number };
    /** Targets having an address for the channel (sms: mobile; voice: mobile or landline; push/in-app: a Vigie account). */
    byChannel: Record<Channel, number>;
  };
}

// ---------------------------------------------------------------------------- pages
export const pageRecipientsSchema = z
  .object({
    contactIds: z.array(z.uuid()).max(5000).optional(),
    groupIds: z.array(z.uuid()).max(200).optional(),
    /** Resolved to whoever is on duty at send time (frozen). */
    serviceIds: z.array(z.uuid()).max(200).optional(),
    /** The mayors of these communes. */
    communeInsee: z.array(inseeSchema).max(1000).optional(),
    /** The mayors of the communes inside this map feature (périmètre). */
    featureId: z.uuid().optional(),
  })
  .strict()
  .refine(
    (r) => Object.values(r).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined)),
    {
      message: 'at least one recipient',
    },
  );

export const createPageSchema = z
  .object({
    title: z.string().trim().min(3).max(160),
    message: z.string().trim().min(1).max(1400),
    severity: z.enum(PAGE_SEVERITIES),
    recipients: pageRecipientsSchema,
    channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length),
    ackRequired: z.boolean().default(true),
    escalateAfterSec: z
      .number()
      .int()
      .min(30)
      .max(24 * 3600)
      .default(300),
    crisisId: z.uuid().optional(),
  })
  .strict();
export type CreatePageRequest = z.infer<typeof createPageSchema>;

export const DELIVERY_STATES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'failed',
  'cancelled',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  queued: 'En file',
  sending: 'En cours d’envoi',
  sent: 'Envoyé',
  delivered: 'Remis',
  failed: 'Échec',
  cancelled: 'Annulé',
};

export interface PageDelivery {
  id: string;
  channel: Channel;
  address: string;
  state: DeliveryState;
  attempts: number;
  error: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  /** Held by the heures de silence until then (SMS, call, push of a page that is not `crise`). */
  notBefore: string | null;
  /** Send round of the target: 1 at creation, +1 on each re-page or escalation step. */
  level: number;
  /** `page`: the chosen channels; `fallback`: after a channel failed for good; `duty_alert`: the duty officers told that the target did not acknowledge. */
  purpose: DeliveryPurpose;
}

export interface PageTarget {
  id: string;
  contactId: string;
  name: string;
  function: string;
  communeInsee: string | null;
  serviceId: string | null;
  /** Why this person is paged: `contact`, `group:<name>`, `service:<code>`, `commune:<insee>`, `escalation`. */
  via: string[];
  acknowledgedAt: string | null;
  acknowledgedVia: 'console' | 'link' | 'sms' | null;
  /** Who recorded the acknowledgement from the console (the person, or an officer after a phone call). */
  acknowledgedBy: string | null;
  /** 1: paged; 2: the deputy / next on the roster was paged; 3: the duty officers were alerted. */
  escalationLevel: number;
  /** For a deputy paged by escalation: the target who did not acknowledge. */
  escalatedFromTargetId: string | null;
  deliveries: PageDelivery[];
}

export interface PageCounts {
  targets: number;
  queued: number;
  sent: number;
  delivered: number;
  failed: number;
  acknowledged: number;
}

export interface Page {
  id: string;
  title: string;
  message: string;
  severity: PageSeverity;
  channels: Channel[];
  ackRequired: boolean;
  escalateAfterSec: number;
  crisisId: string | null;
  exercise: boolean;
  createdBy: string;
  createdAt: string;
  counts: PageCounts;
  targets: PageTarget[];
}

// ---------------------------------------------------------------------------- pages: follow-up
export const DELIVERY_PURPOSES = ['page', 'fallback', 'duty_alert'] as const;
export type DeliveryPurpose = (typeof DELIVERY_PURPOSES)[number];

/** Labels of the live counters (`page.updated`). */
export const PAGE_COUNT_LABELS: Record<Exclude<keyof PageCounts, 'targets'>, string> = {
  queued: 'En file',
  sent: 'Envoyé',
  delivered: 'Remis',
  failed: 'Échec',
  acknowledged: 'Acquitté',
};

/** A page without its targets: `GET /api/pages` items and the `page.updated` payload. */
export type PageSummary = Omit<Page, 'targets'>;

/** `POST /api/pages/:id/ack`: own target(s), or `targetId` for an officer acknowledging on someone's behalf. */
export const pageAckSchema = z.object({ targetId: z.uuid().optional() }).strict();
export type PageAckRequest = z.infer<typeof pageAckSchema>;

const base64url = (min: number, max: number) =>
  z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}={0,2}$`), 'base64url');

/** `POST /api/paging/push-subscriptions`: the browser's PushSubscription.toJSON(). */
export const pushSubscriptionSchema = z
  .object({
    endpoint: z.url({ protocol: /^https?$/ }).max(2000),
    expirationTime: z.number().nullish(),
    keys: z.object({ p256dh: base64url(80, 100), auth: base64url(16, 32) }).strict(),
  })
  .strict();
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;
export const pushUnsubscribeSchema = z.object({ endpoint: z.url().max(2000) }).strict();

/** In-app page (`page.received`, to the paged user's consoles only). */
export interface PageReceived {
  pageId: string;
  targetId: string;
  deliveryId: string;
  /** `duty_alert`: a target of this page did not acknowledge (sent to the duty officers). */
  kind: 'page' | 'duty_alert';
  title: string;
  message: string;
  severity: PageSeverity;
  exercise: boolean;
  ackRequired: boolean;
}
