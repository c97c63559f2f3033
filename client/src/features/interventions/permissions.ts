import type { Role } from '@contracts/roles';

export interface InterventionPermissions {
  /** Reads every intervention (Cabinet, director, admin). */
  readAll: boolean;
  /** Registers, routes, answers (Cabinet staff, admin). */
  edit: boolean;
  /** A liaison officer: sees what is routed to their service only. */
  service: boolean;
}

export function interventionPermissionsOf(
  roles: readonly Role[] | undefined,
): InterventionPermissions {
  const has = (...r: Role[]) => !!roles && r.some((x) => roles.includes(x));
  return {
    readAll: has('admin', 'cabinet_staff', 'director'),
    edit: has('admin', 'cabinet_staff'),
    service: has('service_liaison'),
  };
}
