import type { PublicUser } from '@contracts/auth';

/** The signed-in user and their access token. Kept in memory only, never in web storage. */
export interface Session {
  accessToken: string;
  user: PublicUser;
}

export type SessionEndReason = 'logout' | 'expired';

let current: Session | null = null;
let lastEndReason: SessionEndReason | null = null;
const listeners = new Set<() => void>();

export function getSession(): Session | null {
  return current;
}

export function getAccessToken(): string | null {
  return current?.accessToken ?? null;
}

/** Why the previous session ended, so the login page can explain it. */
export function getLastEndReason(): SessionEndReason | null {
  return lastEndReason;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Written only by api-client.ts, which also owns the refresh timer. */
export function writeSession(next: Session | null, endReason?: SessionEndReason): void {
  if (next === null && current !== null) lastEndReason = endReason ?? 'logout';
  if (next !== null) lastEndReason = null;
  current = next;
  for (const listener of listeners) listener();
}
