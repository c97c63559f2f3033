/**
 * The unlawful-settlement procedure (loi 2000-614, art. 9 and 9-1) as a state machine with its
 * legal checks. Pure: the service loads the record and the rules, calls `checkAction`, and
 * applies the changes it returns.
 *
 *   constate ──record_request──▶ demande_recue ──issue_formal_notice──▶ mise_en_demeure
 *   constate ──reuse_formal_notice (7-day window of an earlier notice)──▶ mise_en_demeure
 *   mise_en_demeure ──file_appeal (within the execution delay)──▶ recours_pendant
 *   recours_pendant ──record_ruling: rejete──▶ mise_en_demeure · annule──▶ clos
 *   mise_en_demeure ──evict (after the deadline, no appeal pending)──▶ evacue
 *   any open status ──close──▶ clos ;  evacue ──close──▶ clos
 */
import type { ErrorDetail } from '../common/app-error';
import {
  HARM_KIND_LABELS,
  type Compliance,
  type HarmKind,
  type Precondition,
  type SettlementAction,
  type SettlementActionInput,
  type SettlementStatus,
  type TravellersRuleSet,
} from '../contracts/travellers';
import {
  courtRulingDeadline,
  executionDeadline,
  formatIsoDate,
  formatParis,
  reuseWindowEnd,
} from './delays';

/** What the workflow reads of a procedure. */
export interface SettlementState {
  status: SettlementStatus;
  observedAt: Date;
  communeInsee: string;
  banOrderNumber: string | null;
  banOrderDate: string | null;
  compliance: Compliance | null;
  complianceNote: string | null;
  harmKinds: HarmKind[];
  harmFacts: string | null;
  requester: string | null;
  requestReceivedAt: Date | null;
  notifiedAt: Date | null;
  executionDeadline: Date | null;
  appealFiledAt: Date | null;
  appealOutcome: 'rejete' | 'annule' | null;
}

/** An earlier procedure whose notice may apply again (same commune). */
export interface PriorNotice {
  id: string;
  communeInsee: string;
  noticeNumber: string | null;
  notifiedAt: Date | null;
  delayHours: number | null;
  reuseUntil: Date | null;
}

export const TRANSITIONS: Readonly<Record<SettlementStatus, readonly SettlementAction[]>> = {
  constate: ['record_request', 'reuse_formal_notice', 'close'],
  demande_recue: ['issue_formal_notice', 'close'],
  mise_en_demeure: ['file_appeal', 'evict', 'close'],
  recours_pendant: ['record_ruling', 'close'],
  evacue: ['close'],
  clos: [],
};

const TARGET: Record<Exclude<SettlementAction, 'record_ruling'>, SettlementStatus> = {
  record_request: 'demande_recue',
  issue_formal_notice: 'mise_en_demeure',
  reuse_formal_notice: 'mise_en_demeure',
  file_appeal: 'recours_pendant',
  evict: 'evacue',
  close: 'clos',
};

/** The four recorded preconditions of a mise en demeure, as the guided form shows them. */
export function preconditions(s: SettlementState): Precondition[] {
  const complianceMet =
    (s.compliance === 'conforme' || s.compliance === 'non_soumise') && !!s.complianceNote?.trim();
  return [
    {
      key: 'request',
      label: 'Demande du maire, du propriétaire ou du titulaire du droit d’usage',
      met: s.requester !== null && s.requestReceivedAt !== null,
      detail: s.requestReceivedAt ? `reçue le ${formatParis(s.requestReceivedAt)}` : null,
    },
    {
      key: 'ban_order',
      label: 'Arrêté municipal interdisant le stationnement hors des aires',
      met: !!s.banOrderNumber?.trim() && !!s.banOrderDate,
      detail:
        s.banOrderNumber && s.banOrderDate
          ? `n° ${s.banOrderNumber} du ${formatIsoDate(s.banOrderDate)}`
          : null,
    },
    {
      key: 'compliance',
      label: 'Commune ou EPCI en règle avec le schéma départemental (ou non soumis)',
      met: complianceMet,
      detail: s.complianceNote ?? null,
    },
    {
      key: 'harm',
      label: 'Atteinte à la salubrité, la sécurité ou la tranquillité publiques, faits décrits',
      met: s.harmKinds.length > 0 && !!s.harmFacts?.trim(),
      detail: s.harmKinds.length ? s.harmKinds.map((k) => HARM_KIND_LABELS[k]).join(', ') : null,
    },
  ];
}

/** What an accepted action changes on the record. */
export type SettlementChanges = Partial<{
  status: SettlementStatus;
  requester: string;
  requesterName: string;
  requestReceivedAt: Date;
  noticeNumber: string;
  notifiedAt: Date;
  delayHours: number;
  postedAtMairie: boolean;
  postedOnSite: boolean;
  ownerNotified: boolean;
  executionDeadline: Date;
  reuseUntil: Date;
  priorSettlementId: string;
  appealFiledAt: Date;
  appealCourt: string;
  appealRulingDeadline: Date;
  appealOutcome: 'rejete' | 'annule';
  appealDecidedAt: Date;
  evictedAt: Date;
  evictionMeans: string;
  closedAt: Date;
  closeReason: string;
}>;

export type ActionCheck =
  | { ok: true; changes: SettlementChanges }
  | {
      ok: false;
      code: 'validation' | 'invalid_transition';
      message: string;
      details: ErrorDetail[];
    };

const refuse = (
  code: 'validation' | 'invalid_transition',
  message: string,
  details: ErrorDetail[],
): ActionCheck => ({ ok: false, code, message, details });

/** Actions allowed from a status (the guided workflow's buttons). */
export function nextActions(status: SettlementStatus): SettlementAction[] {
  return [...TRANSITIONS[status]];
}

/**
 * Checks an action against the procedure's state, its recorded facts and the rules in force,
 * and returns the changes to apply, or every reason to refuse it.
 */
export function checkAction(
  s: SettlementState,
  input: SettlementActionInput,
  rules: TravellersRuleSet,
  prior?: PriorNotice | null,
): ActionCheck {
  if (!TRANSITIONS[s.status].includes(input.action)) {
    if (input.action === 'evict' && s.status === 'recours_pendant') {
      return refuse(
        'invalid_transition',
        'Eviction is blocked while an appeal is pending before the administrative court',
        [{ path: 'status', message: 'recours_pendant: wait for the ruling' }],
      );
    }
    const allowed = TRANSITIONS[s.status];
    return refuse('invalid_transition', `Action ${input.action} is not possible from ${s.status}`, [
      { path: 'action', message: input.action },
      { path: 'status', message: s.status },
      {
        path: 'allowed',
        message: allowed.length ? allowed.join(', ') : 'none: the procedure is closed',
      },
    ]);
  }

  switch (input.action) {
    case 'record_request': {
      const at = new Date(input.requestReceivedAt);
      if (at < s.observedAt)
        return refuse('validation', 'The request cannot precede the constat', [
          { path: 'requestReceivedAt', message: 'before the constat' },
        ]);
      return {
        ok: true,
        changes: {
          status: TARGET.record_request,
          requester: input.requester,
          requesterName: input.requesterName,
          requestReceivedAt: at,
        },
      };
    }
    case 'issue_formal_notice': {
      const missing = preconditions(s).filter((p) => !p.met);
      if (missing.length)
        return refuse(
          'invalid_transition',
          'The mise en demeure cannot be issued: preconditions are not recorded',
          missing.map((p) => ({ path: `preconditions.${p.key}`, message: p.label })),
        );
      const problems: ErrorDetail[] = [];
      const min = rules.md_min_delay_hours;
      if (input.delayHours < min)
        problems.push({ path: 'delayHours', message: `must be at least ${min} hours` });
      if (!input.postedAtMairie)
        problems.push({
          path: 'postedAtMairie',
          message: 'the notice must be posted at the mairie',
        });
      if (!input.postedOnSite)
        problems.push({ path: 'postedOnSite', message: 'the notice must be posted on the site' });
      const notifiedAt = new Date(input.notifiedAt);
      if (s.requestReceivedAt && notifiedAt < s.requestReceivedAt)
        problems.push({ path: 'notifiedAt', message: 'before the request was received' });
      if (problems.length) return refuse('validation', 'Invalid mise en demeure', problems);
      return {
        ok: true,
        changes: {
          status: TARGET.issue_formal_notice,
          noticeNumber: input.noticeNumber,
          notifiedAt,
          delayHours: input.delayHours,
          postedAtMairie: true,
          postedOnSite: true,
          ownerNotified: input.ownerNotified,
          executionDeadline: executionDeadline(notifiedAt, input.delayHours),
          reuseUntil: reuseWindowEnd(notifiedAt, rules.md_reuse_days),
        },
      };
    }
    case 'reuse_formal_notice': {
      const at = new Date(input.at);
      const details: ErrorDetail[] = [];
      if (!prior || !prior.notifiedAt || !prior.reuseUntil || prior.delayHours === null)
        details.push({ path: 'priorSettlementId', message: 'no notified mise en demeure' });
      else {
        if (prior.communeInsee !== s.communeInsee)
          details.push({ path: 'priorSettlementId', message: 'notice of another commune' });
        if (s.observedAt > prior.reuseUntil)
          details.push({
            path: 'priorSettlementId',
            message: `its re-use window ended on ${formatParis(prior.reuseUntil)}`,
          });
        if (s.observedAt < prior.notifiedAt)
          details.push({ path: 'priorSettlementId', message: 'notified after this constat' });
      }
      if (details.length)
        return refuse('invalid_transition', 'The earlier mise en demeure does not apply', details);
      return {
        ok: true,
        changes: {
          status: TARGET.reuse_formal_notice,
          priorSettlementId: prior!.id,
          noticeNumber: prior!.noticeNumber ?? undefined,
          notifiedAt: at,
          delayHours: prior!.delayHours!,
          executionDeadline: executionDeadline(at, prior!.delayHours!),
        },
      };
    }
    case 'file_appeal': {
      const filedAt = new Date(input.filedAt);
      const problems: ErrorDetail[] = [];
      if (s.notifiedAt && filedAt < s.notifiedAt)
        problems.push({ path: 'filedAt', message: 'before the notification' });
      if (s.executionDeadline && filedAt > s.executionDeadline)
        problems.push({
          path: 'filedAt',
          message: `after the execution deadline (${formatParis(s.executionDeadline)}): not suspensive`,
        });
      if (s.appealFiledAt)
        problems.push({ path: 'filedAt', message: 'an appeal was already recorded' });
      if (problems.length) return refuse('validation', 'Invalid appeal', problems);
      return {
        ok: true,
        changes: {
          status: TARGET.file_appeal,
          appealFiledAt: filedAt,
          appealCourt: input.court,
          appealRulingDeadline: courtRulingDeadline(filedAt, rules.appeal_ruling_hours),
        },
      };
    }
    case 'record_ruling': {
      const decidedAt = new Date(input.decidedAt);
      if (s.appealFiledAt && decidedAt < s.appealFiledAt)
        return refuse('validation', 'Invalid ruling', [
          { path: 'decidedAt', message: 'before the appeal' },
        ]);
      return {
        ok: true,
        changes: {
          status: input.outcome === 'rejete' ? 'mise_en_demeure' : 'clos',
          appealOutcome: input.outcome,
          appealDecidedAt: decidedAt,
          ...(input.outcome === 'annule'
            ? { closedAt: decidedAt, closeReason: 'mise_en_demeure_annulee' }
            : {}),
        },
      };
    }
    case 'evict': {
      const at = new Date(input.at);
      if (s.executionDeadline && at < s.executionDeadline)
        return refuse('invalid_transition', 'The execution delay has not elapsed', [
          { path: 'at', message: `not before ${formatParis(s.executionDeadline)}` },
        ]);
      return {
        ok: true,
        changes: { status: TARGET.evict, evictedAt: at, evictionMeans: input.means },
      };
    }
    case 'close': {
      const at = new Date(input.at);
      if (at < s.observedAt)
        return refuse('validation', 'Invalid closing', [
          { path: 'at', message: 'before the constat' },
        ]);
      return {
        ok: true,
        changes: { status: TARGET.close, closedAt: at, closeReason: input.reason },
      };
    }
  }
}
