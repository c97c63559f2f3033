import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { ContactGroup as ContactGroupDto } from '../contracts/paging';
import { TransactionRunner } from '../database/transaction';
import { ContactGroup, ContactGroupMember } from './contact-group.entity';
import { Contact } from './contact.entity';
import { isUniqueViolation } from './contacts.service';
import type { GroupInput } from './directory.dto';

/** Distribution lists of contacts. A page to a group reaches its active members. */
@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(ContactGroup) private readonly groups: Repository<ContactGroup>,
    private readonly tx: TransactionRunner,
  ) {}

  async list(): Promise<ContactGroupDto[]> {
    const groups = await this.groups.find({ order: { name: 'ASC' } });
    return this.withMembers(this.groups.manager, groups);
  }

  async get(id: string): Promise<ContactGroupDto> {
    const group = await this.groups.findOneBy({ id });
    if (!group) throw AppError.notFound('Group');
    return (await this.withMembers(this.groups.manager, [group]))[0];
  }

  create(input: GroupInput): Promise<ContactGroupDto> {
    return this.tx.run(async (tx) => {
      const contactIds = await this.checkMembers(tx.manager, input.contactIds);
      const group = await this.write(() =>
        tx.manager.save(
          tx.manager.create(ContactGroup, {
            name: input.name,
            description: input.description ?? null,
          }),
        ),
      );
      await this.insertMembers(tx.manager, group.id, contactIds);
      return toGroupDto(group, contactIds);
    });
  }

  /** Replaces the name, description and every member. */
  replace(id: string, input: GroupInput): Promise<ContactGroupDto> {
    return this.tx.run(async (tx) => {
      const group = await tx.manager.findOne(ContactGroup, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!group) throw AppError.notFound('Group');
      const contactIds = await this.checkMembers(tx.manager, input.contactIds);
      group.name = input.name;
      group.description = input.description ?? null;
      group.updatedAt = new Date();
      await this.write(() => tx.manager.save(group));
      await tx.manager.delete(ContactGroupMember, { groupId: id });
      await this.insertMembers(tx.manager, id, contactIds);
      return toGroupDto(group, contactIds);
    });
  }

  remove(id: string): Promise<void> {
    return this.tx.run(async (tx) => {
      const result = await tx.manager.delete(ContactGroup, { id });
      if (!result.affected) throw AppError.notFound('Group');
    });
  }

  /** The groups with their member ids (one query for all members). */
  async withMembers(manager: EntityManager, groups: ContactGroup[]): Promise<ContactGroupDto[]> {
    if (groups.length === 0) return [];
    const members = await manager.find(ContactGroupMember, {
      where: { groupId: In(groups.map((g) => g.id)) },
      order: { contactId: 'ASC' },
    });
    const byGroup = new Map<string, string[]>();
    for (const m of members)
      byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m.contactId]);
    return groups.map((g) => toGroupDto(g, byGroup.get(g.id) ?? []));
  }

  /** The distinct ids, or a 400 naming every unknown one by its index. */
  private async checkMembers(manager: EntityManager, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Set(
      unique.length
        ? (await manager.find(Contact, { select: { id: true }, where: { id: In(unique) } })).map(
            (c) => c.id,
          )
        : [],
    );
    const problems: ErrorDetail[] = [];
    ids.forEach((id, i) => {
      if (!found.has(id)) problems.push({ path: `contactIds.${i}`, message: 'unknown contact' });
    });
    if (problems.length > 0) throw new AppError('validation', 'Invalid group', problems);
    return unique.sort();
  }

  private async insertMembers(
    manager: EntityManager,
    groupId: string,
    contactIds: string[],
  ): Promise<void> {
    if (contactIds.length === 0) return;
    await manager.insert(
      ContactGroupMember,
      contactIds.map((contactId) => ({ groupId, contactId })),
    );
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('conflict', 'Another group has this name', [
          { path: 'name', message: 'already used' },
        ]);
      throw error;
    }
  }
}

function toGroupDto(g: ContactGroup, contactIds: string[]): ContactGroupDto {
  return { id: g.id, name: g.name, description: g.description, contactIds };
}
