import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, refreshSession } from '@/lib/api-client';
import { connectSocket, disconnectSocket, socket } from '@/lib/socket';
import { RealtimeSync, toSyncedEvent } from '../realtime-sync';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

export interface RealtimeState {
  status: ConnectionStatus;
  /** True once the initial `lastSeq` is known: data may be fetched from then on. */
  ready: boolean;
  /**
   * While not connected: when the cache was last in step with the server (ms since epoch), the
   * time of the frozen picture ("données figées à HH:MM"). Null before the first connection.
   */
  syncedAt: number | null;
}

const HEAD_PATH = '/api/realtime/head';
const MAX_DELAY_MS = 30_000;
/** Refused handshakes (expired token…) retried with a fresh token before giving up. */
const MAX_REFUSED_RETRIES = 5;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
const backoff = (attempt: number) => Math.min(MAX_DELAY_MS, 1_000 * 2 ** attempt);

/**
 * Owns the socket for the signed-in session: mount it once, in the authenticated layout.
 * Reads the current head first (so history is not replayed), then connects and turns events
 * into cache updates through the registry of lib/realtime-events.
 */
export function useRealtime(): RealtimeState {
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(false);
  const [syncedAt, setSyncedAt] = useState<number | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>(() =>
    navigator.onLine ? 'reconnecting' : 'offline',
  );

  useEffect(() => {
    const lifetime = new AbortController();
    const disposed = () => lifetime.signal.aborted;
    let sync: RealtimeSync | null = null;
    let refusedRetries = 0;
    let manualRetry: ReturnType<typeof setTimeout> | undefined;

    const update = () => {
      if (disposed()) return;
      setSyncedAt(sync?.syncedAt ?? null);
      if (!navigator.onLine) setStatus('offline');
      else if (socket.connected) setStatus('connected');
      else if (sync === null || socket.active || manualRetry !== undefined)
        setStatus('reconnecting');
      else setStatus('offline');
    };

    // The server refused the handshake or closed the connection: socket.io will not retry by
    // itself. Refresh the token (the refresh ends the session if it is gone) and reconnect.
    const reconnectWithFreshToken = () => {
      if (disposed() || manualRetry !== undefined || refusedRetries >= MAX_REFUSED_RETRIES) return;
      manualRetry = setTimeout(() => {
        void refreshSession()
          .then((session) => {
            if (session && !disposed()) connectSocket();
          })
          .catch(() => undefined)
          .finally(() => {
            manualRetry = undefined;
            update();
          });
      }, backoff(refusedRetries++));
    };

    const onConnect = () => {
      refusedRetries = 0;
      sync?.onConnect();
      update();
    };
    const onDisconnect = (reason: string) => {
      sync?.onDisconnect();
      if (reason === 'io server disconnect') reconnectWithFreshToken();
      update();
    };
    const onConnectError = () => {
      if (!socket.active) reconnectWithFreshToken();
      update();
    };
    const onHead = ({ seq }: { seq: number }) => sync?.onHead(seq);
    const onAnyEvent = (name: string, payload: unknown) => {
      const event = toSyncedEvent(name, payload);
      if (event) sync?.onLiveEvent(event);
    };
    const onOnline = () => {
      if (sync !== null && !socket.connected && !socket.active) connectSocket();
      update();
    };

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.on('sync.head', onHead);
    socket.onAny(onAnyEvent);
    socket.io.on('reconnect_attempt', update);
    socket.io.on('reconnect_failed', update);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', update);

    const start = async (signal: AbortSignal) => {
      for (let attempt = 0; ; attempt++) {
        try {
          const { seq } = await api.get<{ seq: number }>(HEAD_PATH, { signal });
          if (signal.aborted) return;
          sync = new RealtimeSync(socket, queryClient, seq);
          setReady(true);
          connectSocket();
          update();
          return;
        } catch {
          // Unreachable server or a 401 (the api client then ends the session): wait and retry.
          if (signal.aborted) return;
          await sleep(backoff(attempt), signal);
        }
      }
    };
    start(lifetime.signal).catch(() => undefined); // rejects only when aborted

    return () => {
      lifetime.abort();
      clearTimeout(manualRetry);
      sync?.dispose();
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('sync.head', onHead);
      socket.offAny(onAnyEvent);
      socket.io.off('reconnect_attempt', update);
      socket.io.off('reconnect_failed', update);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', update);
      disconnectSocket();
    };
  }, [queryClient]);

  return { status, ready, syncedAt };
}
