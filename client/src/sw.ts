/**
 * Vigie's service worker (built by Vite into `/sw.js`, see vite.config.mts), written by hand:
 * - the app shell (index.html and the hashed assets it names) is kept for offline start;
 * - navigations: network first, the cached shell when offline;
 * - `/api/direction/overview`: network first, the last answer when offline (the page shows its
 *   `generatedAt`: the state as of that time);
 * - web push: shows the notification Vigie's paging sends, opens the direction view on click.
 * No other API response is cached. Self-contained: it imports nothing.
 */

import { offlineDirectionPage, type OfflineOverview } from './features/direction/lib/offline-page';

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface PushEvent extends ExtendableEvent {
  data: { json(): unknown; text(): string } | null;
}
interface NotificationEvent extends ExtendableEvent {
  notification: Notification;
}
interface WindowClientLike {
  url: string;
  focus(): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
}
interface SwScope {
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
  addEventListener(type: 'push', listener: (e: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (e: NotificationEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
  registration: { showNotification(title: string, options: NotificationOptions): Promise<void> };
  location: Location;
}

const sw = self as unknown as SwScope;
const VERSION = 'v1';
const SHELL = `vigie-shell-${VERSION}`;
const DATA = `vigie-data-${VERSION}`;
const OVERVIEW = '/api/direction/overview';
const STATIC = ['/', '/index.html', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png', '/favicon.svg'];

/** The hashed assets index.html names (scripts, styles, preloads). */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const response = await fetch('/index.html', { cache: 'no-store' });
      const html = await response.clone().text();
      await cache.put('/index.html', response);
      await cache.addAll([...STATIC.filter((u) => u !== '/index.html'), ...assetsOf(html)]);
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL && key !== DATA) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

async function networkFirst(request: Request, cacheName: string, fallbackUrl?: string, noFallback = false): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackUrl ?? request.url, response.clone());
    return response;
  } catch (error) {
    if (noFallback) throw error;
    const cached = await cache.match(fallbackUrl ?? request.url);
    if (cached) return cached;
    throw new Error('offline and nothing cached', { cause: error });
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === '/direction') {
    event.respondWith(directionNavigation(request));
  } else if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(request, SHELL, '/index.html'));
  } else if (url.pathname === OVERVIEW) {
    event.respondWith(networkFirst(request, DATA));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  }
});

/** /direction: the app when online; offline, the last known state (else the cached shell). */
async function directionNavigation(request: Request): Promise<Response> {
  try {
    return await networkFirst(request, SHELL, '/index.html', true);
  } catch {
    const cached = await (await caches.open(DATA)).match(OVERVIEW);
    if (cached) {
      const html = offlineDirectionPage((await cached.json()) as OfflineOverview);
      return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
    }
    const shell = await (await caches.open(SHELL)).match('/index.html');
    if (shell) return shell;
    throw new Error('offline');
  }
}

interface PushPayload {
  title?: string;
  body?: string;
  url?: string | null;
  tag?: string;
  requireInteraction?: boolean;
}

sw.addEventListener('push', (event) => {
  let payload: PushPayload;
  try {
    payload = (event.data?.json() ?? {}) as PushPayload;
  } catch {
    payload = { body: event.data?.text() };
  }
  event.waitUntil(
    sw.registration.showNotification(payload.title ?? 'Vigie', {
      body: payload.body ?? '',
      tag: payload.tag,
      requireInteraction: payload.requireInteraction ?? false,
      icon: '/icon-192.png',
      lang: 'fr',
      data: { url: payload.url ?? '/direction' },
    }),
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: string | null } | undefined;
  const target: string = data?.url ?? '/direction';
  event.waitUntil(
    (async () => {
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
      if (open && target.startsWith('/')) {
        await open.navigate(target);
        await open.focus();
      } else await sw.clients.openWindow(target);
    })(),
  );
});

export {};
