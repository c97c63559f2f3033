/** Pure parts of a point de situation: counter deltas, the diff with the previous point, the schedule. */
import { COUNTER_KEYS, type CounterKey, type Counters } from '../contracts/crisis';
import { SITREP_SECTIONS, type Sitrep, type SitrepDiff, type SitrepSection } from '../contracts/direction';

export function fullCounters(counters: Counters | null | undefined): Record<CounterKey, number> {
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, counters?.[k] ?? 0])) as Record<CounterKey, number>;
}

/** current − previous for every counter (a first point compares with zeros). */
export function counterDeltas(current: Counters, previous: Counters | null): Record<CounterKey, number> {
  const c = fullCounters(current);
  const p = fullCounters(previous);
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, c[k] - p[k]])) as Record<CounterKey, number>;
}

export function emptySections(): Record<SitrepSection, string> {
  return Object.fromEntries(SITREP_SECTIONS.map((s) => [s, ''])) as Record<SitrepSection, string>;
}

type DiffInput = Pick<Sitrep, 'number' | 'codLevel' | 'bilan' | 'entries' | 'sections' | 'tasks'>;

/** What changed since the previous point: COD level, counters, new entries, cellule texts, tasks. */
export function sitrepDiff(current: DiffInput, previous: DiffInput | null): SitrepDiff {
  const prevBilan = fullCounters(previous?.bilan);
  const curBilan = fullCounters(current.bilan);
  return {
    previousNumber: previous?.number ?? null,
    codLevel: previous && previous.codLevel !== current.codLevel ? { from: previous.codLevel, to: current.codLevel } : null,
    counters: COUNTER_KEYS.map((key) => ({ key, previous: prevBilan[key], current: curBilan[key], delta: curBilan[key] - prevBilan[key] })),
    newEntries: current.entries.length,
    sections: SITREP_SECTIONS.map((section) => {
      const before = previous?.sections[section] ?? '';
      const now = current.sections[section] ?? '';
      return { section, changed: before.trim() !== now.trim(), previous: before, current: now };
    }),
    tasks: {
      open: [previous?.tasks.open ?? 0, current.tasks.open],
      overdue: [previous?.tasks.overdue ?? 0, current.tasks.overdue],
    },
  };
}

/** `+3`, `−2`, `=`: how the PDF and the view show a delta. */
export function formatDelta(delta: number): string {
  if (delta === 0) return '=';
  return delta > 0 ? `+${delta}` : `−${-delta}`;
}

/**
 * The next due time after a point is validated: the scheduled time moved on by whole intervals
 * until it is in the future. No interval: the schedule is left as it is.
 */
export function advanceDue(nextDueAt: Date | null, intervalMinutes: number | null, now: Date): Date | null {
  if (!intervalMinutes) return nextDueAt;
  const step = intervalMinutes * 60_000;
  let due = nextDueAt ?? now;
  if (due.getTime() > now.getTime()) return due;
  const steps = Math.floor((now.getTime() - due.getTime()) / step) + 1;
  due = new Date(due.getTime() + steps * step);
  return due;
}

/** Whether the situation cellule must be reminded of the point due at `nextDueAt` now. */
export function sitrepReminderDue(
  s: { nextDueAt: Date | null; remindedFor: Date | null },
  leadSec: number,
  now: Date,
): boolean {
  if (!s.nextDueAt) return false;
  if (s.remindedFor && s.remindedFor.getTime() === s.nextDueAt.getTime()) return false;
  return s.nextDueAt.getTime() - leadSec * 1000 <= now.getTime();
}
