import { DELIVERY_STATES } from '../contracts/paging';
import { canMove, FINAL_DELIVERY_STATES, isAlive } from './delivery-state';

describe('delivery state machine', () => {
  it('moves forward along queued → sending → sent → delivered', () => {
    expect(canMove('queued', 'sending')).toBe(true);
    expect(canMove('sending', 'sent')).toBe(true);
    expect(canMove('sent', 'delivered')).toBe(true);
  });

  it('never leaves a final state', () => {
    for (const from of FINAL_DELIVERY_STATES) {
      for (const to of DELIVERY_STATES) expect(canMove(from, to)).toBe(false);
    }
  });

  it('never goes back from delivered to sent, nor from sent to sending', () => {
    expect(canMove('delivered', 'sent')).toBe(false);
    expect(canMove('sent', 'sending')).toBe(false);
    expect(canMove('sent', 'queued')).toBe(false);
  });

  it('lets a receipt overtake the worker, and an undelivered receipt fail a sent message', () => {
    expect(canMove('sending', 'delivered')).toBe(true);
    expect(canMove('sent', 'failed')).toBe(true);
  });

  it('cancels only what has not been handed to a provider', () => {
    expect(canMove('queued', 'cancelled')).toBe(true);
    expect(canMove('sending', 'cancelled')).toBe(false);
    expect(canMove('sent', 'cancelled')).toBe(false);
  });

  it('counts failed and cancelled deliveries as no longer reaching the target', () => {
    expect(DELIVERY_STATES.filter(isAlive)).toEqual(['queued', 'sending', 'sent', 'delivered']);
  });
});
