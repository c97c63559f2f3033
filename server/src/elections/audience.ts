import type { Role } from '../contracts/roles';
import { rooms } from '../realtime/rooms';

/** Who runs elections (scrutins, candidatures, results entry). */
export const ELECTION_WRITE_ROLES: Role[] = ['admin', 'cabinet_staff'];
/** Who follows them inside the Cabinet (candidates' civil state included). */
export const ELECTION_READ_ROLES: Role[] = ['admin', 'cabinet_staff', 'director'];
/** Outside the Cabinet: published results only, after the publication gate. */
export const ELECTION_PUBLIC_ROLES: Role[] = [
  ...ELECTION_READ_ROLES,
  'press',
  'viewer',
  'sidpc',
  'cod_operator',
];

export function electionAudience(): string[] {
  return ELECTION_READ_ROLES.map(rooms.role);
}
