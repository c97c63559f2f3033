import type {
  CommandError,
  DomainEventMap,
  DomainEventType,
  SyncedEvent,
  SyncResponse,
} from '@contracts/realtime';
import type { QueryClient } from '@tanstack/react-query';
import { applyEvent } from '@/lib/realtime-events';
import type { AppSocket } from '@/lib/socket';

const SYNC_TIMEOUT_MS = 10_000;
const SYNC_RETRY_MS = 3_000;
/** Past this many buffered live events, drop them: the next sync returns them anyway. */
const MAX_BUFFERED = 1_000;

/**
 * Keeps the cache in step with the server's event log: `lastSeq` is the highest seq applied.
 * After every (re)connection, and whenever the server announces a higher head, it pulls what it
 * missed with `sync`; live events arriving meanwhile are buffered, then applied if still new.
 */
export class RealtimeSync {
  private lastSeq: number;
  private syncing = false;
  private syncAgain = false;
  /** False from a (re)connection or a failed sync until a sync succeeds: live events wait. */
  private inSync = false;
  private buffer: SyncedEvent[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** When the cache was last known in step with the server (a sync done, an event applied). */
  syncedAt: number = Date.now();

  constructor(
    private readonly socket: AppSocket,
    private readonly queryClient: QueryClient,
    initialSeq: number,
  ) {
    this.lastSeq = initialSeq;
  }

  onConnect(): void {
    this.inSync = false;
    this.requestSync();
  }

  onDisconnect(): void {
    // in step until this very moment: what the console shows is the state as of now
    if (this.inSync) this.syncedAt = Date.now();
    this.inSync = false;
    this.buffer = [];
    clearTimeout(this.retryTimer);
  }

  onHead(seq: number): void {
    if (seq > this.lastSeq) this.requestSync();
  }

  onLiveEvent(event: SyncedEvent): void {
    if (this.inSync && !this.syncing) {
      this.applyIfNew(event);
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length > MAX_BUFFERED) this.buffer = [];
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
  }

  private requestSync(): void {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    void this.runSync();
  }

  private async runSync(): Promise<void> {
    if (this.disposed || !this.socket.connected) return;
    this.syncing = true;
    clearTimeout(this.retryTimer);
    try {
      do {
        this.syncAgain = false;
        await this.pullAll();
      } while (this.shouldSyncAgain());
      this.inSync = true;
      this.syncedAt = Date.now();
      this.flushBuffer();
    } catch (error) {
      // Timeout, refusal or disconnection: events may be missing, so keep buffering and retry.
      console.warn('Realtime sync failed; retrying.', error);
      this.inSync = false;
      this.scheduleRetry();
    } finally {
      this.syncing = false;
    }
  }

  /** A read through a method: TypeScript would otherwise assume the awaited pull changed nothing. */
  private shouldSyncAgain(): boolean {
    return this.syncAgain && !this.disposed;
  }

  private async pullAll(): Promise<void> {
    for (;;) {
      // socket.io types the reply of a timeout()-decorated ack as `any`; the contract says what it is.
      const response = (await this.socket
        .timeout(SYNC_TIMEOUT_MS)
        .emitWithAck('sync', { since: this.lastSeq })) as SyncResponse | CommandError;
      if (this.disposed) return;
      if ('error' in response) throw new Error(`sync refused: ${response.error.code}`);
      if ('reset' in response) {
        // Too far behind (or the log was reset): refetch everything from the new head.
        this.lastSeq = response.head;
        void this.queryClient.invalidateQueries();
        return;
      }
      for (const event of response.events) this.applyIfNew(event);
      this.lastSeq = Math.max(this.lastSeq, response.head);
      if (!response.more) return;
    }
  }

  private flushBuffer(): void {
    const pending = this.buffer.sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    for (const event of pending) this.applyIfNew(event);
  }

  private applyIfNew(event: SyncedEvent): void {
    if (event.seq <= this.lastSeq) return;
    applyEvent(event, this.queryClient);
    this.lastSeq = event.seq;
    this.syncedAt = Date.now();
  }

  private scheduleRetry(): void {
    if (this.disposed || !this.socket.connected) return;
    this.retryTimer = setTimeout(() => {
      this.requestSync();
    }, SYNC_RETRY_MS);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A live state event as received by `onAny` (`{seq, at, ...data}` under a `resource.pastTense`
 * name) in the shape `sync` returns. Anything else (e.g. `sync.head`) gives null.
 */
export function toSyncedEvent(name: string, payload: unknown): SyncedEvent | null {
  if (!name.includes('.') || name === 'sync.head' || !isRecord(payload)) return null;
  const { seq, at, ...data } = payload;
  if (typeof seq !== 'number' || typeof at !== 'string') return null;
  // Trusted wire boundary: the server types its emits with the same DomainEventMap.
  return { type: name as DomainEventType, seq, at, data: data as DomainEventMap[DomainEventType] };
}
