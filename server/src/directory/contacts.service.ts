import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import type { Contact as ContactDto, ContactInput, UpdateContactInput } from '../contracts/paging';
import { TransactionRunner } from '../database/transaction';
import { referenceProblems } from './contact-references';
import {
  changedFields,
  CONTACT_FIELDS,
  normaliseContact,
  type ContactFields,
} from './contact-rules';
import { Contact } from './contact.entity';
import type { ListContactsQuery } from './directory.dto';

export function toContactDto(c: Contact): ContactDto {
  return {
    id: c.id,
    name: c.name,
    function: c.function,
    title: c.title,
    serviceId: c.serviceId,
    communeInsee: c.communeInsee,
    cantonCode: c.cantonCode,
    circonscriptionCode: c.circonscriptionCode,
    mobile: c.mobile,
    landline: c.landline,
    email: c.email,
    userId: c.userId,
    deputyContactId: c.deputyContactId,
    active: c.active,
    version: c.version,
  };
}

export function contactFields(c: Contact | ContactDto): ContactFields {
  return Object.fromEntries(CONTACT_FIELDS.map((k) => [k, c[k]])) as ContactFields;
}

/** PostgreSQL's unique_violation, raised by a concurrent writer of the same e-mail. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/** The contacts of the directory: read by the COD, maintained by the SIDPC. */
@Injectable()
export class ContactsService {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly tx: TransactionRunner,
  ) {}

  /** Contacts matching every filter given, by name. */
  async list(query: ListContactsQuery): Promise<ContactDto[]> {
    return (await this.query(this.contacts.manager, query).getMany()).map(toContactDto);
  }

  /** The filtered query, shared with the CSV export. */
  query(manager: EntityManager, query: ListContactsQuery) {
    const qb = manager.createQueryBuilder(Contact, 'c');
    if (query.communeInsee) qb.andWhere('c.commune_insee = :insee', { insee: query.communeInsee });
    if (query.serviceId) qb.andWhere('c.service_id = :serviceId', { serviceId: query.serviceId });
    if (query.function) qb.andWhere('c.function = :fn', { fn: query.function });
    if (query.active !== undefined) qb.andWhere('c.active = :active', { active: query.active });
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('c.name ILIKE :like', { like })
            .orWhere('c.title ILIKE :like')
            .orWhere('c.email ILIKE :like'),
        ),
      );
    }
    return qb.orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC');
  }

  async get(id: string): Promise<ContactDto> {
    return toContactDto(await this.require(this.contacts.manager, id));
  }

  async require(manager: EntityManager, id: string): Promise<Contact> {
    const contact = await manager.findOneBy(Contact, { id });
    if (!contact) throw AppError.notFound('Contact');
    return contact;
  }

  create(input: ContactInput): Promise<ContactDto> {
    const fields: ContactFields = {
      name: input.name,
      function: input.function,
      title: input.title ?? null,
      serviceId: input.serviceId ?? null,
      communeInsee: input.communeInsee ?? null,
      cantonCode: input.cantonCode ?? null,
      circonscriptionCode: input.circonscriptionCode ?? null,
      mobile: input.mobile ?? null,
      landline: input.landline ?? null,
      email: input.email ?? null,
      userId: input.userId ?? null,
      deputyContactId: input.deputyContactId ?? null,
      active: input.active,
    };
    return this.tx.run(async (tx) => {
      const value = await this.validate(tx.manager, fields, null);
      const contact = await this.write(() =>
        tx.manager.save(tx.manager.create(Contact, { ...value, version: 1 })),
      );
      return toContactDto(contact);
    });
  }

  /**
   * Applies the changes when `input.version` is the current one, else 409 `stale_version`. The
   * UPDATE is conditional on the version, so of two concurrent edits exactly one wins.
   */
  update(id: string, input: UpdateContactInput): Promise<ContactDto> {
    const { version, ...patch } = input;
    return this.tx.run(async (tx) => {
      const current = await this.require(tx.manager, id);
      if (current.version !== version) throw staleVersion(current.version);
      const merged = { ...contactFields(current) };
      for (const key of CONTACT_FIELDS) {
        const given = patch[key];
        if (given !== undefined) Object.assign(merged, { [key]: given });
      }
      const value = await this.validate(tx.manager, merged, id);
      const changes = changedFields(contactFields(current), value);
      if (Object.keys(changes).length === 0) return toContactDto(current);
      const result = await this.write(() =>
        tx.manager.update(
          Contact,
          { id, version },
          { ...changes, version: () => 'version + 1', updatedAt: () => 'now()' },
        ),
      );
      if (!result.affected) throw staleVersion((await this.require(tx.manager, id)).version);
      return toContactDto(await this.require(tx.manager, id));
    });
  }

  /** DELETE deactivates: pages keep their history, resolution skips the contact. */
  deactivate(id: string): Promise<void> {
    return this.tx.run(async (tx) => {
      const current = await this.require(tx.manager, id);
      if (!current.active) return;
      await tx.manager.update(
        Contact,
        { id },
        { active: false, version: () => 'version + 1', updatedAt: () => 'now()' },
      );
    });
  }

  /** Normalised fields, or one 400 listing every problem; 409 when the e-mail is taken. */
  private async validate(
    manager: EntityManager,
    fields: ContactFields,
    selfId: string | null,
  ): Promise<ContactFields> {
    const { value, problems } = normaliseContact(fields, selfId);
    problems.push(...(await referenceProblems(manager, [value], (_, field) => field)));
    if (problems.length > 0) throw new AppError('validation', 'Invalid contact', problems);
    if (value.email) {
      const holder = await manager.findOneBy(Contact, { email: value.email });
      if (holder && holder.id !== selfId) throw emailTaken();
    }
    return value;
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }
}

function emailTaken(): AppError {
  return new AppError('conflict', 'Another contact has this e-mail address', [
    { path: 'email', message: 'already used by another contact' },
  ]);
}

function staleVersion(current: number): AppError {
  return new AppError(
    'stale_version',
    `The contact has changed: its current version is ${current}`,
    [{ path: 'version', message: `current version is ${current}` }],
  );
}
