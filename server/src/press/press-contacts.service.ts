import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { ImportProblem, PressContact, PressContactInput, PressImportResult, PressList, PressListInput } from '../contracts/press';
import { TransactionRunner } from '../database/transaction';
import { ContactGroup, ContactGroupMember } from '../directory/contact-group.entity';
import { normaliseContact } from '../directory/contact-rules';
import { Contact } from '../directory/contact.entity';
import { parseCsv, renderCsv } from '../directory/csv';
import { PressContactProfile } from './press-contact.entity';
import { exportRow, PRESS_CSV_HEADERS, readHeader, readRow, type ReadRow } from './press-contacts-csv';
import { parisDate } from './publication-dates';

/**
 * Press contacts are directory contacts with the function `journaliste` plus a press profile
 * (media, beats, RGPD consent); press lists are directory contact groups holding journalists
 * only. Personal data: press, cabinet staff, director and admin.
 */
@Injectable()
export class PressContactsService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(): Promise<PressContact[]> {
    return (await this.tx.snapshot((m) => this.read(m))).data;
  }

  create(input: PressContactInput): Promise<PressContact> {
    return this.tx.run(async ({ manager: m }) => {
      const id = await this.write(m, null, input, (f) => f);
      return (await this.read(m, [id]))[0];
    });
  }

  update(id: string, input: PressContactInput): Promise<PressContact> {
    return this.tx.run(async ({ manager: m }) => {
      const profile = await m.findOne(PressContactProfile, { where: { contactId: id }, lock: { mode: 'pessimistic_write' } });
      if (!profile) throw AppError.notFound('Press contact');
      await this.write(m, id, input, (f) => f);
      return (await this.read(m, [id]))[0];
    });
  }

  async lists(): Promise<PressList[]> {
    const { data } = await this.tx.snapshot((m) => this.readLists(m));
    return data;
  }

  createList(input: PressListInput): Promise<PressList> {
    return this.tx.run(async ({ manager: m }) => {
      if (await m.existsBy(ContactGroup, { name: input.name }))
        throw new AppError('validation', 'Invalid request', [{ path: 'name', message: 'a group already has this name' }]);
      await this.checkJournalists(m, input.contactIds);
      const group = await m.save(m.create(ContactGroup, { name: input.name, description: input.description ?? null }));
      if (input.contactIds.length) await m.insert(ContactGroupMember, [...new Set(input.contactIds)].map((contactId) => ({ groupId: group.id, contactId })));
      return (await this.readLists(m)).find((l) => l.id === group.id)!;
    });
  }

  updateList(id: string, input: PressListInput): Promise<PressList> {
    return this.tx.run(async ({ manager: m }) => {
      const list = (await this.readLists(m)).find((l) => l.id === id);
      if (!list) throw AppError.notFound('Press list');
      await this.checkJournalists(m, input.contactIds);
      await m.update(ContactGroup, { id }, { name: input.name, description: input.description ?? null, updatedAt: new Date() });
      await m.delete(ContactGroupMember, { groupId: id });
      if (input.contactIds.length) await m.insert(ContactGroupMember, [...new Set(input.contactIds)].map((contactId) => ({ groupId: id, contactId })));
      return (await this.readLists(m)).find((l) => l.id === id)!;
    });
  }

  async exportCsv(): Promise<{ filename: string; content: Buffer }> {
    const { data } = await this.tx.snapshot(async (m) => ({ contacts: await this.read(m), lists: await this.readLists(m) }));
    const names = new Map(data.lists.map((l) => [l.id, l.name]));
    return {
      filename: `contacts-presse-${parisDate(new Date())}.csv`,
      content: renderCsv([PRESS_CSV_HEADERS, ...data.contacts.map((c) => exportRow(c, (id) => names.get(id) ?? id))]),
    };
  }

  /**
   * All or nothing: any problem → 400 listing each (line, column, problem), nothing written;
   * with `onlyValid` the valid rows are written and the others reported. A row updates the
   * contact of its Identifiant, else the journalist with its e-mail, else creates one; `Listes`
   * names existing press lists (the contact's memberships become exactly those listed).
   */
  import(csv: string, onlyValid: boolean): Promise<PressImportResult> {
    return this.tx.run(async ({ manager: m }) => {
      await m.query("SELECT pg_advisory_xact_lock(hashtext('vigie.press.contacts-import'))");
      const parsed = parseCsv(csv);
      if (!parsed.ok) throw invalid([{ line: parsed.line, column: '', message: parsed.message }]);
      const header = readHeader(parsed.header.cells);
      if (header.problems.length) throw invalid(header.problems);
      const problems: ImportProblem[] = [];
      const rows: ReadRow[] = [];
      for (const record of parsed.records) {
        const read = readRow(record.line, record.cells, header.columns);
        problems.push(...read.problems);
        if (read.row) rows.push(read.row);
      }
      const lists = new Map((await this.readLists(m)).map((l) => [l.name.toLowerCase(), l.id]));
      const profiles = new Set((await m.find(PressContactProfile, { select: { contactId: true } })).map((p) => p.contactId));
      const seen = new Map<string, number>();
      const planned: { row: ReadRow; id: string | null; listIds: string[] }[] = [];
      for (const row of rows) {
        const rowProblems: ImportProblem[] = [];
        const listIds = row.lists.map((name) => {
          const id = lists.get(name.toLowerCase());
          if (!id) rowProblems.push({ line: row.line, column: 'Listes', message: `no press list named « ${name} »` });
          return id ?? '';
        });
        let id = row.id;
        if (id && !profiles.has(id)) rowProblems.push({ line: row.line, column: 'Identifiant', message: 'no press contact with this identifier' });
        const email = row.input.email?.toLowerCase() ?? null;
        if (!id && email) {
          const existing = await m.findOne(Contact, { where: { email } });
          if (existing && !profiles.has(existing.id)) rowProblems.push({ line: row.line, column: 'Courriel', message: 'already the e-mail of a directory contact who is not a journalist' });
          id = existing?.id ?? null;
        }
        const key = id ?? email;
        if (key) {
          if (seen.has(key)) rowProblems.push({ line: row.line, column: id ? 'Identifiant' : 'Courriel', message: `same contact as line ${seen.get(key)}` });
          else seen.set(key, row.line);
        }
        const { problems: ruleProblems } = normaliseContact(contactFields(row.input), id);
        rowProblems.push(...ruleProblems.map((p) => ({ line: row.line, column: COLUMN_OF[p.path] ?? p.path, message: p.message })));
        if (rowProblems.length) problems.push(...rowProblems);
        else planned.push({ row, id, listIds });
      }
      if (parsed.records.length === 0) throw invalid([{ line: 2, column: '', message: 'no contact in the file' }]);
      const sorted = problems.sort((a, b) => a.line - b.line);
      if (sorted.length && !onlyValid) throw invalid(sorted);
      let created = 0;
      let updated = 0;
      for (const p of planned) {
        const id = await this.write(m, p.id, p.row.input, (f) => `line.${p.row.line}.${COLUMN_OF[f] ?? f}`);
        if (p.id) updated++;
        else created++;
        if (p.row.lists.length || p.id) {
          await m.delete(ContactGroupMember, { contactId: id, groupId: In([...lists.values()]) });
          if (p.listIds.length) await m.insert(ContactGroupMember, [...new Set(p.listIds)].map((groupId) => ({ groupId, contactId: id })));
        }
      }
      return { created, updated, skipped: parsed.records.length - planned.length, problems: sorted };
    });
  }

  /** Creates or updates the contact and its profile; returns the contact id. */
  private async write(m: EntityManager, id: string | null, input: PressContactInput, path: (field: string) => string): Promise<string> {
    const { value, problems } = normaliseContact(contactFields(input), id, path);
    if (value.email) {
      const other = await m.findOne(Contact, { where: { email: value.email } });
      if (other && other.id !== id) problems.push({ path: path('email'), message: 'already the e-mail of another contact' });
    }
    if (problems.length) throw new AppError('validation', 'Invalid request', problems);
    let contactId = id;
    if (contactId) {
      const current = await m.findOneByOrFail(Contact, { id: contactId });
      await m.update(Contact, { id: contactId }, { ...value, version: current.version + 1, updatedAt: new Date() });
    } else contactId = (await m.save(m.create(Contact, value))).id;
    await m.upsert(
      PressContactProfile,
      { contactId, media: input.media, mediaType: input.mediaType, beats: input.beats, consent: input.consent, consentAt: input.consent ? (input.consentAt ?? null) : null, updatedAt: new Date() },
      ['contactId'],
    );
    return contactId;
  }

  private async read(m: EntityManager, ids?: string[]): Promise<PressContact[]> {
    const profiles = await m.find(PressContactProfile, { where: ids ? { contactId: In(ids) } : {}, relations: { contact: true } });
    const members = await m.find(ContactGroupMember, { where: { contactId: In(profiles.map((p) => p.contactId)) } });
    const byContact = new Map<string, string[]>();
    for (const gm of members) byContact.set(gm.contactId, [...(byContact.get(gm.contactId) ?? []), gm.groupId]);
    return profiles
      .map((p) => ({
        id: p.contactId,
        name: p.contact.name,
        title: p.contact.title,
        media: p.media,
        mediaType: p.mediaType,
        beats: p.beats,
        email: p.contact.email,
        mobile: p.contact.mobile,
        landline: p.contact.landline,
        consent: p.consent,
        consentAt: p.consentAt,
        active: p.contact.active,
        listIds: byContact.get(p.contactId) ?? [],
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  /** Press lists: contact groups whose members are all journalists with a press profile (an empty group too). */
  private async readLists(m: EntityManager): Promise<PressList[]> {
    const rows = (await m.query(`
      SELECT g.id, g.name, g.description,
             coalesce(array_agg(gm.contact_id ORDER BY gm.contact_id) FILTER (WHERE gm.contact_id IS NOT NULL), '{}') AS contact_ids
        FROM contact_group g
        LEFT JOIN contact_group_member gm ON gm.group_id = g.id
        LEFT JOIN press_contact_profile p ON p.contact_id = gm.contact_id
       GROUP BY g.id
      HAVING bool_and(gm.contact_id IS NULL OR p.contact_id IS NOT NULL)
       ORDER BY g.name`)) as { id: string; name: string; description: string | null; contact_ids: string[] }[];
    return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, contactIds: r.contact_ids }));
  }

  private async checkJournalists(m: EntityManager, ids: string[]): Promise<void> {
    const found = new Set((await m.findBy(PressContactProfile, { contactId: In(ids) })).map((p) => p.contactId));
    const problems: ErrorDetail[] = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `contactIds.${i}`, message: 'not a press contact' }]));
    if (problems.length) throw new AppError('validation', 'Invalid request', problems);
  }
}

const COLUMN_OF: Record<string, string> = { name: 'Nom', email: 'Courriel', mobile: 'Mobile', landline: 'Fixe', title: 'Fonction' };

function contactFields(input: PressContactInput) {
  return {
    name: input.name,
    function: 'journaliste' as const,
    title: input.title ?? null,
    serviceId: null,
    communeInsee: null,
    mobile: input.mobile ?? null,
    landline: input.landline ?? null,
    email: input.email ?? null,
    userId: null,
    deputyContactId: null,
    cantonCode: null,
    circonscriptionCode: null,
    active: input.active,
  };
}

function invalid(problems: ImportProblem[]): AppError {
  return new AppError(
    'validation',
    'The file has problems: nothing was imported',
    problems.map((p) => ({ path: `line.${p.line}${p.column ? `.${p.column}` : ''}`, message: p.message })),
  );
}
