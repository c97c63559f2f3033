import { useMemo, useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '@/lib/session';
import { honoursPermissionsOf, type HonoursPermissions } from '../permissions';

export function useHonoursPermissions(): HonoursPermissions {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const user = session?.user ?? null;
  return useMemo(() => honoursPermissionsOf(user), [user]);
}
