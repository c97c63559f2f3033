import { useMemo, useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '@/lib/session';
import { permissionsOf, type Permissions } from '../permissions';

/** The signed-in user's permissions on the console; re-renders on login and logout. */
export function usePermissions(): Permissions {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const user = session?.user ?? null;
  return useMemo(() => permissionsOf(user), [user]);
}
