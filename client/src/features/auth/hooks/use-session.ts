import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type Session } from '@/lib/session';

/** The signed-in session, or null; re-renders on login, refresh and logout. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
