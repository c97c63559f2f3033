/**
 * Direction contract (decisions asked of the authority, points de situation, the direction
 * overview): request schemas and response shapes shared with the client. No Nest imports.
 */
import { z } from 'zod';
import type { CodLevel, Counters, CounterKey, Crisis, LogbookEntry } from './crisis';

// ---------------------------------------------------------------------------- decisions
export const DECISION_URGENCIES = ['normale', 'urgente'] as const;
export type DecisionUrgency = (typeof DECISION_URGENCIES)[number];
export const DECISION_URGENCY_LABELS: Record<DecisionUrgency, string> = {
  normale: 'Normale',
  urgente: 'Urgente',
};

/** `pending` → `approved` / `rejected` (final) or `more_info` → (complement) `pending`. */
export const DECISION_STATUSES = ['pending', 'more_info', 'approved', 'rejected'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  pending: 'En attente',
  more_info: 'Complément demandé',
  approved: 'Approuvée',
  rejected: 'Refusée',
};
export const OPEN_DECISION_STATUSES: readonly DecisionStatus[] = ['pending', 'more_info'];

export const createDecisionSchema = z
  .object({
    crisisId: z.uuid(),
    incidentId: z.uuid().optional(),
    question: z.string().trim().min(5).max(300),
    context: z.string().trim().max(4000).optional(),
    options: z
      .array(z.string().trim().min(1).max(200))
      .min(1)
      .max(6)
      .refine((o) => new Set(o.map((x) => x.toLowerCase())).size === o.length, 'options must differ'),
    urgency: z.enum(DECISION_URGENCIES),
  })
  .strict();
export type CreateDecisionRequest = z.infer<typeof createDecisionSchema>;

/** The one-tap answer: approve one option, reject, or ask for more (a note is then required). */
export const DECISION_ANSWERS = ['approve', 'reject', 'more_info'] as const;
export const answerDecisionSchema = z
  .object({
    answer: z.enum(DECISION_ANSWERS),
    /** The approved option (0-based): required to approve, refused otherwise. */
    optionIndex: z.number().int().min(0).max(5).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.answer === 'approve' && a.optionIndex === undefined)
      ctx.addIssue({ code: 'custom', path: ['optionIndex'], message: 'the approved option is required' });
    if (a.answer !== 'approve' && a.optionIndex !== undefined)
      ctx.addIssue({ code: 'custom', path: ['optionIndex'], message: 'only an approval names an option' });
    if (a.answer === 'more_info' && (a.note ?? '').length < 3)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'say what is missing (3 characters at least)' });
  });
export type AnswerDecisionRequest = z.infer<typeof answerDecisionSchema>;

/** The operator completes a decision the authority asked more about: back to `pending`. */
export const complementDecisionSchema = z
  .object({ note: z.string().trim().min(3).max(4000) })
  .strict();

export const listDecisionsQuerySchema = z
  .object({
    crisisId: z.uuid().optional(),
    open: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export interface DecisionStep {
  to: DecisionStatus;
  at: string;
  by: string;
  byName: string;
  note: string | null;
  optionIndex: number | null;
}

export interface Decision {
  id: string;
  crisisId: string;
  crisisTitle: string;
  incidentId: string | null;
  question: string;
  context: string | null;
  options: string[];
  urgency: DecisionUrgency;
  status: DecisionStatus;
  exercise: boolean;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  answeredBy: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  /** Index in `options` of the approved option. */
  chosenOption: number | null;
  answerNote: string | null;
  /** Set when the urgent-decision reminder fired. */
  remindedAt: string | null;
  /** The page that told the authority (web push, SMS when urgent). */
  pageId: string | null;
  version: number;
  history: DecisionStep[];
}

// ---------------------------------------------------------------------------- points de situation
/** Free text per cellule in a point de situation. */
export const SITREP_SECTIONS = ['situation', 'anticipation', 'actions', 'communication'] as const;
export type SitrepSection = (typeof SITREP_SECTIONS)[number];
export const SITREP_SECTION_LABELS: Record<SitrepSection, string> = {
  situation: 'Situation',
  anticipation: 'Anticipation',
  actions: 'Actions en cours',
  communication: 'Communication',
};

export const SITREP_STATUSES = ['draft', 'validated'] as const;
export type SitrepStatus = (typeof SITREP_STATUSES)[number];
export const SITREP_STATUS_LABELS: Record<SitrepStatus, string> = {
  draft: 'Brouillon',
  validated: 'Validé',
};

const sectionText = z.string().trim().max(8000);
export const updateSitrepSchema = z
  .object({
    version: z.number().int().min(1),
    sections: z
      .object(
        Object.fromEntries(SITREP_SECTIONS.map((s) => [s, sectionText.optional()])) as {
          [K in SitrepSection]: z.ZodOptional<typeof sectionText>;
        },
      )
      .strict(),
  })
  .strict();
export type UpdateSitrepRequest = z.infer<typeof updateSitrepSchema>;

export const validateSitrepSchema = z.object({ version: z.number().int().min(1) }).strict();

export const diffuseSitrepSchema = z
  .object({ groupIds: z.array(z.uuid()).min(1).max(20) })
  .strict();
export type DiffuseSitrepRequest = z.infer<typeof diffuseSitrepSchema>;

/** Next point due at (`null`: no schedule), and the interval that sets the one after. */
export const sitrepScheduleSchema = z
  .object({
    nextDueAt: z.iso.datetime({ offset: true }).nullable(),
    intervalMinutes: z.number().int().min(15).max(24 * 60).nullable().optional(),
  })
  .strict();
export type SitrepScheduleRequest = z.infer<typeof sitrepScheduleSchema>;

export interface SitrepEntry {
  id: string;
  index: number;
  recordedAt: string;
  promotedAt: string;
  cellule: string;
  category: LogbookEntry['category'];
  authorName: string;
  text: string;
}

export interface SitrepTasks {
  open: number;
  overdue: number;
  /** Done or cancelled since the previous point. */
  closedSincePrevious: number;
  createdSincePrevious: number;
}

export interface SitrepPaging {
  /** Pages of the crisis since the previous point. */
  pages: number;
  targets: number;
  acknowledged: number;
  /** Targets of ack-required pages who have not acknowledged (all pages of the crisis). */
  unacknowledged: number;
}

export interface SitrepDiffusion {
  at: string;
  byName: string;
  pageId: string;
  groups: string[];
  recipients: number;
}

export interface Sitrep {
  id: string;
  crisisId: string;
  crisisTitle: string;
  /** 1, 2, 3… per crisis. */
  number: number;
  /** +1 on every edit. */
  version: number;
  status: SitrepStatus;
  exercise: boolean;
  /** Entries promoted after this time (the previous point's cut-off) and up to `generatedAt`. */
  periodStart: string | null;
  generatedAt: string;
  codLevel: CodLevel;
  bilan: Record<CounterKey, number>;
  /** Bilan of the previous point (zeros for the first). */
  previousBilan: Record<CounterKey, number>;
  deltas: Record<CounterKey, number>;
  entries: SitrepEntry[];
  tasks: SitrepTasks;
  paging: SitrepPaging;
  sections: Record<SitrepSection, string>;
  createdBy: string;
  createdByName: string;
  validatedAt: string | null;
  validatedBy: string | null;
  validatedByName: string | null;
  diffusions: SitrepDiffusion[];
  history: { action: 'generated' | 'edited' | 'validated' | 'diffused'; at: string; byName: string; version: number }[];
}

export interface SitrepDiff {
  previousNumber: number | null;
  codLevel: { from: CodLevel; to: CodLevel } | null;
  counters: { key: CounterKey; previous: number; current: number; delta: number }[];
  newEntries: number;
  sections: { section: SitrepSection; changed: boolean; previous: string; current: string }[];
  tasks: { open: [number, number]; overdue: [number, number] };
}

export interface SitrepSchedule {
  crisisId: string;
  nextDueAt: string | null;
  intervalMinutes: number | null;
  /** When the cellule situation was reminded of the point now due (null: not yet). */
  remindedAt: string | null;
}

// ---------------------------------------------------------------------------- overview
export interface DirectionCrisis {
  crisis: Crisis;
  bilan: Counters;
  openTasks: number;
  overdueTasks: number;
  latestSitrep: Pick<Sitrep, 'id' | 'number' | 'status' | 'generatedAt' | 'validatedAt'> | null;
  schedule: SitrepSchedule | null;
}

export interface DirectionOverview {
  cod: { level: CodLevel; since: string; crisisId: string | null };
  crises: DirectionCrisis[];
  pendingDecisions: Decision[];
  overdueTasks: { id: string; crisisId: string; title: string; serviceName: string; dueAt: string }[];
  unacknowledgedPages: { id: string; title: string; createdAt: string; targets: number; acknowledged: number }[];
  /** Last promoted entries (fil de situation) of the open crises, newest first. */
  feed: (SitrepEntry & { crisisId: string })[];
  generatedAt: string;
  seq: number;
}

export type { Counters };
