import type { DeliveryState } from '../contracts/paging';

/**
 * The delivery state machine. States only move forward: a receipt never takes a delivered
 * message back to `sent`, a late worker never overwrites `failed`. The one way back is the
 * claim holder returning its row to `queued` after a temporary error, for BullMQ's retry.
 *
 *   queued → sending → sent → delivered
 *      │        │       └──→ failed      (receipt: undelivered)
 *      │        └─────────→ failed      (permanent error, or retries exhausted)
 *      └──→ cancelled                    (acknowledged before it was sent)
 */
const FROM: Record<DeliveryState, readonly DeliveryState[]> = {
  queued: [],
  sending: ['queued'],
  sent: ['sending'],
  // a receipt may overtake the worker's own `sent` update, or follow a send that timed out here
  // but reached the gateway (the row is back in `queued` for a retry, which will then no-op)
  delivered: ['queued', 'sending', 'sent'],
  failed: ['queued', 'sending', 'sent'],
  cancelled: ['queued'],
};

export const FINAL_DELIVERY_STATES: readonly DeliveryState[] = ['delivered', 'failed', 'cancelled'];

/** States a delivery may be in for an update to `to` to apply (used in the UPDATE's WHERE). */
export function statesBefore(to: DeliveryState): readonly DeliveryState[] {
  return FROM[to];
}

export function canMove(from: DeliveryState, to: DeliveryState): boolean {
  return FROM[to].includes(from);
}

/** A delivery that still reaches, or may still reach, its target. */
export function isAlive(state: DeliveryState): boolean {
  return state !== 'failed' && state !== 'cancelled';
}
