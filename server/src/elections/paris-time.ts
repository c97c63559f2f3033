/**
 * Legal time in France is Paris wall-clock time: deadlines are « 18 h » on a calendar day,
 * whatever the UTC offset (+1 in winter, +2 in summer). Pure helpers, no dependency.
 */
const TIME_ZONE = 'Europe/Paris';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface ParisParts {
  /** `2026-03-15` */
  date: string;
  /** `18:00` */
  time: string;
}

export function parisParts(instant: Date): ParisParts {
  const p = Object.fromEntries(partsFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Offset of Paris from UTC at an instant, in minutes (60 or 120). */
function offsetMinutes(instant: Date): number {
  const p = Object.fromEntries(
    partsFormat.formatToParts(instant).map((x) => [x.type, Number(x.value)]),
  );
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant of a Paris wall-clock time (`2026-03-27`, `18:00`). In the spring-forward gap
 * (02:00–03:00 does not exist) the time is read with the winter offset, i.e. one hour later.
 */
export function parisInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  for (const offset of [offsetMinutes(new Date(naive)), 60, 120]) {
    const candidate = new Date(naive - offset * 60000);
    const p = parisParts(candidate);
    if (p.date === date && p.time === time) return candidate;
  }
  return new Date(naive - 60 * 60000);
}

/** Calendar arithmetic on `YYYY-MM-DD` strings (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const longFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `vendredi 20 mai 2022 à 18:00` (Paris). */
export function parisLong(instant: Date): string {
  return longFormat.format(instant);
}
