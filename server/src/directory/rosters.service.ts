import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { OnDuty, RosterShift as RosterShiftDto } from '../contracts/paging';
import { TransactionRunner } from '../database/transaction';
import { Contact } from './contact.entity';
import { toContactDto } from './contacts.service';
import type { ListRostersQuery, RosterShiftInput } from './directory.dto';
import { firstRank, shiftsInForce } from './on-duty';
import { RosterShift } from './roster-shift.entity';
import { Service } from './service.entity';

export interface OnDutyShift {
  shift: RosterShift;
  contact: Contact;
}

export function toShiftDto(s: RosterShift): RosterShiftDto {
  return {
    id: s.id,
    serviceId: s.serviceId,
    contactId: s.contactId,
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    override: s.override,
    rank: s.rank,
  };
}

/** Astreintes: who of a service is on duty when. */
@Injectable()
export class RostersService {
  constructor(
    @InjectRepository(RosterShift) private readonly shifts: Repository<RosterShift>,
    private readonly tx: TransactionRunner,
  ) {}

  /** Shifts overlapping [from, to) (default: those not over yet), by start then rank. */
  async list(query: ListRostersQuery): Promise<RosterShiftDto[]> {
    const qb = this.shifts
      .createQueryBuilder('s')
      .where('s."end" > :from', { from: query.from ? new Date(query.from) : new Date() });
    if (query.to) qb.andWhere('s."start" < :to', { to: new Date(query.to) });
    if (query.serviceId) qb.andWhere('s.service_id = :serviceId', { serviceId: query.serviceId });
    const rows = await qb
      .orderBy('s."start"', 'ASC')
      .addOrderBy('s."rank"', 'ASC')
      .addOrderBy('s.id')
      .getMany();
    return rows.map(toShiftDto);
  }

  /** Adds a shift; the contact must be an active member of the service. */
  create(input: RosterShiftInput, user: AuthUser): Promise<RosterShiftDto> {
    const start = new Date(input.start);
    const end = new Date(input.end);
    return this.tx.run(async (tx) => {
      const problems: ErrorDetail[] = [];
      if (end <= start) problems.push({ path: 'end', message: 'end must be after start' });
      const service = await tx.manager.findOneBy(Service, { id: input.serviceId });
      if (!service) problems.push({ path: 'serviceId', message: 'unknown service' });
      const contact = await tx.manager.findOneBy(Contact, { id: input.contactId });
      if (!contact) problems.push({ path: 'contactId', message: 'unknown contact' });
      else if (!contact.active)
        problems.push({ path: 'contactId', message: 'the contact is not active' });
      else if (service && contact.serviceId !== service.id)
        problems.push({
          path: 'contactId',
          message: `the contact is not a member of ${service.code}`,
        });
      if (problems.length > 0) throw new AppError('validation', 'Invalid shift', problems);
      const shift = await tx.manager.save(
        tx.manager.create(RosterShift, {
          serviceId: input.serviceId,
          contactId: input.contactId,
          start,
          end,
          override: input.override,
          rank: input.rank,
          createdBy: user.id,
        }),
      );
      return toShiftDto(shift);
    });
  }

  remove(id: string): Promise<void> {
    return this.tx.run(async (tx) => {
      const result = await tx.manager.delete(RosterShift, { id });
      if (!result.affected) throw AppError.notFound('Shift');
    });
  }

  /** Who of the service is on duty at `at`, by rank, the first rank marked. */
  async onDuty(serviceId: string, at: Date): Promise<OnDuty> {
    const manager = this.shifts.manager;
    if (!(await manager.existsBy(Service, { id: serviceId }))) throw AppError.notFound('Service');
    const entries = (await this.inForce(manager, [serviceId], at)).get(serviceId) ?? [];
    const first = new Set(firstRank(entries.map((e) => e.shift)));
    return {
      serviceId,
      at: at.toISOString(),
      entries: entries.map((e) => ({
        shift: toShiftDto(e.shift),
        contact: toContactDto(e.contact),
        first: first.has(e.shift),
      })),
    };
  }

  /**
   * For each service, the shifts in force at `at` whose contact is active, by rank (an override
   * replaces the regular shifts of its rank). Two queries whatever the number of services.
   */
  async inForce(
    manager: EntityManager,
    serviceIds: readonly string[],
    at: Date,
  ): Promise<Map<string, OnDutyShift[]>> {
    const result = new Map<string, OnDutyShift[]>();
    if (serviceIds.length === 0) return result;
    const covering = await manager
      .createQueryBuilder(RosterShift, 's')
      .where('s.service_id IN (:...serviceIds)', { serviceIds: [...new Set(serviceIds)] })
      .andWhere('s."start" <= :at AND s."end" > :at', { at })
      .getMany();
    const contactIds = [...new Set(covering.map((s) => s.contactId))];
    const contacts = new Map(
      contactIds.length
        ? (await manager.findBy(Contact, { id: In(contactIds), active: true })).map((c) => [
            c.id,
            c,
          ])
        : [],
    );
    const byService = new Map<string, RosterShift[]>();
    // a deactivated contact's shift does not count, not even as an override of its rank
    for (const s of covering)
      if (contacts.has(s.contactId))
        byService.set(s.serviceId, [...(byService.get(s.serviceId) ?? []), s]);
    for (const [serviceId, shifts] of byService)
      result.set(
        serviceId,
        shiftsInForce(shifts, at).map((shift) => ({
          shift,
          contact: contacts.get(shift.contactId)!,
        })),
      );
    return result;
  }
}
