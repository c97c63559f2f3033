/**
 * Socket.IO contract: the one source of event names and payloads for the server's
 * `Server<...>` and the client's `Socket<...>`. No Nest imports here.
 */
import { z } from 'zod';
import type { CodPosition, CodState, Crisis, Incident, LogbookEntry, MapFeature, Task } from './crisis';
import type { Decision, Sitrep, SitrepSchedule } from './direction';
import type { ElectionTotalsUpdated } from './elections';
import type { FireDocumentAlertEvent } from './fire-rescue';
import type { InterventionChangedEvent, InterventionReminderEvent } from './interventions';
import type { PageReceived, PageSummary } from './paging';

/** Every state event carries the database sequence number and the commit time. */
export interface StateEventMeta {
  seq: number;
  at: string;
}

/**
 * Domain event payloads by event name (`resource.pastTense`). Features add their
 * events here; the outbox, the relay, `sync` and the client hook are generic over this map.
 */
export interface DomainEventMap {
  'user.updated': { id: string; email: string; displayName: string; roles: string[]; disabled: boolean };
  'cod.changed': Omit<CodState, 'seq'>;
  'position.changed': CodPosition;
  'crisis.created': Crisis;
  'crisis.updated': Crisis;
  'incident.created': Incident;
  'incident.updated': Incident;
  'logbook.appended': LogbookEntry;
  'logbook.promoted': { entryId: string; crisisId: string; promotedAt: string; promotedBy: string };
  'task.created': Task;
  'task.updated': Task;
  'task.overdue': Task;
  'feature.created': MapFeature;
  'feature.deleted': { id: string; crisisId: string };
  /** A page's counters changed (throttled: at most about one per page every 500 ms). */
  'page.updated': PageSummary;
  /** In-app delivery of a page to the paged user. */
  'page.received': PageReceived;
  /** An operator asked the authority for a decision. */
  'decision.requested': Decision;
  /** The authority approved, rejected or asked for more. */
  'decision.answered': Decision;
  /** A complement was given, or the urgent-decision reminder fired. */
  'decision.updated': Decision;
  /** A point de situation was generated (draft). */
  'sitrep.created': Sitrep;
  /** A draft was edited, or a validated point was diffused. */
  'sitrep.updated': Sitrep;
  'sitrep.validated': Sitrep;
  /** The schedule changed, or a point is due soon (reminder to the situation cellule). */
  'sitrep.scheduled': SitrepSchedule & { due: boolean; number: number };
  /** Results of bureaux entered, called back, validated or imported: the scrutin's new totals. */
  'election.totalsUpdated': ElectionTotalsUpdated;
  'intervention.created': InterventionChangedEvent;
  'intervention.updated': InterventionChangedEvent;
  /** J-3 and due-date reminders, to the instructing service and the Cabinet. */
  'intervention.reminded': InterventionReminderEvent;
  /** Overdue: escalated to the director (and the Cabinet). */
  'intervention.escalated': InterventionReminderEvent;
  /** A framework document (SDACR, RO) reaches its revision alert window or due date. */
  'fireRescue.documentDue': FireDocumentAlertEvent;
}

export type DomainEventType = keyof DomainEventMap;

export type StateEvent<T extends DomainEventType = DomainEventType> = StateEventMeta &
  DomainEventMap[T];

export interface SyncedEvent<T extends DomainEventType = DomainEventType> {
  type: T;
  seq: number;
  at: string;
  data: DomainEventMap[T];
}

export const syncRequestSchema = z.object({
  since: z.number().int().min(0),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/**
 * `head` is the highest seq the server looked at: the client may set its cursor to it even
 * when no event of that range was visible to it.
 */
export type SyncResponse =
  | { events: SyncedEvent[]; head: number; more: boolean }
  | { reset: true; head: number };

export interface CommandError {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

export type ServerToClientEvents = {
  [K in DomainEventType]: (payload: StateEvent<K>) => void;
} & {
  /** Periodic announcement of the latest committed seq, so a client can detect a missed event. */
  'sync.head': (payload: { seq: number }) => void;
};

export interface ClientToServerEvents {
  sync: (request: SyncRequest, ack: (response: SyncResponse | CommandError) => void) => void;
}

/** Largest number of events returned by one `sync`; `more: true` tells the client to ask again. */
export const SYNC_PAGE_SIZE = 500;
