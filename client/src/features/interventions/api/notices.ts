import type { InterventionReminderEvent } from '@contracts/interventions';

/** Reminders and escalations received over the socket during this session (newest first). */
export interface Notice extends InterventionReminderEvent {
  escalated: boolean;
  at: string;
}

const MAX_NOTICES = 20;
let notices: Notice[] = [];
const listeners = new Set<() => void>();

export function addNotice(notice: Notice): void {
  notices = [
    notice,
    ...notices.filter((n) => !(n.id === notice.id && n.kind === notice.kind)),
  ].slice(0, MAX_NOTICES);
  listeners.forEach((l) => l());
}

export function clearNotices(): void {
  notices = [];
  listeners.forEach((l) => l());
}

export function getNotices(): Notice[] {
  return notices;
}

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
