import { randomInt, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Channel, DeliveryPurpose, PageSeverity } from '../contracts/paging';
import type { ResolvedTarget } from '../directory/recipients.service';
import { type Reachability, roundChannels } from './channels';
import { deliveryNotBefore, type QuietWindow } from './quiet-hours';
import type { DeliveryRef } from './page-dispatcher';
import { PageTarget } from './page-target.entity';

const TARGET_CHUNK = 500;

export interface NewDelivery {
  pageId: string;
  targetId: string;
  channel: Channel;
  level: number;
  purpose: DeliveryPurpose;
  address: string;
  /** Held by quiet hours until then; null: send now. */
  notBefore?: Date | null;
}

/** Inserts deliveries in one statement (unnest), whatever their number; returns what to enqueue. */
export async function insertDeliveries(manager: EntityManager, rows: readonly NewDelivery[], severity: PageSeverity): Promise<DeliveryRef[]> {
  if (rows.length === 0) return [];
  const ids = rows.map(() => randomUUID());
  await manager.query(
    `INSERT INTO page_delivery (id, page_id, target_id, channel, escalation_level, purpose, address, not_before)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::timestamptz[])`,
    [
      ids,
      rows.map((r) => r.pageId),
      rows.map((r) => r.targetId),
      rows.map((r) => r.channel),
      rows.map((r) => r.level),
      rows.map((r) => r.purpose),
      rows.map((r) => r.address),
      rows.map((r) => r.notBefore ?? null),
    ],
  );
  return rows.map((r, i) => ({ id: ids[i], channel: r.channel, dispatchGen: 1, severity, notBefore: r.notBefore ?? null }));
}

/** A random four-digit code quoted in SMS replies. */
export function replyCode(): string {
  return String(randomInt(1000, 10_000));
}

export interface NewTargetOptions {
  escalatedFromId?: string | null;
  escalationLevel?: number;
  nextEscalationAt: Date | null;
}

/** Freezes resolved contacts as the page's targets (snapshot of their addresses at send time). */
export async function insertTargets(
  manager: EntityManager,
  pageId: string,
  resolved: readonly ResolvedTarget[],
  options: NewTargetOptions,
): Promise<PageTarget[]> {
  const targets = resolved.map((r) =>
    manager.create(PageTarget, {
      id: randomUUID(),
      pageId,
      contactId: r.contactId,
      name: r.name,
      function: r.function,
      serviceId: r.serviceId,
      communeInsee: r.communeInsee,
      email: r.email,
      mobile: r.mobile,
      landline: r.landline,
      userId: r.userId,
      deputyContactId: r.deputyContactId,
      via: r.via,
      escalatedFromId: options.escalatedFromId ?? null,
      escalationLevel: options.escalationLevel ?? 1,
      generation: 0,
      nextEscalationAt: options.nextEscalationAt,
      replyCode: replyCode(),
      acknowledgedAt: null,
      acknowledgedVia: null,
      acknowledgedByUserId: null,
      acknowledgedByName: null,
    }),
  );
  for (let i = 0; i < targets.length; i += TARGET_CHUNK) await manager.insert(PageTarget, targets.slice(i, i + TARGET_CHUNK));
  return targets;
}

/** Users (among these) having at least one push subscription. */
export async function usersWithPush(manager: EntityManager, userIds: readonly (string | null)[]): Promise<Set<string>> {
  const ids = [...new Set(userIds.filter((u): u is string => !!u))];
  if (ids.length === 0) return new Set();
  const rows = (await manager.query('SELECT DISTINCT user_id FROM push_subscription WHERE user_id = ANY($1::uuid[])', [ids])) as {
    user_id: string;
  }[];
  return new Set(rows.map((r) => r.user_id));
}

export function reachability(t: Pick<PageTarget, 'email' | 'mobile' | 'landline' | 'userId'>, withPush: ReadonlySet<string>): Reachability {
  return { email: t.email, mobile: t.mobile, landline: t.landline, userId: t.userId, hasPush: !!t.userId && withPush.has(t.userId) };
}

/** One round of deliveries for these targets on the page's channels (fallback when none of them reaches a target). */
export async function planRound(
  manager: EntityManager,
  page: { id: string; channels: Channel[]; severity: PageSeverity },
  targets: readonly PageTarget[],
  level: (t: PageTarget) => number,
  quiet: { window: QuietWindow | null; now: Date },
): Promise<NewDelivery[]> {
  const withPush = await usersWithPush(manager, targets.map((t) => t.userId));
  return targets.flatMap((t) =>
    roundChannels(page.channels, reachability(t, withPush)).map((c) => ({
      pageId: page.id,
      targetId: t.id,
      channel: c.channel,
      level: level(t),
      purpose: c.fallback ? ('fallback' as const) : ('page' as const),
      address: c.address,
      notBefore: deliveryNotBefore(quiet.window, quiet.now, page.severity, c.channel, t.via),
    })),
  );
}

/**
 * When to escalate a target: `delayMs` after its messages ring, i.e. after `now`, or after the
 * end of the quiet hours holding its ringing deliveries.
 */
export function escalationAt(now: Date, delayMs: number, rows: readonly NewDelivery[], targetId: string): Date {
  const held = rows.filter((r) => r.targetId === targetId && r.notBefore).map((r) => r.notBefore!.getTime());
  return new Date(Math.max(now.getTime(), ...held) + delayMs);
}
