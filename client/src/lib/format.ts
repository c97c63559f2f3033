/** Dates and numbers as French operators read them, always in Europe/Paris time (shared by features). */
const TIME_ZONE = 'Europe/Paris';

const timeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
});
const dayKeyFormat = new Intl.DateTimeFormat('fr-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const fullFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  dateStyle: 'full',
  timeStyle: 'medium',
});
const numberFormat = new Intl.NumberFormat('fr-FR');

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** `14 h 05` */
export function formatTime(value: string | number | Date): string {
  const parts = timeFormat.formatToParts(toDate(value));
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '';
  return `${hour} h ${minute}`;
}

/** `14:05`, for compact places (banners). */
export function formatClock(value: string | number | Date): string {
  return timeFormat.format(toDate(value));
}

function isSameParisDay(a: Date, b: Date): boolean {
  return dayKeyFormat.format(a) === dayKeyFormat.format(b);
}

/** `à 14 h 05` today, `le 12 mars à 14 h 05` another day. */
export function formatWhen(value: string | number | Date, now: Date = new Date()): string {
  const date = toDate(value);
  return isSameParisDay(date, now)
    ? `à ${formatTime(date)}`
    : `le ${dayFormat.format(date)} à ${formatTime(date)}`;
}

/** `14 h 05` today, `12 mars, 14 h 05` another day (lists). */
export function formatStamp(value: string | number | Date, now: Date = new Date()): string {
  const date = toDate(value);
  return isSameParisDay(date, now)
    ? formatTime(date)
    : `${dayFormat.format(date)}, ${formatTime(date)}`;
}

/** Full date and time, for `title`/`dateTime` attributes. */
export function formatFull(value: string | number | Date): string {
  return fullFormat.format(toDate(value));
}

/** `152 340` */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** `<input type="datetime-local">` value (browser time) → ISO 8601 with offset, or undefined. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** `depuis 14 h 05` today, `depuis le 12 mars à 14 h 05` another day. */
export function formatSince(value: string | number | Date, now: Date = new Date()): string {
  const date = toDate(value);
  return isSameParisDay(date, now)
    ? `depuis ${formatTime(date)}`
    : `depuis le ${dayFormat.format(date)} à ${formatTime(date)}`;
}
