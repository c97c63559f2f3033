/** Dates and numbers as the SIDPC reads them, always in Europe/Paris time. */
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
const sameDay = (a: Date, b: Date) => dayKeyFormat.format(a) === dayKeyFormat.format(b);

/** `14 h 05` */
export function formatTime(value: string | number | Date): string {
  const parts = timeFormat.formatToParts(toDate(value));
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '';
  return `${hour} h ${minute}`;
}

/** `à 14 h 05` today, `le 12 mars à 14 h 05` another day. */
export function formatWhen(value: string | number | Date, now: Date = new Date()): string {
  const date = toDate(value);
  return sameDay(date, now)
    ? `à ${formatTime(date)}`
    : `le ${dayFormat.format(date)} à ${formatTime(date)}`;
}

/** `14 h 05` today, `12 mars, 14 h 05` another day (tables). */
export function formatStamp(value: string | number | Date, now: Date = new Date()): string {
  const date = toDate(value);
  return sameDay(date, now) ? formatTime(date) : `${dayFormat.format(date)}, ${formatTime(date)}`;
}

/** Full date and time, for `title` and `dateTime` attributes. */
export function formatFull(value: string | number | Date): string {
  return fullFormat.format(toDate(value));
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** `+33639980089` → `06 39 98 00 89` (a French number as people dial it); anything else as is. */
export function formatAddress(address: string): string {
  const french = /^\+33([1-9])(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(address);
  return french ? `0${french.slice(1).join(' ')}` : address;
}
