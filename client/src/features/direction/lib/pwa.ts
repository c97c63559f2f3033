/**
 * The direction view as an installable app: the service worker (built by Vite from
 * `src/sw.ts` into `/sw.js`) keeps the shell and the last overview for offline use, and shows
 * web push notifications. Registered only by a production build (the dev server has no /sw.js).
 */
export const SW_URL = '/sw.js';

export function serviceWorkerSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!serviceWorkerSupported() || !import.meta.env.PROD) return null;
  try {
    return await navigator.serviceWorker.register(SW_URL, { scope: '/' });
  } catch {
    return null;
  }
}

/** The registration controlling this page, if any (without waiting forever). */
export async function currentRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!serviceWorkerSupported()) return null;
  return (await navigator.serviceWorker.getRegistration('/')) ?? null;
}

/** base64url (VAPID public key) → the bytes `applicationServerKey` takes. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Where the service worker keeps the last overview (see src/sw.ts). */
export const OFFLINE_DATA_CACHE = 'vigie-data-v1';

/** Forgets the last overview kept for offline use (at logout: nothing stays on the device). */
export async function clearOfflineData(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(OFFLINE_DATA_CACHE);
}
