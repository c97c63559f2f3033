/** Formatting and layout helpers of the gens du voyage screens (pure, Paris time). */

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `05/07/2026 23:30` (Paris), or an em dash. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)).replace(' ', ' à ') : '—';
}

/** `2026-07-05` → `05/07/2026`. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** `0.756` → `76 %`. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)} %`;
}

/** Time left until `deadline`, in French (`dans 3 h 05`, `dépassé depuis 1 h 10`). */
export function timeLeft(deadline: string, now: Date): string {
  const ms = Date.parse(deadline) - now.getTime();
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const text =
    h >= 48 ? `${Math.floor(h / 24)} j ${h % 24} h` : `${h} h ${String(m).padStart(2, '0')}`;
  return ms >= 0 ? `dans ${text}` : `dépassé depuis ${text}`;
}

/** `YYYY-MM` labels of a year. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

const DAY_MS = 86_400_000;
const dayIndex = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Where a stay sits on a season bar from `from` to `to` (inclusive days), as percentages:
 * clipped to the season, null when outside it.
 */
export function seasonBar(
  stay: { arrival: string; departure: string },
  from: string,
  to: string,
): { left: number; width: number } | null {
  const start = dayIndex(from);
  const span = dayIndex(to) - start + 1;
  const a = Math.max(dayIndex(stay.arrival), start);
  const b = Math.min(dayIndex(stay.departure), start + span);
  if (b <= a) return null;
  return {
    left: Math.round(((a - start) / span) * 10_000) / 100,
    width: Math.round(((b - a) / span) * 10_000) / 100,
  };
}
