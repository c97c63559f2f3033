import { type Cellule, celluleSchema, type Task } from '../contracts/crisis';
import type { TaskTarget } from './task-transitions';

/** The COD's clock: the Puy-de-Dôme is on Paris time. */
const TIME_ZONE = 'Europe/Paris';
const hourMinute = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});
const dayMonth = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
});
const dayKey = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `HH:MM` in Paris time, prefixed by the date (`le JJ/MM à`) when it is not on `now`'s day. */
export function formatDue(due: Date, now: Date): string {
  const time = hourMinute.format(due);
  return dayKey.format(due) === dayKey.format(now) ? time : `le ${dayMonth.format(due)} à ${time}`;
}

type TaskRef = Pick<Task, 'title' | 'priority'> & { dueAt: Date | null };

/** Main courante line for a new request to a service (demande de concours). */
export function taskCreatedText(task: TaskRef, serviceName: string, now: Date): string {
  const due = task.dueAt ? `, échéance ${formatDue(task.dueAt, now)}` : '';
  return `Demande de concours à ${serviceName} : ${task.title} (priorité ${task.priority}${due})`;
}

const TRANSITION_TEXT: Record<TaskTarget, (serviceName: string) => string> = {
  acknowledged: (s) => `prise en compte par ${s}`,
  in_progress: (s) => `en cours (${s})`,
  done: (s) => `terminée (${s})`,
  cancelled: (s) => `annulée (${s})`,
};

/** Main courante line for a task transition, with the note when one was given. */
export function taskTransitionText(
  to: TaskTarget,
  title: string,
  serviceName: string,
  note?: string | null,
): string {
  return `Mission « ${title} » : ${TRANSITION_TEXT[to](serviceName)}${note ? ` — ${note}` : ''}`;
}

/** Main courante line written by the overdue scan. */
export function taskOverdueText(title: string, serviceName: string, due: Date, now: Date): string {
  return `Mission en retard : « ${title} » (${serviceName}), échéance ${formatDue(due, now)} dépassée`;
}

/** The liaison desk of a service (`liaison:<code>`), or the operations cellule if the code cannot name one. */
export function liaisonCellule(serviceCode: string): Cellule {
  const parsed = celluleSchema.safeParse(`liaison:${serviceCode.toUpperCase()}`);
  return parsed.success ? parsed.data : 'operations';
}
