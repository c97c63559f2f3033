import type { EntityManager } from 'typeorm';
import { nextFallback } from './channels';
import { PageDelivery } from './page-delivery.entity';
import type { DeliveryRef } from './page-dispatcher';
import { PageTarget } from './page-target.entity';
import { insertDeliveries, reachability, usersWithPush } from './page-writes';
import { Page } from './page.entity';

/** Locks a target row: fallbacks, acknowledgements and escalations of one target are serialised on it. */
export async function lockTarget(m: EntityManager, targetId: string): Promise<PageTarget | null> {
  return m.findOne(PageTarget, { where: { id: targetId }, lock: { mode: 'for_no_key_update' } });
}

/**
 * After a delivery of `target` failed for good in round `level`: when nothing else of that
 * round still reaches the target, and it has not acknowledged, one more delivery on the next
 * channel in fallback order (see channels.ts). Call with the target locked.
 */
export async function insertFallback(m: EntityManager, target: PageTarget, level: number): Promise<DeliveryRef[]> {
  if (target.acknowledgedAt) return [];
  const page = await m.findOneByOrFail(Page, { id: target.pageId });
  const round = await m.find(PageDelivery, { select: { channel: true, address: true, state: true }, where: { targetId: target.id, level } });
  const next = nextFallback(page.channels, reachability(target, await usersWithPush(m, [target.userId])), round);
  if (!next) return [];
  return insertDeliveries(
    m,
    [{ pageId: page.id, targetId: target.id, channel: next.channel, level, purpose: 'fallback', address: next.address }],
    page.severity,
  );
}
