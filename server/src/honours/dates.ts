/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), as day numbers in UTC: no time zone, no
 * daylight saving. Seniority is counted in calendar terms from the promotion date backwards.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Adds months (negative: back), clamping the day to the month's last (31/03 − 1 month = 28/02 or 29/02). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromDay(Date.UTC(year, month, Math.min(d, last)) / DAY_MS);
}

export const addYears = (iso: string, years: number): string =>
  addMonths(iso, Math.round(years * 12));

export interface Duration {
  years: number;
  months: number;
  days: number;
}

/** Whole years, months and days from `from` to `to` (`from` ≤ `to`), as a person counts them. */
export function calendarDiff(from: string, to: string): Duration {
  if (from > to) return { years: 0, months: 0, days: 0 };
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1) months -= 1;
  // the anchor may have been clamped (31/01 + 1 month = 28/02): count the rest in days from it
  let anchor = addMonths(from, months);
  if (anchor > to) {
    months -= 1;
    anchor = addMonths(from, months);
  }
  const days = toDay(to) - toDay(anchor);
  return { years: Math.floor(months / 12), months: months % 12, days };
}

/** The duration of `days` days counted back from `to`, in calendar terms. */
export function daysAsDuration(days: number, to: string): Duration {
  return calendarDiff(fromDay(toDay(to) - Math.max(0, Math.floor(days))), to);
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** « 21 ans 4 mois », « 1 an », « 8 mois 3 jours », « 0 jour ». */
export function formatDuration(d: Duration): string {
  const parts = [
    d.years ? plural(d.years, 'an', 'ans') : '',
    d.months ? `${d.months} mois` : '',
    d.days ? plural(d.days, 'jour', 'jours') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 jour';
}

/** « 20 ans », « 1 an », « 6 mois » from a number of years. */
export function formatYears(years: number): string {
  const months = Math.round(years * 12);
  return formatDuration({ years: Math.floor(months / 12), months: months % 12, days: 0 });
}

/** `14/07/2027`. */
export function frDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** « 14 juillet 2027 », « 1er janvier 2028 ». */
export function frLongDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}
