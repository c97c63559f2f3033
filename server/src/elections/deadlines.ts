/**
 * Deadline calculator: the legal deadlines of a scrutin (« 18 h le 4e vendredi avant le
 * scrutin », « mardi 18 h après le premier tour », « dans les 24 heures ») computed from rule
 * values read from the versioned `election_rule` table. Times are Paris wall-clock times, so a
 * deadline stays at 18:00 across daylight-saving changes. Public holidays do not move them.
 */
import { addDays, parisInstant, parisParts, weekday } from './paris-time';

export type DeadlineRule =
  /** `time` on the `nth` `weekday` (0 = Sunday … 6 = Saturday) strictly before polling day. */
  | { kind: 'weekday_before_polling'; weekday: number; nth: number; time: string }
  /** `time` on the first (or `nth`) `weekday` strictly after the first round. */
  | { kind: 'weekday_after_first_round'; weekday: number; nth?: number; time: string }
  /** `time`, `days` calendar days before polling day. */
  | { kind: 'days_before_polling'; days: number; time: string }
  /** Elapsed hours after an event (a refusal notified at 15:12 → 15:12 the next day for 24 h). */
  | { kind: 'hours_after'; hours: number }
  /** Calendar days after an event, same Paris clock time (or `time` if given). */
  | { kind: 'days_after'; days: number; time?: string };

export interface DeadlineAnchors {
  /** Polling day `YYYY-MM-DD` of the scrutin the deadline belongs to. */
  pollingDate: string;
  /** Polling day of the first round (round-two deadlines). */
  firstRoundDate?: string;
  /** The event an `hours_after`/`days_after` delay runs from. */
  from?: Date;
}

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

function nthWeekdayBefore(date: string, day: number, nth: number): string {
  let d = addDays(date, -1);
  while (weekday(d) !== day) d = addDays(d, -1);
  return addDays(d, -7 * (nth - 1));
}

function nthWeekdayAfter(date: string, day: number, nth: number): string {
  let d = addDays(date, 1);
  while (weekday(d) !== day) d = addDays(d, 1);
  return addDays(d, 7 * (nth - 1));
}

export class DeadlineError extends Error {}

export function computeDeadline(rule: DeadlineRule, anchors: DeadlineAnchors): Date {
  switch (rule.kind) {
    case 'weekday_before_polling':
      return parisInstant(nthWeekdayBefore(anchors.pollingDate, rule.weekday, rule.nth), rule.time);
    case 'weekday_after_first_round': {
      if (!anchors.firstRoundDate)
        throw new DeadlineError('a round-two deadline needs the first round date');
      return parisInstant(
        nthWeekdayAfter(anchors.firstRoundDate, rule.weekday, rule.nth ?? 1),
        rule.time,
      );
    }
    case 'days_before_polling':
      return parisInstant(addDays(anchors.pollingDate, -rule.days), rule.time);
    case 'hours_after': {
      if (!anchors.from) throw new DeadlineError('an hour-based delay needs its starting event');
      return new Date(anchors.from.getTime() + rule.hours * 3600_000);
    }
    case 'days_after': {
      if (!anchors.from) throw new DeadlineError('a day-based delay needs its starting event');
      const start = parisParts(anchors.from);
      return parisInstant(addDays(start.date, rule.days), rule.time ?? start.time);
    }
  }
}

function ordinal(n: number): string {
  return n === 1 ? '1er' : `${n}e`;
}

function hour(time: string): string {
  const [h, m] = time.split(':');
  return m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}

/** The rule as the circular words it: « 18 h le 4e vendredi avant le scrutin ». */
export function describeDeadline(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'weekday_before_polling':
      return `${hour(rule.time)} le ${ordinal(rule.nth)} ${WEEKDAYS[rule.weekday]} avant le scrutin`;
    case 'weekday_after_first_round':
      return `${WEEKDAYS[rule.weekday]} ${hour(rule.time)}${rule.nth && rule.nth > 1 ? ` (${ordinal(rule.nth)})` : ''} après le premier tour`;
    case 'days_before_polling':
      return `${hour(rule.time)}, ${rule.days} jours avant le scrutin`;
    case 'hours_after':
      return `dans les ${rule.hours} heures`;
    case 'days_after':
      return `dans les ${rule.days} jours`;
  }
}

/** Rows of a versioned rule table: the one in force on a date is the latest effective before it. */
export interface Versioned {
  effectiveFrom: string;
}

export function inForce<T extends Versioned>(rows: readonly T[], on: string): T | undefined {
  return rows
    .filter((r) => r.effectiveFrom <= on)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}
