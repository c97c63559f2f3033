import type { PublicUser } from '@contracts/auth';
import type { Task, TaskStatus } from '@contracts/crisis';
import type { Role } from '@contracts/roles';

/**
 * What the console shows to whom: the server's audiences (crises/audience.ts,
 * tasks/task-transitions.ts) seen from the client. Hiding a control is a courtesy: the API
 * refuses anyway.
 */
const COD_WRITE: readonly Role[] = ['admin', 'director', 'sidpc', 'cod_operator'];
const CRISIS_READ: readonly Role[] = [...COD_WRITE, 'service_liaison', 'press', 'viewer'];

export interface Permissions {
  /** Reads the crisis picture at all. */
  canRead: boolean;
  /** Runs the COD: crises, features, tasks, promotion. */
  canWrite: boolean;
  /** Reports and updates incidents (the COD and the liaison officers). */
  canEditIncidents: boolean;
  /** Writes in the main courante (the COD, liaison desks, communication). */
  canLog: boolean;
  /** Takes a position in the COD room (everyone but the public reader). */
  canSitIn: boolean;
  /** The liaison officer's service, when they act as one. */
  liaisonServiceId: string | null;
  userId: string | null;
}

const hasAny = (roles: readonly Role[], wanted: readonly Role[]) =>
  roles.some((r) => wanted.includes(r));

/** Reads the crisis picture (the COD console is their home). */
export const readsCrisis = (roles: readonly Role[]) => hasAny(roles, CRISIS_READ);

export function permissionsOf(user: PublicUser | null): Permissions {
  const roles = user?.roles ?? [];
  const canWrite = hasAny(roles, COD_WRITE);
  const isLiaison = roles.includes('service_liaison');
  return {
    canRead: hasAny(roles, CRISIS_READ),
    canWrite,
    canEditIncidents: canWrite || isLiaison,
    canLog: canWrite || isLiaison || roles.includes('press'),
    canSitIn: hasAny(roles, [...COD_WRITE, 'service_liaison', 'press']),
    liaisonServiceId: !canWrite && isLiaison ? (user?.serviceId ?? null) : null,
    userId: user?.id ?? null,
  };
}

type TaskTarget = Exclude<TaskStatus, 'requested'>;

/** The server's table (tasks/task-transitions.ts): the COD does all, the liaison all but cancel. */
const TASK_TRANSITIONS: Record<TaskStatus, Partial<Record<TaskTarget, 'cod' | 'cod+liaison'>>> = {
  requested: { acknowledged: 'cod+liaison', cancelled: 'cod' },
  acknowledged: { in_progress: 'cod+liaison', cancelled: 'cod' },
  in_progress: { done: 'cod+liaison', cancelled: 'cod' },
  done: {},
  cancelled: {},
};

/** The transitions this user may make on this task (the buttons shown). */
export function allowedTaskTransitions(task: Task, permissions: Permissions): TaskTarget[] {
  const actor = permissions.canWrite
    ? 'cod'
    : permissions.liaisonServiceId !== null && permissions.liaisonServiceId === task.serviceId
      ? 'liaison'
      : null;
  if (!actor) return [];
  return (Object.entries(TASK_TRANSITIONS[task.status]) as [TaskTarget, 'cod' | 'cod+liaison'][])
    .filter(([, who]) => actor === 'cod' || who === 'cod+liaison')
    .map(([to]) => to);
}
