import type { AuthUser } from '../common/auth-user';
import type { Role } from '../contracts/roles';

/** Room names: every event's audience is a list of these. */
export const rooms = {
  all: 'all',
  user: (id: string) => `user:${id}`,
  role: (role: Role) => `role:${role}`,
  service: (id: string) => `service:${id}`,
};

/** Every room a user may receive events from (also what `sync` filters on). */
export function roomsFor(user: AuthUser): string[] {
  const list = [rooms.all, rooms.user(user.id), ...user.roles.map(rooms.role)];
  if (user.serviceId) list.push(rooms.service(user.serviceId));
  return list;
}
