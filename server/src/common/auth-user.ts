import type { Role } from '../contracts/roles';

/** The authenticated caller, as read from a verified access token. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  serviceId: string | null;
}

export function hasRole(user: AuthUser, roles: readonly Role[]): boolean {
  return user.roles.includes('admin') || roles.some((r) => user.roles.includes(r));
}
