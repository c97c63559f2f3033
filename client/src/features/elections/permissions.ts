import type { Role } from '@contracts/roles';

export function electionAccess(roles: readonly Role[] | undefined): {
  read: boolean;
  write: boolean;
} {
  const has = (r: Role) => roles?.includes(r) ?? false;
  const write = has('admin') || has('cabinet_staff');
  return { read: write || has('director'), write };
}
