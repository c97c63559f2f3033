/**
 * Call-for-projects engine (appels à projets FIPD, MILDECA, PDASR): request schemas and response
 * shapes, shared with the client. No Nest imports. Amounts are whole euros.
 */
import { z } from 'zod';

export const GRANT_FUNDS = ['fipd', 'mildeca', 'pdasr'] as const;
export type GrantFund = (typeof GRANT_FUNDS)[number];
export const GRANT_FUND_LABELS: Record<GrantFund, string> = {
  fipd: 'FIPD — prévention de la délinquance et de la radicalisation',
  mildeca: 'MILDECA — conduites addictives',
  pdasr: 'PDASR — sécurité routière',
};

export const APPLICATION_STATUSES = [
  'submitted',
  'admissible',
  'inadmissible',
  'granted',
  'rejected',
  'closed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: 'Déposé',
  admissible: 'Recevable',
  inadmissible: 'Irrecevable',
  granted: 'Retenu',
  rejected: 'Refusé',
  closed: 'Soldé',
};

export const APPLICANT_KINDS = [
  'commune',
  'epci',
  'association',
  'etablissement_public',
  'entreprise',
  'autre_organisme',
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  commune: 'Commune',
  epci: 'EPCI',
  association: 'Association',
  etablissement_public: 'Établissement public',
  entreprise: 'Entreprise',
  autre_organisme: 'Autre organisme',
};

const inseeSchema = z.string().regex(/^\d{5}$/, 'an INSEE commune code');
const day = z.iso.date();
const euros = z.number().int('whole euros').min(0).max(100_000_000);
const code = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_-]{1,20}$/, 'a code in capitals (A-Z, 0-9, _ -)');

export const criterionSchema = z
  .object({
    code: code,
    label: z.string().trim().min(2).max(200),
    /** Points available for this criterion. */
    maxPoints: z.number().int().min(1).max(100),
  })
  .strict();
export type Criterion = z.infer<typeof criterionSchema>;

export const createCallSchema = z
  .object({
    fund: z.enum(GRANT_FUNDS),
    year: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(3).max(300),
    /** Programmes applications may choose (FIPD: D, R, S, K; MILDECA: MILDECA; PDASR: PDASR). */
    programmeCodes: z.array(code).min(1).max(10),
    opensOn: day,
    closesAt: z.iso.datetime({ offset: true }),
    envelope: euros.min(1),
    criteria: z.array(criterionSchema).max(20).default([]),
    description: z.string().trim().max(5000).optional(),
  })
  .strict();
export type CreateCallRequest = z.input<typeof createCallSchema>;

export const coFundingSchema = z
  .object({
    funder: z.string().trim().min(2).max(200),
    amount: euros,
    /** State money (DETR, DSIL…): counts in caps that include State funding. */
    state: z.boolean().default(false),
  })
  .strict();

export const createApplicationSchema = z
  .object({
    applicantName: z.string().trim().min(2).max(300),
    applicantKind: z.enum(APPLICANT_KINDS),
    siret: z
      .string()
      .regex(/^\d{14}$/, '14 digits')
      .optional(),
    applicantCommuneInsee: inseeSchema.optional(),
    title: z.string().trim().min(3).max(300),
    description: z.string().trim().max(5000).optional(),
    programmeCode: code,
    /** Codes of the fund's axes (DGO stakes for PDASR, plan axes for MILDECA). */
    axisCodes: z.array(code).max(10).default([]),
    targetPublic: z.string().trim().max(300).optional(),
    communes: z.array(inseeSchema).max(100).default([]),
    startsOn: day.optional(),
    endsOn: day.optional(),
    totalCost: euros.min(1),
    requestedAmount: euros.min(1),
    coFunding: z.array(coFundingSchema).max(20).default([]),
    /** Contrat d'engagement républicain signed (loi 2021-1109). */
    cerSigned: z.boolean().default(false),
    /** Codes of the documents received (see the programme's required documents). */
    documents: z.array(code).max(30).default([]),
    /** The application of an earlier call this one renews: its final report is required. */
    renewalOfId: z.uuid().optional(),
  })
  .strict();
export type CreateApplicationRequest = z.input<typeof createApplicationSchema>;

export const updateDocumentsSchema = z
  .object({ documents: z.array(code).max(30), cerSigned: z.boolean() })
  .strict();

export const scoreSchema = z
  .object({ scores: z.record(code, z.number().int().min(0).max(100)) })
  .strict();

export const APPLICATION_ACTIONS = [
  'admit',
  'declare_inadmissible',
  'grant',
  'reject',
  'close',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const decisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('admit'), note: z.string().trim().max(2000).optional() }).strict(),
  z
    .object({ action: z.literal('declare_inadmissible'), note: z.string().trim().min(3).max(2000) })
    .strict(),
  z
    .object({
      action: z.literal('grant'),
      amount: euros.min(1),
      committeeDate: day,
      note: z.string().trim().max(2000).optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal('reject'),
      committeeDate: day,
      note: z.string().trim().min(3).max(2000),
    })
    .strict(),
  z.object({ action: z.literal('close'), note: z.string().trim().max(2000).optional() }).strict(),
]);
export type DecisionRequest = z.infer<typeof decisionSchema>;

export const paymentSchema = z
  .object({
    amount: euros.min(1),
    paidOn: day,
    label: z.string().trim().min(2).max(200),
  })
  .strict();
export type PaymentRequest = z.infer<typeof paymentSchema>;

export const reportSchema = z
  .object({
    receivedOn: day,
    actualCost: euros,
    beneficiaries: z.number().int().min(0).max(10_000_000),
    summary: z.string().trim().min(3).max(5000),
  })
  .strict();
export type ReportRequest = z.infer<typeof reportSchema>;

export const createAxisSchema = z
  .object({
    fund: z.enum(GRANT_FUNDS),
    code: code,
    label: z.string().trim().min(2).max(300),
    description: z.string().trim().max(2000).optional(),
    fromYear: z.number().int().min(2000).max(2100),
    toYear: z.number().int().min(2000).max(2100),
  })
  .strict()
  .refine((a) => a.toYear >= a.fromYear, { path: ['toYear'], message: 'before fromYear' });
export type CreateAxisRequest = z.input<typeof createAxisSchema>;

// ---------------------------------------------------------------------------- responses
export interface ProgrammeRule {
  programmeCode: string;
  fund: GrantFund;
  label: string;
  effectiveFrom: string;
  /** Cap of the subsidy as a percentage of the total cost. */
  maxRatePercent: number;
  /** Whether other State funding counts in the cap (FIPD investment: 80 % State funding included). */
  capIncludesStateFunding: boolean;
  minAmount: number;
  requiredDocuments: { code: string; label: string }[];
  requiresCer: boolean;
  /** At least one axis (DGO stake, plan axis) must be linked. */
  requiresAxis: boolean;
  toConfirm: boolean;
  source: string;
}

export interface GrantAxis {
  id: string;
  fund: GrantFund;
  code: string;
  label: string;
  description: string | null;
  fromYear: number;
  toYear: number;
}

export interface GrantCall {
  id: string;
  fund: GrantFund;
  year: number;
  title: string;
  description: string | null;
  programmeCodes: string[];
  opensOn: string;
  closesAt: string;
  envelope: number;
  criteria: Criterion[];
  /** `upcoming`, `open`, `closed` (by the dates), `adopted` once the programme is adopted. */
  phase: 'upcoming' | 'open' | 'closed' | 'adopted';
  adoptedAt: string | null;
  /** Sum of the amounts granted. */
  committed: number;
  paid: number;
  remaining: number;
  applications: number;
}

export interface GrantHistoryEntry {
  at: string;
  byName: string;
  action: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  note: string | null;
}

export interface GrantPayment {
  id: string;
  amount: number;
  paidOn: string;
  label: string;
}

export interface GrantApplication {
  id: string;
  callId: string;
  fund: GrantFund;
  year: number;
  reference: string;
  applicantName: string;
  applicantKind: ApplicantKind;
  siret: string | null;
  applicantCommuneInsee: string | null;
  title: string;
  description: string | null;
  programmeCode: string;
  axisCodes: string[];
  targetPublic: string | null;
  communes: string[];
  startsOn: string | null;
  endsOn: string | null;
  totalCost: number;
  requestedAmount: number;
  /** Requested / total cost, in percent (one decimal). */
  requestedRate: number;
  coFunding: { funder: string; amount: number; state: boolean }[];
  cerSigned: boolean;
  documents: string[];
  missingDocuments: string[];
  renewalOfId: string | null;
  status: ApplicationStatus;
  scores: Record<string, number>;
  score: number | null;
  grantedAmount: number | null;
  grantedRate: number | null;
  committeeDate: string | null;
  decisionNote: string | null;
  paid: number;
  payments: GrantPayment[];
  report: ReportRequest | null;
  version: number;
  createdAt: string;
  history: GrantHistoryEntry[];
}

/** Programme table of a call: money committed and paid by axis and by applicant. */
export interface CallSummary {
  call: GrantCall;
  byStatus: { status: ApplicationStatus; count: number; requested: number }[];
  byAxis: { code: string; label: string; actions: number; committed: number; paid: number }[];
  byApplicant: { applicantName: string; actions: number; committed: number; paid: number }[];
  byProgramme: { programmeCode: string; actions: number; committed: number; paid: number }[];
}
