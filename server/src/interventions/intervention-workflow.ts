import type { AuthUser } from '../common/auth-user';
import { defineWorkflow } from '../common/workflow/state-machine';
import { INTERVENTION_STATUS_LABELS, type InterventionStatus } from '../contracts/interventions';
import type { Role } from '../contracts/roles';
import { rooms } from '../realtime/rooms';

/**
 * `cabinet`: the Cabinet's staff (cabinet_staff, admin) run the whole workflow; `service`: the
 * liaison officer of the service the intervention is routed to sends back its elements.
 */
export type InterventionActor = 'cabinet' | 'service';

export const INTERVENTION_WORKFLOW = defineWorkflow<InterventionStatus, InterventionActor>({
  labels: INTERVENTION_STATUS_LABELS,
  transitions: {
    enregistree: { transmise: ['cabinet'], repondue: ['cabinet'], classee: ['cabinet'] },
    transmise: {
      elements_recus: ['cabinet', 'service'],
      repondue: ['cabinet'],
      classee: ['cabinet'],
    },
    // back to a service when the elements are incomplete
    elements_recus: { transmise: ['cabinet'], repondue: ['cabinet'], classee: ['cabinet'] },
    repondue: {},
    classee: {},
  },
});

/** Who edits interventions. */
export const INTERVENTION_WRITE_ROLES: Role[] = ['admin', 'cabinet_staff'];
/** Who reads every intervention (personal data): the writers and the director. */
export const INTERVENTION_READ_ALL_ROLES: Role[] = ['admin', 'cabinet_staff', 'director'];
/** Who may call the routes at all: liaison officers see their own service's items only. */
export const INTERVENTION_ROUTE_ROLES: Role[] = [...INTERVENTION_READ_ALL_ROLES, 'service_liaison'];

/**
 * What the user sees: `all`, the interventions routed to one service, or nothing. A liaison
 * officer without a service sees nothing.
 */
export type InterventionScope = { all: true } | { all: false; serviceId: string | null };

export function interventionScope(user: AuthUser): InterventionScope {
  if (user.roles.some((r) => INTERVENTION_READ_ALL_ROLES.includes(r))) return { all: true };
  return { all: false, serviceId: user.roles.includes('service_liaison') ? user.serviceId : null };
}

/** Need-to-know: a service sees an intervention only once it is routed to it. */
export function canSee(
  scope: InterventionScope,
  item: { serviceId: string | null; status: InterventionStatus },
): boolean {
  if (scope.all) return true;
  return (
    scope.serviceId !== null && item.serviceId === scope.serviceId && item.status !== 'enregistree'
  );
}

export function interventionActor(
  user: AuthUser,
  item: { serviceId: string | null },
): InterventionActor | null {
  if (user.roles.some((r) => INTERVENTION_WRITE_ROLES.includes(r))) return 'cabinet';
  if (user.roles.includes('service_liaison') && user.serviceId && user.serviceId === item.serviceId)
    return 'service';
  return null;
}

/** Rooms told about a change: the Cabinet and director, and the services concerned. */
export function interventionAudience(...serviceIds: (string | null)[]): string[] {
  const services = [...new Set(serviceIds.filter((s): s is string => !!s))];
  return [...INTERVENTION_READ_ALL_ROLES.map(rooms.role), ...services.map(rooms.service)];
}

/** The director (and admin) receive overdue escalations; the Cabinet sees them too. */
export function escalationAudience(): string[] {
  return INTERVENTION_READ_ALL_ROLES.map(rooms.role);
}
