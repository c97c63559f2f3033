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
  .regex(/^(\+33\s?[1-9](\s?\d{2}){4}|0[1-9](\s?\d{2}){4}|\+\d{8,15})$/, 'a phone number (+33 6 12 34 56 78)');
export const inseeSchema = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code');

// ---------------------------------------------------------------------------- directory
export const CONTACT_FUNCTIONS = ['maire', 'adjoint', 'referent_pcs', 'astreinte', 'cadre', 'agent', 'autre'] as const;

export const contactSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    function: z.enum(CONTACT_FUNCTIONS),
    title: z.string().trim().max(200).optional(),
    serviceId: z.uuid().nullish(),
    communeInsee: inseeSchema.nullish(),
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

export interface Contact {
  id: string;
  name: string;
  function: (typeof CONTACT_FUNCTIONS)[number];
  title: string | null;
  serviceId: string | null;
  communeInsee: string | null;
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
  .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] });

export interface RosterShift {
  id: string;
  serviceId: string;
  contactId: string;
  start: string;
  end: string;
  override: boolean;
  rank: number;
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
  .refine((r) => Object.values(r).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined)), {
    message: 'at least one recipient',
  });

export const createPageSchema = z
  .object({
    title: z.string().trim().min(3).max(160),
    message: z.string().trim().min(1).max(1400),
    severity: z.enum(PAGE_SEVERITIES),
    recipients: pageRecipientsSchema,
    channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length),
    ackRequired: z.boolean().default(true),
    escalateAfterSec: z.number().int().min(30).max(24 * 3600).default(300),
    crisisId: z.uuid().optional(),
  })
  .strict();
export type CreatePageRequest = z.infer<typeof createPageSchema>;

export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled'] as const;
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
  escalationLevel: number;
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
