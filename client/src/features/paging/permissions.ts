import type { PublicUser } from '@contracts/auth';
import type { Role } from '@contracts/roles';

/**
 * Who does what on the paging screens: the server's audiences (paging/page-views.ts) seen from
 * the client. Hiding a control is a courtesy: the API refuses anyway.
 */
const PAGE_WRITE: readonly Role[] = ['admin', 'director', 'sidpc'];
const PAGE_READ: readonly Role[] = [...PAGE_WRITE, 'cod_operator'];

export interface PagingPermissions {
  /** Follows the pages sent (list, follow-up, map). */
  canFollow: boolean;
  /** Sends pages and re-pages the non-acknowledged. */
  canCompose: boolean;
  /** Acknowledges for a recipient reached by phone. */
  canAckOnBehalf: boolean;
  userId: string | null;
}

const hasAny = (roles: readonly Role[], wanted: readonly Role[]) =>
  roles.some((r) => wanted.includes(r));

export function pagingPermissionsOf(user: PublicUser | null): PagingPermissions {
  const roles = user?.roles ?? [];
  const canCompose = hasAny(roles, PAGE_WRITE);
  return {
    canFollow: hasAny(roles, PAGE_READ),
    canCompose,
    canAckOnBehalf: canCompose,
    userId: user?.id ?? null,
  };
}
