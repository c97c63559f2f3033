import type { ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { TaskStatus } from '../contracts/crisis';
import type { Role } from '../contracts/roles';
import { CRISIS_READ_ROLES, CRISIS_WRITE_ROLES } from '../crises/audience';

export type TaskTarget = Exclude<TaskStatus, 'requested'>;

/**
 * Who acts on a task: the COD (admin, director, sidpc, cod_operator) or a liaison officer of
 * the task's own service.
 */
export type TaskActor = 'cod' | 'liaison';

/**
 * Every allowed task transition and who may make it, in one table. A service must take a
 * request into account before working on it; only the COD cancels.
 */
export const TASK_TRANSITIONS: Readonly<
  Record<TaskStatus, Partial<Record<TaskTarget, readonly TaskActor[]>>>
> = {
  requested: { acknowledged: ['cod', 'liaison'], cancelled: ['cod'] },
  acknowledged: { in_progress: ['cod', 'liaison'], cancelled: ['cod'] },
  in_progress: { done: ['cod', 'liaison'], cancelled: ['cod'] },
  done: {},
  cancelled: {},
};

/** Statuses of a task still expected to move (counted as open; may become overdue). */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = [
  'requested',
  'acknowledged',
  'in_progress',
];

export type TaskTransitionCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'invalid_transition' | 'forbidden';
      message: string;
      details: ErrorDetail[];
    };

/** Targets the actor may reach from a status (the console shows only these buttons). */
export function allowedTaskTransitions(from: TaskStatus, actor: TaskActor): TaskTarget[] {
  return (Object.entries(TASK_TRANSITIONS[from]) as [TaskTarget, readonly TaskActor[]][])
    .filter(([, actors]) => actors.includes(actor))
    .map(([to]) => to);
}

export function checkTaskTransition(
  from: TaskStatus,
  to: TaskTarget,
  actor: TaskActor,
): TaskTransitionCheck {
  const actors = TASK_TRANSITIONS[from][to];
  if (!actors) {
    const allowed = allowedTaskTransitions(from, actor);
    return {
      ok: false,
      code: 'invalid_transition',
      message: `A task cannot go from ${from} to ${to}`,
      details: [
        { path: 'from', message: from },
        { path: 'to', message: to },
        {
          path: 'allowed',
          message: allowed.length ? allowed.join(', ') : 'none: the task is closed',
        },
      ],
    };
  }
  if (!actors.includes(actor)) {
    return {
      ok: false,
      code: 'forbidden',
      message: `Only the COD may move a task from ${from} to ${to}`,
      details: [{ path: 'to', message: `${to} requires a COD role` }],
    };
  }
  return { ok: true };
}

const COD_ROLES: readonly Role[] = CRISIS_WRITE_ROLES;
const NON_LIAISON_READ_ROLES: readonly Role[] = CRISIS_READ_ROLES.filter(
  (r) => r !== 'service_liaison',
);

/**
 * How the user acts on a task of `serviceId`: as the COD, as that service's liaison officer,
 * or not at all. A COD role wins over a liaison role.
 */
export function taskActor(user: AuthUser, serviceId: string): TaskActor | null {
  if (user.roles.some((r) => COD_ROLES.includes(r))) return 'cod';
  if (user.roles.includes('service_liaison') && user.serviceId === serviceId) return 'liaison';
  return null;
}

/**
 * The one service whose tasks the user may see, when restricted to it: a liaison officer
 * with no other crisis role sees their own service's tasks only (none without a service).
 * `undefined` means unrestricted.
 */
export function taskScope(user: AuthUser): { serviceId: string | null } | undefined {
  if (user.roles.some((r) => NON_LIAISON_READ_ROLES.includes(r))) return undefined;
  return { serviceId: user.serviceId };
}
