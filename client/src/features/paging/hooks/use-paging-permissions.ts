import { useMemo, useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '@/lib/session';
import { pagingPermissionsOf, type PagingPermissions } from '../permissions';

/** The signed-in user's permissions on the paging screens; re-renders on login and logout. */
export function usePagingPermissions(): PagingPermissions {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const user = session?.user ?? null;
  return useMemo(() => pagingPermissionsOf(user), [user]);
}
