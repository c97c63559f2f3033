import type { LoginRequest, LoginResponse } from '@contracts/auth';
import { api, endSession, refreshSession, startSession } from '@/lib/api-client';
import type { Session } from '@/lib/session';

export async function login(credentials: LoginRequest): Promise<Session> {
  const response = await api.post<LoginResponse>('/api/auth/login', credentials, { auth: false });
  return startSession(response);
}

/** Revokes the refresh cookie server-side; the local session ends whatever the answer. */
export async function logout(): Promise<void> {
  try {
    await api.post<undefined>('/api/auth/logout');
  } catch {
    // Unreachable or already expired: nothing more to revoke from here.
  } finally {
    endSession('logout');
  }
}

let restoring: Promise<void> | null = null;

/** Once per page load: turns a still-valid refresh cookie into a session. Never rejects. */
export function restoreSessionOnce(): Promise<void> {
  restoring ??= refreshSession().then(
    () => undefined,
    () => undefined,
  );
  return restoring;
}
