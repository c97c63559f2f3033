import type { Role } from '@contracts/roles';
import { readsCrisis } from '@/features/crisis/permissions';

/** Where a user lands: the COD console for who reads the crisis, else the Cabinet's modules. */
export function homePath(roles: readonly Role[]): string {
  return readsCrisis(roles) ? '/console' : '/cabinet';
}
