import { addDays, daysBetween, parisDate } from './calendar';

/**
 * Reminders of a dossier with a due date, counted in Paris calendar days:
 * `before:N` from N days before the due date, `due` on the due date, `overdue` from the day
 * after. Each fires once per due date: when the due date moves, its reminders fire again.
 */
export type ReminderKind = `before:${number}` | 'due' | 'overdue';

export type DueState = 'on_time' | 'due_soon' | 'due_today' | 'overdue';

export interface ReminderPlan {
  /** Days before the due date at which to remind (e.g. `[3]` for J-3), from a rule table. */
  daysBefore: readonly number[];
}

/** Where a due date stands on `now`'s Paris day; `due_soon` within the largest reminder offset. */
export function dueState(dueDate: string, now: Date, plan: ReminderPlan): DueState {
  const left = daysBetween(parisDate(now), dueDate);
  if (left < 0) return 'overdue';
  if (left === 0) return 'due_today';
  const window = Math.max(0, ...plan.daysBefore);
  return left <= window ? 'due_soon' : 'on_time';
}

/** The day (Paris) each reminder of a due date fires. */
export function reminderSchedule(
  dueDate: string,
  plan: ReminderPlan,
): { kind: ReminderKind; on: string }[] {
  const before = [...new Set(plan.daysBefore)]
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => b - a)
    .map((n) => ({ kind: `before:${n}` as ReminderKind, on: addDays(dueDate, -n) }));
  return [...before, { kind: 'due', on: dueDate }, { kind: 'overdue', on: addDays(dueDate, 1) }];
}

/**
 * The reminders to send on `now` that were not sent yet. A missed day (scheduler down) does
 * not send stale reminders: only the latest one reached is sent (`overdue` supersedes
 * `due`, which supersedes `before:N`), so an official is never told "J-3" on the due date.
 */
export function pendingReminders(
  dueDate: string,
  now: Date,
  plan: ReminderPlan,
  alreadySent: readonly ReminderKind[],
): ReminderKind[] {
  const today = parisDate(now);
  const reached = reminderSchedule(dueDate, plan).filter((r) => r.on <= today);
  const latest = reached.at(-1);
  if (!latest || alreadySent.includes(latest.kind)) return [];
  return [latest.kind];
}

/** `J-3`, `échéance`, `retard`: how the history names a reminder. */
export function reminderLabel(kind: ReminderKind): string {
  if (kind === 'due') return 'Échéance';
  if (kind === 'overdue') return 'Retard';
  return `J-${kind.slice('before:'.length)}`;
}
