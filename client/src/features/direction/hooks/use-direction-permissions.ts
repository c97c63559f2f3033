import type { Role } from '@contracts/roles';
import { useMemo } from 'react';
import { useSession } from '@/features/auth/hooks/use-session';

export interface DirectionPermissions {
  canRead: boolean;
  /** Asks for decisions, drafts points de situation. */
  canWrite: boolean;
  /** Answers decisions, validates points de situation. */
  isAuthority: boolean;
  canDiffuse: boolean;
}

const has = (roles: readonly Role[], allowed: Role[]) => roles.includes('admin') || allowed.some((r) => roles.includes(r));

export function directionPermissions(roles: readonly Role[]): DirectionPermissions {
  return {
    canRead: has(roles, ['director', 'sidpc', 'cod_operator']),
    canWrite: has(roles, ['director', 'sidpc', 'cod_operator']),
    isAuthority: has(roles, ['director']),
    canDiffuse: has(roles, ['director', 'sidpc']),
  };
}

export function useDirectionPermissions(): DirectionPermissions {
  const session = useSession();
  const roles = session?.user.roles;
  return useMemo(() => directionPermissions(roles ?? []), [roles]);
}
