/**
 * The eligibility calculator: a pure function of one rule set (a row of `honours_rule_set`) and
 * the candidate's facts. Every check it makes is returned with a French sentence, so the answer
 * is explained ("argent : 21 ans 4 mois au 14/07/2027 ≥ 20 ans — éligible").
 */
import type { ErrorDetail } from '../common/app-error';
import {
  DISTINCTION_LABELS,
  echelonLabel,
  type EligibilityCheck,
  type EligibilityInput,
  type EligibilityResult,
  type RuleSet,
  type ServicePeriod,
} from '../contracts/honours';
import {
  addMonths,
  addYears,
  calendarDiff,
  daysAsDuration,
  type Duration,
  formatDuration,
  formatYears,
  frDate,
  fromDay,
  toDay,
} from './dates';

/** The input names something the rule set does not know: a 400, not an ineligibility. */
export class RuleInputError extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super('Invalid eligibility input');
  }
}

export interface RuleSetRef {
  id: string;
  effectiveFrom: string;
  toConfirm: string[];
}

// ------------------------------------------------------------------------------- promotions
/** The filing cut-off of the promotion held on `date` (a cut-off later in the year is in the year before). */
export function cutoffOf(date: string, cutoff: string): string {
  const year = Number(date.slice(0, 4));
  return `${cutoff <= date.slice(5) ? year : year - 1}-${cutoff}`;
}

/** Promotion dates of the rules on or after `from`, in order (looks two years ahead). */
function upcoming(rules: RuleSet, from: string): { date: string; cutoff: string }[] {
  const year = Number(from.slice(0, 4));
  const out: { date: string; cutoff: string }[] = [];
  for (let y = year; y <= year + 2; y++)
    for (const p of rules.promotions) {
      const date = `${y}-${p.date}`;
      if (date >= from) out.push({ date, cutoff: cutoffOf(date, p.cutoff) });
    }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The first promotion a dossier filed on `filedAt` can still join, or null if the distinction has none. */
export function nextPromotion(
  rules: RuleSet,
  filedAt: string,
): { date: string; cutoff: string } | null {
  return upcoming(rules, filedAt).find((p) => filedAt <= p.cutoff) ?? null;
}

/**
 * The promotion a dossier belongs to: the one asked for, or the next one whose cut-off the
 * filing date meets, with a warning saying why it moved.
 */
export function resolvePromotion(
  rules: RuleSet,
  asked: string,
  filedAt: string | undefined,
): { date: string; cutoff: string | null; warnings: string[] } {
  if (rules.promotions.length === 0) return { date: asked, cutoff: null, warnings: [] };
  const warnings: string[] = [];
  const match = rules.promotions.find((p) => p.date === asked.slice(5));
  if (!match) {
    const dates = rules.promotions
      .map((p) => `${p.date.slice(3)}/${p.date.slice(0, 2)}`)
      .join(', ');
    warnings.push(
      `le ${frDate(asked)} n'est pas une date de promotion de cette distinction (${dates})`,
    );
    return { date: asked, cutoff: null, warnings };
  }
  const cutoff = cutoffOf(asked, match.cutoff);
  if (!filedAt || filedAt <= cutoff) return { date: asked, cutoff, warnings };
  const next = nextPromotion(rules, filedAt)!;
  warnings.push(
    `dossier déposé le ${frDate(filedAt)} après la date limite du ${frDate(cutoff)} : reporté à la promotion du ${frDate(next.date)}`,
  );
  return { date: next.date, cutoff: next.cutoff, warnings };
}

// ------------------------------------------------------------------------------- seniority
/**
 * Days of service at `at`: each period from its start to its end (inclusive) or to `at`,
 * weighted by its ratio when part-time counts pro rata, capped per kind; overlapping periods
 * count a day at most once (ratios summed, at most full time).
 */
export function serviceDays(periods: ServicePeriod[], at: string, rules: RuleSet): number {
  const end = toDay(at);
  type Segment = { start: number; end: number; ratio: number; kind: string };
  const segments: Segment[] = [];
  for (const p of periods) {
    const start = toDay(p.start);
    const stop = Math.min(p.end ? toDay(p.end) + 1 : end, end);
    if (stop <= start) continue;
    segments.push({
      start,
      end: stop,
      ratio: rules.partTime === 'full' ? 1 : (p.ratio ?? 1),
      kind: p.kind ?? 'service',
    });
  }
  for (const [kind, years] of Object.entries(rules.caps)) {
    const capped = segments.filter((x) => x.kind === kind).sort((a, b) => a.start - b.start);
    if (capped.length === 0) continue;
    // a calendar cap: one year from the first day of leave is 365 or 366 days
    const first = fromDay(capped[0].start);
    let left = toDay(addYears(first, years)) - capped[0].start;
    for (const s of capped) {
      const length = Math.min(s.end - s.start, left);
      s.end = s.start + length;
      left -= length;
    }
  }
  const bounds = [...new Set(segments.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    const ratio = segments
      .filter((s) => s.start <= a && s.end >= b)
      .reduce((sum, s) => sum + s.ratio, 0);
    total += Math.min(1, ratio) * (b - a);
  }
  // pro rata gives fractions of a day: rounded to the nearest day
  return Math.round(total);
}

const requiredDays = (years: number, at: string) => toDay(at) - toDay(addYears(at, -years));

/** « manque 8 mois »: from the date checked to the date that must be reached. */
function missingUntil(date: string, at: string): string {
  return formatDuration(calendarDiff(at, date));
}

/**
 * What `have` days lack to reach `need` days at `at`, in calendar terms: the distance between
 * the start a continuous service would need and the start it has.
 */
function missingDays(need: number, have: number, at: string): string {
  const end = toDay(at);
  return formatDuration(calendarDiff(fromDay(end - need), fromDay(end - have)));
}

// ------------------------------------------------------------------------------- calculator
export function checkEligibility(
  rules: RuleSet,
  ruleSet: RuleSetRef,
  input: EligibilityInput,
): EligibilityResult {
  const problems: ErrorDetail[] = [];
  const echelon = rules.echelons.find((e) => e.code === input.echelon);
  if (!echelon)
    problems.push({
      path: 'echelon',
      message: `unknown échelon for ${input.distinction}: expected one of ${rules.echelons.map((e) => e.code).join(', ')}`,
    });
  input.reductions.forEach((code, i) => {
    if (!rules.reductions.some((r) => r.code === code))
      problems.push({
        path: `reductions.${i}`,
        message: `unknown reduction: expected one of ${rules.reductions.map((r) => r.code).join(', ') || 'none'}`,
      });
  });
  if (rules.basis === 'act' && !input.actDate)
    problems.push({
      path: 'actDate',
      message: 'the date of the act is required for this distinction',
    });
  if (problems.length || !echelon) throw new RuleInputError(problems);

  const { date: at, warnings } = resolvePromotion(rules, input.promotionDate, input.filedAt);
  const label = echelonLabel(echelon.code);
  const checks: EligibilityCheck[] = [];
  const ok = (rule: EligibilityCheck['rule'], pass: boolean, message: string) =>
    checks.push({ rule, ok: pass, message });

  // exclusions
  for (const ex of rules.exclusions)
    if (input.categories.includes(ex.code))
      ok('exclusion', false, `exclu de cette distinction : ${ex.label}`);

  // the échelon asked, or a higher one, is already held
  const sameDistinction = input.held.filter((h) => h.distinction === input.distinction);
  const rankOf = (code: string) => rules.echelons.find((e) => e.code === code)?.rank ?? 0;
  const already = sameDistinction.find((h) => rankOf(h.echelon) >= echelon.rank);
  if (already)
    ok(
      'held',
      false,
      `déjà titulaire de l'échelon ${echelonLabel(already.echelon)} depuis le ${frDate(already.date)}`,
    );

  // the basis: seniority, children or the act
  let seniorityDays = 0;
  let required: Duration | null = null;
  if (rules.basis === 'seniority') {
    seniorityDays = serviceDays(input.servicePeriods, at, rules);
    if (echelon.years !== undefined) {
      const reductions = rules.reductions.filter((r) => input.reductions.includes(r.code));
      const reduction = reductions.reduce((sum, r) => sum + r.years, 0);
      const years = Math.max(0, echelon.years - reduction);
      const need = requiredDays(years, at);
      required = daysAsDuration(need, at);
      const reduced = reduction
        ? ` (${formatYears(echelon.years)} moins ${formatYears(reduction)} de réduction : ${reductions.map((r) => r.label.toLowerCase()).join(', ')})`
        : '';
      const have = formatDuration(daysAsDuration(seniorityDays, at));
      if (seniorityDays >= need)
        ok(
          'seniority',
          true,
          `${label} : ${have} au ${frDate(at)} ≥ ${formatYears(years)}${reduced} — éligible`,
        );
      else
        ok(
          'seniority',
          false,
          `${label} : ${have} au ${frDate(at)} < ${formatYears(years)}${reduced} — manque ${missingDays(need, seniorityDays, at)}`,
        );
    }
    if (rules.maxYearsAfterServiceEnd !== undefined && input.servicePeriods.length > 0) {
      const ongoing = input.servicePeriods.some((p) => !p.end || p.end >= at);
      if (!ongoing) {
        const lastEnd = input.servicePeriods
          .map((p) => p.end!)
          .sort()
          .at(-1)!;
        const limit = addYears(lastEnd, rules.maxYearsAfterServiceEnd);
        ok(
          'service_end',
          at <= limit,
          at <= limit
            ? `fin de service le ${frDate(lastEnd)} : moins de ${formatYears(rules.maxYearsAfterServiceEnd)} avant la promotion`
            : `fin de service le ${frDate(lastEnd)} : plus de ${formatYears(rules.maxYearsAfterServiceEnd)} avant la promotion (limite le ${frDate(limit)})`,
        );
      }
    }
  } else if (rules.basis === 'children') {
    const counted = input.children.filter(
      (c) =>
        c.french && c.birthDate <= at && !(c.deathDate && c.deathDate < addYears(c.birthDate, 1)),
    );
    const min = echelon.minChildren ?? 0;
    const n = counted.length;
    ok(
      'children',
      n >= min,
      n >= min
        ? `${label} : ${n} enfant${n > 1 ? 's' : ''} pris en compte ≥ ${min} — éligible`
        : `${label} : ${n} enfant${n > 1 ? 's' : ''} pris en compte < ${min} — manque ${min - n}`,
    );
    if (rules.eldestMinAge !== undefined && counted.length > 0) {
      const eldest = counted.map((c) => c.birthDate).sort()[0];
      const reached = addYears(eldest, rules.eldestMinAge);
      ok(
        'children',
        reached <= at,
        reached <= at
          ? `l'aîné a ${rules.eldestMinAge} ans ou plus au ${frDate(at)}`
          : `l'aîné n'aura ${rules.eldestMinAge} ans que le ${frDate(reached)}`,
      );
    }
  } else {
    const act = input.actDate!;
    const filed = input.filedAt ?? at;
    const limit = addMonths(act, rules.maxMonthsAfterAct ?? 12);
    if (act > filed) ok('act', false, `l'acte du ${frDate(act)} est postérieur à la demande`);
    else
      ok(
        'act',
        filed <= limit,
        filed <= limit
          ? `${label} : acte du ${frDate(act)}, demande du ${frDate(filed)} dans le délai de ${rules.maxMonthsAfterAct} mois — recevable`
          : `${label} : acte du ${frDate(act)}, demande du ${frDate(filed)} au-delà du délai de ${rules.maxMonthsAfterAct} mois (limite le ${frDate(limit)})`,
      );
  }

  // order of the échelons and time in the previous one
  if (rules.successive && echelon.rank > 1 && !already) {
    const previous = rules.echelons.find((e) => e.rank === echelon.rank - 1)!;
    const held = sameDistinction
      .filter((h) => rankOf(h.echelon) === previous.rank && h.date <= at)
      .sort((a, b) => a.date.localeCompare(b.date))[0];
    if (!held)
      ok(
        'order',
        false,
        `${label} : l'échelon ${echelonLabel(previous.code)} doit être détenu auparavant (échelons successifs)`,
      );
    else if (echelon.yearsInPrevious !== undefined) {
      const due = addYears(held.date, echelon.yearsInPrevious);
      const pass = due <= at;
      ok(
        'gap',
        pass,
        pass
          ? `${label} : ${echelonLabel(previous.code)} détenu depuis le ${frDate(held.date)}, ${formatYears(echelon.yearsInPrevious)} requis — respecté`
          : `${label} : ${formatYears(echelon.yearsInPrevious)} requis après ${echelonLabel(previous.code)} (obtenu le ${frDate(held.date)}) — manque ${missingUntil(due, at)}`,
      );
    } else
      ok(
        'order',
        true,
        `${label} : échelon ${echelonLabel(previous.code)} détenu depuis le ${frDate(held.date)}`,
      );
  }

  // gaps after other distinctions
  for (const gap of rules.crossGaps) {
    const last = input.held
      .filter((h) => gap.after.includes(h.distinction) && h.date <= at)
      .sort((a, b) => b.date.localeCompare(a.date))[0];
    if (!last) continue;
    const due = addYears(last.date, gap.years);
    const name = `${DISTINCTION_LABELS[last.distinction]} (${echelonLabel(last.echelon)}, ${frDate(last.date)})`;
    ok(
      'cross_gap',
      due <= at,
      due <= at
        ? `${formatYears(gap.years)} depuis ${name} — respecté`
        : `${formatYears(gap.years)} requis après ${name} — manque ${missingUntil(due, at)}`,
    );
  }

  const eligible = checks.every((c) => c.ok);
  const failed = checks.filter((c) => !c.ok);
  const main = checks.find((c) => ['seniority', 'children', 'act'].includes(c.rule));
  const sentences = eligible
    ? checks.map((c) => c.message)
    : [...(main?.ok ? [main] : []), ...failed].map((c) => c.message);
  if (checks.length === 0) sentences.push(`${label} : aucune condition d'ancienneté — éligible`);
  if (!eligible && main?.ok) sentences.push('non éligible');
  return {
    eligible,
    distinction: input.distinction,
    echelon: echelon.code,
    promotionDate: at,
    seniority: daysAsDuration(seniorityDays, at),
    required,
    explanation: sentences.join(' ; '),
    checks,
    warnings,
    ruleSet: { id: ruleSet.id, effectiveFrom: ruleSet.effectiveFrom, toConfirm: ruleSet.toConfirm },
  };
}
