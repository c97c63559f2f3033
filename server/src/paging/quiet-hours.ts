import type { Channel, PageSeverity } from '../contracts/paging';

/**
 * Quiet hours (« heures de silence »): a nightly window, Paris time, during which pages that are
 * not `crise` do not ring anyone who is not on duty. SMS, voice and push wait for the end of the
 * window; e-mail and in-app (silent) go at once. People paged through a service's astreinte are
 * on duty: always reachable. `crise` overrides quiet hours.
 */
export interface QuietWindow {
  /** Minutes after midnight, Paris time; `start > end` crosses midnight (22:00–07:00). */
  start: number;
  end: number;
}

const RINGING: ReadonlySet<Channel> = new Set(['sms', 'voice', 'push']);

/** `22:00-07:00` → window; empty → none. Throws on a malformed value. */
export function parseQuietWindow(value: string): QuietWindow | null {
  if (value.trim() === '') return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) throw new Error(`quiet hours: expected HH:MM-HH:MM, got ${value}`);
  const start = +m[1] * 60 + +m[2];
  const end = +m[3] * 60 + +m[4];
  if (start === end) throw new Error('quiet hours: start and end are equal');
  return { start, end };
}

const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris wall-clock fields of an instant, and the UTC offset in force (ms). */
function paris(at: Date): { y: number; mo: number; d: number; minutes: number; offsetMs: number } {
  const p = Object.fromEntries(PARIS.formatToParts(at).map((x) => [x.type, x.value]));
  const [y, mo, d, h, mi, s] = [p.year, p.month, p.day, p.hour, p.minute, p.second].map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  return {
    y,
    mo,
    d,
    minutes: h * 60 + mi,
    offsetMs: wall - Math.floor(at.getTime() / 1000) * 1000,
  };
}

/** The instant of a Paris wall-clock time (day may overflow), correct across DST changes. */
function parisInstant(y: number, mo: number, d: number, minutes: number): Date {
  const wall = Date.UTC(y, mo - 1, d, 0, minutes);
  let guess = new Date(wall - paris(new Date(wall)).offsetMs);
  guess = new Date(wall - paris(guess).offsetMs);
  return guess;
}

/** When the window containing `at` ends, or null when `at` is outside it. */
export function quietUntil(window: QuietWindow, at: Date): Date | null {
  const now = paris(at);
  const inside =
    window.start < window.end
      ? now.minutes >= window.start && now.minutes < window.end
      : now.minutes >= window.start || now.minutes < window.end;
  if (!inside) return null;
  // the end is today when it is still ahead on the clock, else tomorrow
  const day = now.minutes < window.end ? now.d : now.d + 1;
  return parisInstant(now.y, now.mo, day, window.end);
}

/**
 * When a delivery may ring its recipient: null = now. Only ringing channels of non-crisis pages
 * to people not on duty wait.
 */
export function deliveryNotBefore(
  window: QuietWindow | null,
  at: Date,
  severity: PageSeverity,
  channel: Channel,
  via: readonly string[],
): Date | null {
  if (!window || severity === 'crise' || !RINGING.has(channel)) return null;
  if (via.some((v) => v.startsWith('service:'))) return null;
  return quietUntil(window, at);
}
