import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, EntityTarget, FindOptionsWhere, In } from 'typeorm';
import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../common/app-error';
import {
  CHANNELS,
  type Channel,
  type pageRecipientsSchema,
  type RecipientsPreview,
  type RecipientTarget,
} from '../contracts/paging';
import { ContactGroup, ContactGroupMember } from './contact-group.entity';
import { Contact } from './contact.entity';
import { firstRank, nextOnRoster } from './on-duty';
import { RostersService } from './rosters.service';
import { Service } from './service.entity';

/** One person to page, and why (the contract's `RecipientTarget`). */
export type ResolvedTarget = RecipientTarget;

type RecipientsSpec = z.infer<typeof pageRecipientsSchema>;

export function toTarget(c: Contact, via: string[]): ResolvedTarget {
  return {
    contactId: c.id,
    name: c.name,
    function: c.function,
    serviceId: c.serviceId,
    communeInsee: c.communeInsee,
    email: c.email,
    mobile: c.mobile,
    landline: c.landline,
    userId: c.userId,
    deputyContactId: c.deputyContactId,
    via,
  };
}

/** Turns a page's recipients into the people to page, and finds who to page next. */
@Injectable()
export class RecipientsService {
  constructor(
    private readonly rosters: RostersService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /**
   * Resolves a page's recipients as of `at`, deduplicated by contact (via merged), in the order
   * they were reached. Unknown contact/group/service ids, unknown INSEE codes, a commune with no
   * mayor, a service with nobody on duty, an unknown or deleted featureId, or nobody at all →
   * ONE AppError('validation') listing every problem (`recipients.communeInsee.3`...).
   * Inactive contacts are skipped. A bounded number of queries whatever the size of the page.
   */
  async resolve(manager: EntityManager, spec: RecipientsSpec, at: Date): Promise<ResolvedTarget[]> {
    const problems: ErrorDetail[] = [];
    const targets = new Map<string, ResolvedTarget>();
    const add = (c: Contact, via: string) => {
      if (!c.active) return;
      const target = targets.get(c.id);
      if (!target) targets.set(c.id, toTarget(c, [via]));
      else if (!target.via.includes(via)) target.via.push(via);
    };

    const contactIds = spec.contactIds ?? [];
    const contacts = await byId(manager, Contact, contactIds);
    for (const [i, id] of contactIds.entries()) {
      const c = contacts.get(id);
      if (c) add(c, 'contact');
      else problems.push({ path: `recipients.contactIds.${i}`, message: 'unknown contact' });
    }

    const groupIds = spec.groupIds ?? [];
    const groups = await byId(manager, ContactGroup, groupIds);
    const members = groups.size
      ? await manager.find(ContactGroupMember, {
          where: { groupId: In([...groups.keys()]) },
          relations: { contact: true },
          order: { contact: { name: 'ASC' } },
        })
      : [];
    for (const [i, id] of groupIds.entries()) {
      const group = groups.get(id);
      if (!group) problems.push({ path: `recipients.groupIds.${i}`, message: 'unknown group' });
      else for (const m of members) if (m.groupId === id) add(m.contact, `group:${group.name}`);
    }

    const serviceIds = spec.serviceIds ?? [];
    const services = await byId(manager, Service, serviceIds);
    const onDuty = await this.rosters.inForce(manager, [...services.keys()], at);
    for (const [i, id] of serviceIds.entries()) {
      const service = services.get(id);
      const first = firstRank(onDuty.get(id)?.map((e) => ({ ...e, rank: e.shift.rank })) ?? []);
      if (!service)
        problems.push({ path: `recipients.serviceIds.${i}`, message: 'unknown service' });
      else if (first.length === 0)
        problems.push({
          path: `recipients.serviceIds.${i}`,
          message: `nobody of ${service.code} is on duty`,
        });
      else for (const e of first) add(e.contact, `service:${service.code}`);
    }

    // the perimeter: the communes a map feature touches, as recorded when it was drawn
    let perimeter: string[] = [];
    if (spec.featureId) {
      const rows = (await manager.query(
        'SELECT affected_communes FROM map_feature WHERE id = $1 AND deleted_at IS NULL',
        [spec.featureId],
      )) as { affected_communes: { insee: string }[] }[];
      if (rows.length === 0)
        problems.push({ path: 'recipients.featureId', message: 'unknown or deleted map feature' });
      else perimeter = rows[0].affected_communes.map((c) => c.insee);
      if (rows.length > 0 && perimeter.length === 0)
        problems.push({
          path: 'recipients.featureId',
          message: 'the perimeter touches no commune',
        });
    }

    const communes = spec.communeInsee ?? [];
    const wanted = [...new Set([...communes, ...perimeter])];
    const mayorsOf = await this.mayors(manager, wanted);
    for (const [i, insee] of communes.entries()) {
      const path = `recipients.communeInsee.${i}`;
      const found = mayorsOf.get(insee);
      if (!found) problems.push({ path, message: 'not a commune of the Puy-de-Dôme' });
      else if (found.length === 0) problems.push({ path, message: `no active mayor in ${insee}` });
      else for (const m of found) add(m, `commune:${insee}`);
    }
    // in a perimeter, communes without a mayor are skipped; a perimeter without any is a problem
    const inPerimeter = perimeter.flatMap((insee) => mayorsOf.get(insee) ?? []);
    if (perimeter.length > 0 && inPerimeter.length === 0)
      problems.push({
        path: 'recipients.featureId',
        message: 'no active mayor in the communes of this perimeter',
      });
    for (const m of inPerimeter) add(m, `commune:${m.communeInsee}`);

    if (problems.length === 0 && targets.size === 0)
      problems.push({ path: 'recipients', message: 'no active recipient' });
    if (problems.length > 0) throw new AppError('validation', 'Invalid recipients', problems);
    return [...targets.values()];
  }

  /** For each known commune code, its active mayors (possibly none); unknown codes are absent. */
  private async mayors(manager: EntityManager, insees: string[]): Promise<Map<string, Contact[]>> {
    const result = new Map<string, Contact[]>();
    if (insees.length === 0) return result;
    const known = (await manager.query('SELECT insee FROM commune WHERE insee = ANY($1::text[])', [
      insees,
    ])) as {
      insee: string;
    }[];
    for (const { insee } of known) result.set(insee, []);
    const mayors = await manager.find(Contact, {
      where: { function: 'maire', active: true, communeInsee: In(insees) },
      order: { name: 'ASC' },
    });
    for (const m of mayors) result.get(m.communeInsee!)?.push(m);
    return result;
  }

  /**
   * Who to page when `contactId` has not acknowledged: the contact's deputy if active (and not in
   * `exclude`), else the next rank on the roster of the contact's service at `at` (skipping
   * contacts already in `exclude`), else null. 404 for an unknown contact.
   */
  async escalationTarget(
    manager: EntityManager,
    contactId: string,
    at: Date,
    exclude: ReadonlySet<string>,
  ): Promise<ResolvedTarget | null> {
    const contact = await manager.findOneBy(Contact, { id: contactId });
    if (!contact) throw AppError.notFound('Contact');
    if (contact.deputyContactId && !exclude.has(contact.deputyContactId)) {
      const deputy = await manager.findOneBy(Contact, {
        id: contact.deputyContactId,
        active: true,
      });
      if (deputy) return toTarget(deputy, ['escalation']);
    }
    if (!contact.serviceId) return null;
    const roster =
      (await this.rosters.inForce(manager, [contact.serviceId], at)).get(contact.serviceId) ?? [];
    const next = nextOnRoster(
      roster.map((e) => ({ contactId: e.contact.id, rank: e.shift.rank, contact: e.contact })),
      contact.id,
      exclude,
    );
    return next ? toTarget(next.contact, ['escalation']) : null;
  }

  /** What a page to these recipients would reach now, with counts for the paging screen. */
  async preview(spec: RecipientsSpec): Promise<RecipientsPreview> {
    const targets = await this.resolve(this.manager, spec, new Date());
    const kinds = ['contact', 'group', 'service', 'commune'] as const;
    const byKind = Object.fromEntries(
      kinds.map((k) => [
        k,
        targets.filter((t) => t.via.some((v) => v === k || v.startsWith(`${k}:`))).length,
      ]),
    ) as RecipientsPreview['counts']['byKind'];
    const reachable: Record<Channel, (t: ResolvedTarget) => boolean> = {
      sms: (t) => t.mobile !== null,
      voice: (t) => t.mobile !== null || t.landline !== null,
      email: (t) => t.email !== null,
      push: (t) => t.userId !== null,
      inapp: (t) => t.userId !== null,
    };
    const byChannel = Object.fromEntries(
      CHANNELS.map((c) => [c, targets.filter(reachable[c]).length]),
    ) as Record<Channel, number>;
    return { targets, counts: { targets: targets.length, byKind, byChannel } };
  }
}

async function byId<T extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  ids: readonly string[],
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.findBy(entity, { id: In([...new Set(ids)]) } as FindOptionsWhere<T>);
  return new Map(rows.map((r) => [r.id, r]));
}
