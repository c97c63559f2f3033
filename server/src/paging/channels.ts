import { type Channel, CHANNELS, type DeliveryState } from '../contracts/paging';
import { isAlive } from './delivery-state';

/** How a target can be reached (snapshot columns, plus whether its account has push subscriptions). */
export interface Reachability {
  email: string | null;
  mobile: string | null;
  landline: string | null;
  userId: string | null;
  hasPush: boolean;
}

/** The address a channel uses for a target, or null when the target cannot be reached on it. */
export function addressFor(channel: Channel, t: Reachability): string | null {
  switch (channel) {
    case 'sms':
      return t.mobile;
    // a call wakes people up: the mobile first, else the landline
    case 'voice':
      return t.mobile ?? t.landline;
    case 'email':
      return t.email;
    case 'push':
      return t.userId && t.hasPush ? `user:${t.userId}` : null;
    case 'inapp':
      return t.userId ? `user:${t.userId}` : null;
  }
}

/** SMS and voice reach the same number: a number refused by one is not tried by the other. */
function endpointKey(channel: Channel, address: string): string {
  return `${channel === 'sms' || channel === 'voice' ? 'phone' : channel}:${address}`;
}

/** Fallback order: the page's channels as chosen, then the others in their standard order. */
export function fallbackOrder(pageChannels: readonly Channel[]): Channel[] {
  return [...pageChannels, ...CHANNELS.filter((c) => !pageChannels.includes(c))];
}

export interface RoundDelivery {
  channel: Channel;
  address: string;
  state: DeliveryState;
}

/**
 * When a delivery fails for good: if the target has nothing left that reaches it in this round
 * (every delivery failed or cancelled), the next channel in fallback order that the round has
 * not used and that reaches the target on another endpoint than those that failed. Null when
 * the target is still reached another way, or cannot be reached at all.
 */
export function nextFallback(
  pageChannels: readonly Channel[],
  target: Reachability,
  round: readonly RoundDelivery[],
): { channel: Channel; address: string } | null {
  if (round.some((d) => isAlive(d.state))) return null;
  const used = new Set(round.map((d) => d.channel));
  const failed = new Set(round.filter((d) => d.state === 'failed').map((d) => endpointKey(d.channel, d.address)));
  for (const channel of fallbackOrder(pageChannels)) {
    if (used.has(channel)) continue;
    const address = addressFor(channel, target);
    if (address && !failed.has(endpointKey(channel, address))) return { channel, address };
  }
  return null;
}

/** The deliveries of a new round: each chosen channel the target can be reached on; if none, the first fallback. */
export function roundChannels(pageChannels: readonly Channel[], target: Reachability): { channel: Channel; address: string; fallback: boolean }[] {
  const direct = pageChannels.flatMap((channel) => {
    const address = addressFor(channel, target);
    return address ? [{ channel, address, fallback: false }] : [];
  });
  if (direct.length) return direct;
  const fallback = nextFallback(pageChannels, target, []);
  return fallback ? [{ ...fallback, fallback: true }] : [];
}
