/**
 * Pure rules of the call-for-projects engine: caps, minimum amount, documents, renewals,
 * envelope, and which action moves an application from which status. No I/O: the service loads
 * the rows, these functions say yes or list the problems.
 */
import type { ErrorDetail } from '../common/app-error';
import type { ApplicationAction, ApplicationStatus } from '../contracts/grants';

export interface AmountRule {
  programmeCode: string;
  maxRatePercent: number;
  capIncludesStateFunding: boolean;
  minAmount: number;
}

export interface DocumentRule {
  requiredDocuments: { code: string; label: string }[];
  requiresCer: boolean;
}

export interface Funding {
  totalCost: number;
  coFunding: { amount: number; state: boolean }[];
}

/** The rule in force on `day` (ISO date): the latest `effectiveFrom` not after it. */
export function ruleInForce<R extends { effectiveFrom: string }>(
  rules: R[],
  day: string,
): R | null {
  let best: R | null = null;
  for (const r of rules)
    if (r.effectiveFrom <= day && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

/** Largest subsidy the cap allows for this funding plan (whole euros, never negative). */
export function maxSubsidy(rule: AmountRule, funding: Funding): number {
  const otherState = rule.capIncludesStateFunding
    ? funding.coFunding.filter((c) => c.state).reduce((s, c) => s + c.amount, 0)
    : 0;
  return Math.max(0, Math.floor((funding.totalCost * rule.maxRatePercent) / 100) - otherState);
}

/** Rate of `amount` over `cost`, in percent with one decimal. */
export function ratePercent(amount: number, cost: number): number {
  return cost > 0 ? Math.round((amount * 1000) / cost) / 10 : 0;
}

const euros = (n: number) => `${new Intl.NumberFormat('fr-FR').format(n)} €`;

/**
 * Problems of a subsidy amount (requested or granted) for a funding plan: above the cap of the
 * programme (State funding included where the rule says so), below its minimum, above the cost.
 */
export function amountProblems(
  rule: AmountRule,
  funding: Funding,
  amount: number,
  path: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (amount > funding.totalCost)
    problems.push({ path, message: `exceeds the total cost (${euros(funding.totalCost)})` });
  const cap = maxSubsidy(rule, funding);
  if (amount > cap)
    problems.push({
      path,
      message:
        `exceeds the ${rule.maxRatePercent} % cap of programme ${rule.programmeCode}` +
        (rule.capIncludesStateFunding ? ', State funding included' : '') +
        `: at most ${euros(cap)}`,
    });
  if (amount < rule.minAmount)
    problems.push({
      path,
      message: `below the minimum of ${euros(rule.minAmount)} for programme ${rule.programmeCode}`,
    });
  return problems;
}

/**
 * Required documents not received, and the contrat d'engagement républicain when required: it
 * binds associations and foundations (loi 2021-1109), not public bodies.
 */
export function missingDocuments(
  rule: DocumentRule,
  application: { documents: string[]; cerSigned: boolean; applicantKind: string },
): string[] {
  const missing = rule.requiredDocuments
    .filter((d) => !application.documents.includes(d.code))
    .map((d) => d.code);
  if (rule.requiresCer && application.applicantKind === 'association' && !application.cerSigned)
    missing.push('CER');
  return missing;
}

export interface PreviousApplication {
  fund: string;
  year: number;
  status: ApplicationStatus;
  hasReport: boolean;
}

/**
 * A renewal needs an earlier application of the same fund that was granted and whose final
 * report (bilan, compte-rendu financier) has been received.
 */
export function renewalProblems(
  previous: PreviousApplication | null,
  call: { fund: string; year: number },
): ErrorDetail[] {
  const path = 'renewalOfId';
  if (!previous) return [{ path, message: 'no such application' }];
  if (previous.fund !== call.fund)
    return [{ path, message: 'the renewed application belongs to another fund' }];
  if (previous.year >= call.year)
    return [{ path, message: 'the renewed application must belong to an earlier call' }];
  if (previous.status !== 'granted' && previous.status !== 'closed')
    return [{ path, message: 'the renewed application was not granted' }];
  if (!previous.hasReport)
    return [
      {
        path,
        message: 'renewal refused: the final report of the previous action has not been received',
      },
    ];
  return [];
}

/** Whether granting `amount` keeps the call within its envelope. */
export function envelopeProblems(
  envelope: number,
  committed: number,
  amount: number,
  path = 'amount',
): ErrorDetail[] {
  if (committed + amount <= envelope) return [];
  return [
    {
      path,
      message: `exceeds the envelope: ${euros(envelope - committed)} left of ${euros(envelope)}`,
    },
  ];
}

/** Which statuses each action leaves from, and where it goes. */
export const ACTION_MOVES: Record<
  ApplicationAction,
  { from: ApplicationStatus[]; to: ApplicationStatus }
> = {
  admit: { from: ['submitted'], to: 'admissible' },
  declare_inadmissible: { from: ['submitted', 'admissible'], to: 'inadmissible' },
  grant: { from: ['admissible'], to: 'granted' },
  reject: { from: ['admissible'], to: 'rejected' },
  close: { from: ['granted'], to: 'closed' },
};

export function allowedActions(status: ApplicationStatus): ApplicationAction[] {
  return (Object.keys(ACTION_MOVES) as ApplicationAction[]).filter((a) =>
    ACTION_MOVES[a].from.includes(status),
  );
}

/** Total of the criteria scores, or null when nothing is scored. */
export function totalScore(scores: Record<string, number>): number | null {
  const values = Object.values(scores);
  return values.length ? values.reduce((s, v) => s + v, 0) : null;
}

/** Problems of a set of scores against the call's criteria. */
export function scoreProblems(
  criteria: { code: string; maxPoints: number }[],
  scores: Record<string, number>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const [code, value] of Object.entries(scores)) {
    const criterion = criteria.find((c) => c.code === code);
    if (!criterion)
      problems.push({ path: `scores.${code}`, message: 'not a criterion of this call' });
    else if (value > criterion.maxPoints)
      problems.push({ path: `scores.${code}`, message: `at most ${criterion.maxPoints} points` });
  }
  return problems;
}

/** `open` between the opening day (Paris) and the closing time. */
export function callPhase(
  call: { opensOn: string; closesAt: Date; adoptedAt: Date | null },
  now: Date,
): 'upcoming' | 'open' | 'closed' | 'adopted' {
  if (call.adoptedAt) return 'adopted';
  if (parisDay(now) < call.opensOn) return 'upcoming';
  return now <= call.closesAt ? 'open' : 'closed';
}

const parisDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `2026-03-01`: the calendar day in Paris. */
export function parisDay(at: Date): string {
  return parisDayFormat.format(at);
}
