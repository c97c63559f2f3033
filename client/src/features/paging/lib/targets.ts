/** Pure helpers over a page's targets: filters, reach state, commune colours, "via" labels. */
import type { PageDelivery, PageTarget } from '@contracts/paging';
import { formatWhen } from '@/lib/format';
import { tp } from '../i18n';
import { communeLabel, type CommuneIndex } from './communes';

export type TargetFilter = 'all' | 'unacked' | 'failed';

/** A target's situation: acknowledged, still reachable (messages queued, sent or delivered), or unreachable. */
export type ReachState = 'acked' | 'pending' | 'failed';

const isDead = (d: PageDelivery) => d.state === 'failed' || d.state === 'cancelled';

export function hasFailure(target: PageTarget): boolean {
  return target.deliveries.some((d) => d.state === 'failed');
}

export function reachState(target: PageTarget): ReachState {
  if (target.acknowledgedAt) return 'acked';
  // nothing sent at all (no address on any chosen channel), or every message failed
  if (target.deliveries.length === 0) return 'failed';
  if (target.deliveries.every(isDead) && hasFailure(target)) return 'failed';
  return 'pending';
}

export function matchesFilter(target: PageTarget, filter: TargetFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unacked':
      return !target.acknowledgedAt;
    case 'failed':
      return hasFailure(target);
  }
}

export type CommuneStatus = 'none' | ReachState;

/**
 * The colour of each paged commune: acknowledged when one of its paged people acknowledged;
 * failed when none of them can be reached; else paged and waiting. Absent: not paged.
 */
export function communeStatuses(targets: readonly PageTarget[]): Map<string, ReachState> {
  const byCommune = new Map<string, ReachState[]>();
  for (const t of targets) {
    if (!t.communeInsee) continue;
    const list = byCommune.get(t.communeInsee) ?? [];
    list.push(reachState(t));
    byCommune.set(t.communeInsee, list);
  }
  const result = new Map<string, ReachState>();
  for (const [insee, states] of byCommune) {
    result.set(
      insee,
      states.includes('acked')
        ? 'acked'
        : states.every((s) => s === 'failed')
          ? 'failed'
          : 'pending',
    );
  }
  return result;
}

export function countStatuses(
  statuses: ReadonlyMap<string, ReachState>,
): Record<ReachState, number> {
  const counts: Record<ReachState, number> = { acked: 0, pending: 0, failed: 0 };
  for (const s of statuses.values()) counts[s]++;
  return counts;
}

export interface ViaContext {
  communes: CommuneIndex | null;
  targetsById: ReadonlyMap<string, PageTarget>;
}

/** `group:Maires du Livradois` → `Groupe Maires du Livradois`… */
export function viaLabel(via: string, ctx: ViaContext): string {
  const [kind = '', ...rest] = via.split(':');
  const value = rest.join(':');
  switch (kind) {
    case 'contact':
      return tp.targets.via.contact;
    case 'group':
      return tp.targets.via.group(value);
    case 'service':
      return tp.targets.via.service(value);
    case 'commune':
      return tp.targets.via.commune(communeLabel(ctx.communes, value));
    case 'escalation':
      return tp.targets.via.escalation;
    default:
      return via;
  }
}

/**
 * What distinguishes a delivery from the target's first round on the chosen channels: a
 * re-page (counted from the target's first level: a deputy starts at level 2), a fallback
 * channel, or the alert sent to the duty officers about this target.
 */
export function deliveryNote(d: PageDelivery, firstLevel = 1): string | null {
  if (d.purpose === 'duty_alert') return tp.targets.dutyAlert;
  const notes: string[] = [];
  if (d.level > firstLevel) notes.push(tp.targets.round(d.level - firstLevel + 1));
  if (d.purpose === 'fallback') notes.push(tp.targets.fallback);
  if (d.notBefore && d.state === 'queued')
    notes.push(tp.targets.quietUntil(formatWhen(d.notBefore)));
  return notes.length ? notes.join(', ') : null;
}

/** The level of the target's first messages (its own page round, not duty alerts). */
export function firstLevel(target: PageTarget): number {
  const levels = target.deliveries.filter((d) => d.purpose !== 'duty_alert').map((d) => d.level);
  return levels.length ? Math.min(...levels) : 1;
}

export function searchKey(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
