/**
 * Public security & prevention contract (CLSPD / CISPD bodies, meetings, obligation), shared
 * with the client. No Nest imports.
 */
import { z } from 'zod';

export const BODY_KINDS = ['CLSPD', 'CISPD', 'CDPD'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  CLSPD: 'Conseil local de sécurité et de prévention de la délinquance',
  CISPD: 'Conseil intercommunal de sécurité et de prévention de la délinquance',
  CDPD: 'Conseil départemental de prévention de la délinquance',
};

export const MEETING_KINDS = ['pleniere', 'restreinte', 'gpo', 'thematique'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  pleniere: 'Séance plénière',
  restreinte: 'Formation restreinte',
  gpo: 'Groupe de partenariat opérationnel',
  thematique: 'Groupe thématique',
};

const insee = z.string().regex(/^\d{5}$/, 'an INSEE commune code');
const day = z.iso.date();
const text = (max: number) => z.string().trim().min(2).max(max);

export const createBodySchema = z
  .object({
    kind: z.enum(BODY_KINDS),
    name: text(300),
    /** Communes covered: one for a CLSPD, the EPCI's member communes for a CISPD. */
    communes: z.array(insee).min(1).max(500),
    /** SIREN of the EPCI (CISPD). */
    epciSiren: z
      .string()
      .regex(/^\d{9}$/, '9 digits')
      .optional(),
    chairName: text(200),
    coordinatorName: text(200).optional(),
    createdOn: day,
    dissolvedOn: day.optional(),
    notes: z.string().trim().max(5000).optional(),
  })
  .strict();
export type CreateBodyRequest = z.input<typeof createBodySchema>;

export const createMeetingSchema = z
  .object({
    heldOn: day,
    kind: z.enum(MEETING_KINDS),
    title: text(300),
    /** Compte-rendu. */
    minutes: z.string().trim().max(20000).optional(),
    minutesReceivedOn: day.optional(),
    prefectRepresented: z.boolean().default(false),
  })
  .strict();
export type CreateMeetingRequest = z.input<typeof createMeetingSchema>;

export const createQpvSchema = z
  .object({
    code: z.string().regex(/^QN\d{7}$|^QP\d{6}$/, 'a QPV code (QN0630001M or QP063001)'),
    name: text(200),
    communeInsee: insee,
  })
  .strict();

export interface PreventionMeeting {
  id: string;
  heldOn: string;
  kind: MeetingKind;
  title: string;
  minutes: string | null;
  minutesReceivedOn: string | null;
  prefectRepresented: boolean;
}

export interface PreventionBody {
  id: string;
  kind: BodyKind;
  name: string;
  communes: { insee: string; name: string; population: number }[];
  epciSiren: string | null;
  chairName: string;
  coordinatorName: string | null;
  createdOn: string;
  dissolvedOn: string | null;
  active: boolean;
  notes: string | null;
  lastMeetingOn: string | null;
  /** No meeting in the last 12 months. */
  dormant: boolean;
  meetings: PreventionMeeting[];
}

export interface ObligationRule {
  effectiveFrom: string;
  populationThreshold: number;
  coordinatorThreshold: number;
  qpvRequires: boolean;
  toConfirm: boolean;
  source: string;
}

/** One commune that must have a CLSPD (or be covered by a CISPD). */
export interface ObligationRow {
  insee: string;
  name: string;
  population: number;
  reasons: ('population' | 'qpv')[];
  coveredBy: { id: string; kind: BodyKind; name: string }[];
  status: 'covered' | 'missing';
  /** Above the coordinator threshold, the covering CLSPD has no coordinator. */
  coordinatorMissing: boolean;
}

export interface ObligationReport {
  rule: ObligationRule;
  rows: ObligationRow[];
  missing: number;
}
