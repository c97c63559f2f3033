import type { Role } from '../contracts/roles';
import { rooms } from '../realtime/rooms';

/** Who follows the direction view and the decisions (the COD and the authority). */
export const DIRECTION_READ_ROLES: Role[] = ['admin', 'director', 'sidpc', 'cod_operator'];
/** Who asks the authority for a decision and drafts points de situation. */
export const DIRECTION_WRITE_ROLES: Role[] = ['admin', 'director', 'sidpc', 'cod_operator'];
/** The authority: answers decisions, validates points de situation. */
export const AUTHORITY_ROLES: Role[] = ['admin', 'director'];
/** Who diffuses a validated point de situation (the paging senders). */
export const DIFFUSE_ROLES: Role[] = ['admin', 'director', 'sidpc'];

export function directionAudience(): string[] {
  return DIRECTION_READ_ROLES.map(rooms.role);
}
