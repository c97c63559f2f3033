import type { EntityManager } from 'typeorm';
import type { Page as PageDto, PageCounts, PageDelivery as PageDeliveryDto, PageSummary, PageTarget as PageTargetDto } from '../contracts/paging';
import { rooms } from '../realtime/rooms';
import type { PageDelivery } from './page-delivery.entity';
import type { PageTarget } from './page-target.entity';
import type { Page } from './page.entity';

/** Who follows pages live (`page.updated`) and reads them. */
export const PAGE_READ_ROLES = ['admin', 'director', 'sidpc', 'cod_operator'] as const;
/** Who sends and re-pages. */
export const PAGE_WRITE_ROLES = ['admin', 'director', 'sidpc'] as const;
/** Who may acknowledge for someone else (after reaching them by phone). */
export const ACK_ON_BEHALF_ROLES = ['admin', 'director', 'sidpc'] as const;

export function pageAudience(): string[] {
  return PAGE_READ_ROLES.map((r) => rooms.role(r));
}

export const EMPTY_COUNTS: PageCounts = { targets: 0, queued: 0, sent: 0, delivered: 0, failed: 0, acknowledged: 0 };

/** Counters of several pages in two grouped queries: deliveries by state, targets and acknowledgements. */
export async function countsFor(manager: EntityManager, pageIds: readonly string[]): Promise<Map<string, PageCounts>> {
  const result = new Map(pageIds.map((id) => [id, { ...EMPTY_COUNTS }]));
  if (pageIds.length === 0) return result;
  const targets = (await manager.query(
    `SELECT page_id, count(*)::int AS targets, count(acknowledged_at)::int AS acknowledged
     FROM page_target WHERE page_id = ANY($1::uuid[]) GROUP BY page_id`,
    [pageIds],
  )) as { page_id: string; targets: number; acknowledged: number }[];
  for (const t of targets) Object.assign(result.get(t.page_id)!, { targets: t.targets, acknowledged: t.acknowledged });
  const deliveries = (await manager.query(
    `SELECT page_id,
            count(*) FILTER (WHERE state IN ('queued', 'sending'))::int AS queued,
            count(*) FILTER (WHERE state = 'sent')::int AS sent,
            count(*) FILTER (WHERE state = 'delivered')::int AS delivered,
            count(*) FILTER (WHERE state = 'failed')::int AS failed
     FROM page_delivery WHERE page_id = ANY($1::uuid[]) GROUP BY page_id`,
    [pageIds],
  )) as { page_id: string; queued: number; sent: number; delivered: number; failed: number }[];
  for (const { page_id, ...d } of deliveries) Object.assign(result.get(page_id)!, d);
  return result;
}

export function sameCounts(a: PageCounts | null, b: PageCounts): boolean {
  return !!a && (Object.keys(b) as (keyof PageCounts)[]).every((k) => a[k] === b[k]);
}

export function toSummary(page: Page, counts: PageCounts): PageSummary {
  return {
    id: page.id,
    title: page.title,
    message: page.message,
    severity: page.severity,
    channels: page.channels,
    ackRequired: page.ackRequired,
    escalateAfterSec: page.escalateAfterSec,
    crisisId: page.crisisId,
    exercise: page.exercise,
    createdBy: page.createdBy,
    createdAt: page.createdAt.toISOString(),
    counts,
  };
}

export function toDeliveryDto(d: PageDelivery): PageDeliveryDto {
  return {
    id: d.id,
    channel: d.channel,
    address: d.address,
    state: d.state,
    attempts: d.attempts,
    error: d.error,
    sentAt: d.sentAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    notBefore: d.notBefore?.toISOString() ?? null,
    level: d.level,
    purpose: d.purpose,
  };
}

export function toTargetDto(t: PageTarget, deliveries: PageDelivery[]): PageTargetDto {
  return {
    id: t.id,
    contactId: t.contactId,
    name: t.name,
    function: t.function,
    communeInsee: t.communeInsee,
    serviceId: t.serviceId,
    via: t.via,
    acknowledgedAt: t.acknowledgedAt?.toISOString() ?? null,
    acknowledgedVia: t.acknowledgedVia,
    acknowledgedBy: t.acknowledgedByName,
    escalationLevel: t.escalationLevel,
    escalatedFromTargetId: t.escalatedFromId,
    deliveries: deliveries.map(toDeliveryDto),
  };
}

export function toPageDto(page: Page, counts: PageCounts, targets: PageTarget[], deliveries: PageDelivery[]): PageDto {
  const byTarget = new Map<string, PageDelivery[]>();
  for (const d of deliveries) {
    const list = byTarget.get(d.targetId) ?? [];
    list.push(d);
    byTarget.set(d.targetId, list);
  }
  return { ...toSummary(page, counts), targets: targets.map((t) => toTargetDto(t, byTarget.get(t.id) ?? [])) };
}
