import type { PublicUser } from '@contracts/auth';

/** Who does what on the honours screens (the server checks again on every request). */
export interface HonoursPermissions {
  canRead: boolean;
  canEdit: boolean;
}

export function honoursPermissionsOf(user: PublicUser | null): HonoursPermissions {
  const roles = user?.roles ?? [];
  const canEdit = roles.includes('admin') || roles.includes('cabinet_staff');
  return { canEdit, canRead: canEdit || roles.includes('director') };
}
