import type { AnswerDecisionRequest, DecisionStatus } from '../contracts/direction';

export type FlowCheck =
  | { ok: true; to: DecisionStatus }
  | { ok: false; code: 'invalid_transition' | 'validation'; message: string; details?: { path: string; message: string }[] };

/**
 * The authority's answer: only to a decision waiting for it (`pending`, or `more_info` when the
 * authority changes its mind and decides anyway); an approval names an existing option.
 */
export function checkAnswer(status: DecisionStatus, answer: AnswerDecisionRequest, optionCount: number): FlowCheck {
  if (status === 'approved' || status === 'rejected')
    return { ok: false, code: 'invalid_transition', message: 'This decision has already been taken' };
  if (answer.answer === 'more_info' && status === 'more_info')
    return { ok: false, code: 'invalid_transition', message: 'A complement has already been asked for' };
  if (answer.answer === 'approve' && (answer.optionIndex ?? -1) >= optionCount)
    return {
      ok: false,
      code: 'validation',
      message: 'Invalid request',
      details: [{ path: 'optionIndex', message: `an option from 0 to ${optionCount - 1}` }],
    };
  return { ok: true, to: answer.answer === 'approve' ? 'approved' : answer.answer === 'reject' ? 'rejected' : 'more_info' };
}

/** A complement answers the authority's question: only when it asked one. */
export function checkComplement(status: DecisionStatus): FlowCheck {
  if (status !== 'more_info')
    return { ok: false, code: 'invalid_transition', message: 'No complement was asked for this decision' };
  return { ok: true, to: 'pending' };
}

/** Whether an urgent open decision is due its (single) reminder. */
export function reminderDue(
  d: { urgency: string; status: DecisionStatus; requestedAt: Date; remindedAt: Date | null },
  reminderSec: number,
  now: Date,
): boolean {
  return (
    d.urgency === 'urgente' &&
    (d.status === 'pending' || d.status === 'more_info') &&
    d.remindedAt === null &&
    now.getTime() - d.requestedAt.getTime() >= reminderSec * 1000
  );
}
