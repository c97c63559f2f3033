/**
 * Dates of the official publications: appeal deadline (publication + N months, clamped to the
 * end of a shorter month) and the RAA issue label. Calendar dates as `YYYY-MM-DD`, no time zone.
 */

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/**
 * `date` + `months` calendar months; when the day does not exist in the target month, its last
 * day: 31 January + 2 months → 31 March, 31 December + 2 months → 28 (29) February.
 */
export function addMonths(date: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `RAA n° 63-2027-014`. */
export function raaLabel(year: number, seq: number, department = '63'): string {
  return `RAA n° ${department}-${year}-${String(seq).padStart(3, '0')}`;
}

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Paris of an instant, `YYYY-MM-DD`. */
export function parisDate(at: Date): string {
  return parisDay.format(at);
}

/** `14/03/2027` from `2027-03-14`. */
export function frenchDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
