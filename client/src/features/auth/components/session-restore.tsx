import { use, type ReactNode } from 'react';
import { restoreSessionOnce } from '../api/auth-api';

/** Suspends (show a loader around it) until the refresh cookie has been tried at start-up. */
export function SessionRestore({ children }: { children: ReactNode }) {
  use(restoreSessionOnce());
  return children;
}
