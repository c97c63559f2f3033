/**
 * Legal delays of the gens du voyage procedures, in Europe/Paris time. Pure functions, no clock:
 * - hour delays (≥ 24 h execution delay, 48 h court window) are elapsed time: 24 h after
 *   23:30 is 23:30 the next day, and across a DST change the wall clock moves by 23 or 25 h;
 * - day delays (7-day re-use window) are calendar days on the Paris wall clock;
 * - month delays (3-month / 2-month notices) are calendar months on dates, clamped to the end of
 *   a shorter month (31 May − 3 months = 28 or 29 February).
 */

export const PARIS = 'Europe/Paris';
const HOUR_MS = 3_600_000;

/** A date without time (`YYYY-MM-DD`), as the calendar of grands passages uses. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The Paris wall clock at an instant. */
export function parisWallClock(instant: Date): WallClock {
  const p = Object.fromEntries(
    partsFormat.formatToParts(instant).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** Offset of Paris from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function parisOffset(instant: Date): number {
  const w = parisWallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a Paris wall-clock time designates. A time skipped by the spring change (02:30 on
 * the last Sunday of March) is read as the instant one hour later (03:30 CEST); a time repeated in
 * autumn is read as its first occurrence (summer time).
 */
export function fromParisWallClock(w: Omit<WallClock, 'second'> & { second?: number }): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
  // try the summer offset first (first occurrence of a repeated hour), then winter
  for (const offset of [2 * HOUR_MS, HOUR_MS]) {
    const candidate = new Date(naive - offset);
    if (parisOffset(candidate) === offset) return candidate;
  }
  // skipped hour: the naive time read with the winter offset lands one hour later in summer time
  return new Date(naive - HOUR_MS);
}

/** `instant + hours` of elapsed time. */
export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * HOUR_MS);
}

/** Same Paris wall-clock time, `days` calendar days later (month ends and DST handled). */
export function addParisDays(instant: Date, days: number): Date {
  const w = parisWallClock(instant);
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return fromParisWallClock({
    ...w,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** The Paris calendar day of an instant (`YYYY-MM-DD`): 23:30 UTC in winter is already tomorrow. */
export function parisDay(instant: Date): IsoDate {
  const w = parisWallClock(instant);
  return isoDate(w.year, w.month, w.day);
}

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` shifted by `months` calendar months, clamped to the last day of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** `date` shifted by `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole calendar days from `from` to `to` (negative when `to` is before). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/**
 * The latest day a notice may arrive for an arrival on `arrival`, `months` months ahead:
 * arrival on 31 May, 3 months → 28 February (29 in a leap year).
 */
export function noticeDeadline(arrival: IsoDate, months: number): IsoDate {
  return addMonths(arrival, -months);
}

/** Whether a notice received (or given) on `received` is later than `months` months before arrival. */
export function isLateNotice(arrival: IsoDate, received: IsoDate, months: number): boolean {
  return received > noticeDeadline(arrival, months);
}

/** Execution deadline of a mise en demeure: notification + the delay granted, in elapsed hours. */
export function executionDeadline(notifiedAt: Date, delayHours: number): Date {
  return addHours(notifiedAt, delayHours);
}

/** When the administrative court must have ruled on an appeal filed at `filedAt`. */
export function courtRulingDeadline(filedAt: Date, rulingHours: number): Date {
  return addHours(filedAt, rulingHours);
}

/** Until when a notified mise en demeure applies again to the same occupants (calendar days). */
export function reuseWindowEnd(notifiedAt: Date, days: number): Date {
  return addParisDays(notifiedAt, days);
}

const displayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** `05/03/2026 à 14 h 05` in Paris time, for documents and messages. */
export function formatParis(instant: Date): string {
  const w = parisWallClock(instant);
  return `${displayFormat.format(instant)} à ${String(w.hour).padStart(2, '0')} h ${String(w.minute).padStart(2, '0')}`;
}

/** `05/03/2026` from a `YYYY-MM-DD` date. */
export function formatIsoDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}
