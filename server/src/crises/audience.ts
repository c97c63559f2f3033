import type { Role } from '../contracts/roles';
import { rooms } from '../realtime/rooms';

/** Who sees the crisis picture (crises, COD state, incidents, main courante, map). */
export const CRISIS_READ_ROLES: Role[] = ['admin', 'director', 'sidpc', 'cod_operator', 'service_liaison', 'press', 'viewer'];

/** Who runs the COD: creates crises, incidents, features, tasks. */
export const CRISIS_WRITE_ROLES: Role[] = ['admin', 'director', 'sidpc', 'cod_operator'];

/** Who writes in the main courante (the liaison desks and the communication cellule too). */
export const LOGBOOK_WRITE_ROLES: Role[] = [...CRISIS_WRITE_ROLES, 'service_liaison', 'press'];

/** Audience of every crisis-wide event. */
export function crisisAudience(): string[] {
  return CRISIS_READ_ROLES.map(rooms.role);
}

/** A task is seen by the COD and by its own service's liaison officers only. */
export function taskAudience(serviceId: string): string[] {
  return [...CRISIS_READ_ROLES.filter((r) => r !== 'service_liaison').map(rooms.role), rooms.service(serviceId)];
}
