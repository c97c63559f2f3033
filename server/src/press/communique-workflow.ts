import type { AuthUser } from '../common/auth-user';
import { COMMUNIQUE_ACTIONS, type CommuniqueAction, type CommuniqueStatus } from '../contracts/press';
import type { Role } from '../contracts/roles';

/** Roles that write communiqués (admin always passes). */
export const PRESS_WRITE_ROLES: Role[] = ['press', 'cabinet_staff', 'director'];
/** Only the directeur de cabinet / préfet (or an admin) validates. */
export const VALIDATOR_ROLES: Role[] = ['director'];

interface Step {
  from: CommuniqueStatus;
  to: CommuniqueStatus;
  roles: Role[];
}

/** The one table of the workflow: which action moves which state, and who may. */
export const COMMUNIQUE_STEPS: Record<CommuniqueAction, Step> = {
  submit: { from: 'brouillon', to: 'a_valider', roles: PRESS_WRITE_ROLES },
  validate: { from: 'a_valider', to: 'valide', roles: VALIDATOR_ROLES },
  reject: { from: 'a_valider', to: 'brouillon', roles: VALIDATOR_ROLES },
  publish: { from: 'valide', to: 'publie', roles: PRESS_WRITE_ROLES },
  withdraw: { from: 'publie', to: 'retire', roles: PRESS_WRITE_ROLES },
  reopen: { from: 'valide', to: 'brouillon', roles: PRESS_WRITE_ROLES },
};

export interface WorkflowSubject {
  status: CommuniqueStatus;
  authorId: string;
  embargoUntil: Date | null;
}

export type WorkflowCheck =
  | { ok: true; to: CommuniqueStatus }
  | { ok: false; code: 'forbidden' | 'invalid_transition'; message: string };

function holds(user: Pick<AuthUser, 'roles'>, roles: Role[]): boolean {
  return user.roles.includes('admin') || roles.some((r) => user.roles.includes(r));
}

/**
 * Whether `user` may apply `action` now: the state must match, the role must hold, the
 * validator must not be the author, and publication waits for the embargo.
 */
export function checkCommuniqueAction(
  c: WorkflowSubject,
  action: CommuniqueAction,
  user: Pick<AuthUser, 'id' | 'roles'>,
  now: Date,
): WorkflowCheck {
  const step = COMMUNIQUE_STEPS[action];
  if (!holds(user, step.roles))
    return { ok: false, code: 'forbidden', message: action === 'validate' || action === 'reject' ? 'Only the directeur de cabinet validates communiqués' : 'Your role may not do this' };
  if (c.status !== step.from)
    return { ok: false, code: 'invalid_transition', message: `Cannot ${action} a communiqué in status ${c.status}` };
  if ((action === 'validate' || action === 'reject') && c.authorId === user.id)
    return { ok: false, code: 'forbidden', message: 'The author of a communiqué cannot validate it' };
  if (action === 'publish' && c.embargoUntil && c.embargoUntil > now)
    return { ok: false, code: 'invalid_transition', message: `Under embargo until ${c.embargoUntil.toISOString()}` };
  return { ok: true, to: step.to };
}

/** The actions the user may take now (for the buttons of the UI). */
export function allowedCommuniqueActions(c: WorkflowSubject, user: Pick<AuthUser, 'id' | 'roles'>, now: Date): CommuniqueAction[] {
  return COMMUNIQUE_ACTIONS.filter((a) => checkCommuniqueAction(c, a, user, now).ok);
}

/** Content can change only in draft; any change after validation needs a new validation. */
export function isEditable(status: CommuniqueStatus): boolean {
  return status === 'brouillon';
}
