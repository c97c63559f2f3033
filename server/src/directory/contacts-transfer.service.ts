import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { ContactImportResult } from '../contracts/paging';
import { TransactionRunner } from '../database/transaction';
import { referenceProblems } from './contact-references';
import { changedFields, normaliseContact, type ContactFields } from './contact-rules';
import { Contact } from './contact.entity';
import {
  contactFields,
  ContactsService,
  isUniqueViolation,
  toContactDto,
} from './contacts.service';
import {
  CSV_HEADERS,
  csvPath,
  exportRow,
  readHeader,
  readRow,
  type ImportRow,
} from './contacts-csv';
import { foldKey, parseCsv, renderCsv } from './csv';
import type { ListContactsQuery } from './directory.dto';
import { Service } from './service.entity';

export interface CsvFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

const NEW_CONTACT: ContactFields = {
  name: '',
  function: 'autre',
  title: null,
  serviceId: null,
  communeInsee: null,
  cantonCode: null,
  circonscriptionCode: null,
  mobile: null,
  landline: null,
  email: null,
  userId: null,
  deputyContactId: null,
  active: true,
};

const parisDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A row of the import, matched to the contact it creates or updates. */
interface Planned {
  row: ImportRow;
  id: string;
  current: Contact | null;
  value: ContactFields;
}

/** CSV export and all-or-nothing import of the contacts (see contacts-csv.ts for the format). */
@Injectable()
export class ContactsTransferService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly tx: TransactionRunner,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /** The contacts matching the filters, UTF-8 with BOM, `;`-separated, French headers. */
  async exportCsv(query: ListContactsQuery): Promise<CsvFile> {
    const manager = this.manager;
    const rows = await this.contacts.query(manager, query).getMany();
    const services = new Map((await manager.find(Service)).map((s) => [s.id, s.code]));
    const insees = [
      ...new Set(rows.map((c) => c.communeInsee).filter((i): i is string => i !== null)),
    ];
    const communes = new Map(
      (
        (await manager.query('SELECT insee, name FROM commune WHERE insee = ANY($1::text[])', [
          insees,
        ])) as {
          insee: string;
          name: string;
        }[]
      ).map((c) => [c.insee, c.name]),
    );
    const deputyIds = [
      ...new Set(rows.map((c) => c.deputyContactId).filter((i): i is string => i !== null)),
    ];
    const deputies = new Map(
      (
        (await manager.query('SELECT id::text, email FROM contact WHERE id = ANY($1::uuid[])', [
          deputyIds,
        ])) as {
          id: string;
          email: string | null;
        }[]
      ).map((d) => [d.id, d.email ?? d.id]),
    );
    const lookups = {
      serviceCode: (id: string) => services.get(id) ?? id,
      communeName: (insee: string) => communes.get(insee) ?? '',
      deputyRef: (id: string) => deputies.get(id) ?? id,
    };
    const exportedAt = new Date();
    return {
      filename: `annuaire-contacts-${parisDate.format(exportedAt)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: renderCsv([CSV_HEADERS, ...rows.map((c) => exportRow(toContactDto(c), lookups))]),
    };
  }

  /**
   * Imports a CSV all or nothing: every row is checked first and any problem → one 400 listing
   * them all with their line, nothing written. A row updates the contact of its `Identifiant`,
   * else the contact with its e-mail, else the one with the same commune, function and name;
   * otherwise it creates one (under its `Identifiant` when given, so an export from another
   * installation imports as it is). Columns the file lacks are left as they are. `Suppléant`
   * names the deputy by e-mail or identifiant, in the file or already in the directory.
   */
  import(csv: string): Promise<ContactImportResult> {
    return this.tx.run(async (tx) => {
      const m = tx.manager;
      await m.query("SELECT pg_advisory_xact_lock(hashtext('vigie.directory.contacts-import'))");
      const parsed = parseCsv(csv);
      if (!parsed.ok) throw invalid([{ path: `line.${parsed.line}`, message: parsed.message }]);
      const header = readHeader(parsed.header);
      if (header.problems.length > 0) throw invalid(header.problems);

      const services = new Map((await m.find(Service)).map((s) => [foldKey(s.code), s.id]));
      const problems: ErrorDetail[] = [];
      const rows: ImportRow[] = [];
      for (const record of parsed.records) {
        const read = readRow(record, header.columns, (code) => services.get(foldKey(code)));
        problems.push(...read.problems);
        if (read.problems.length === 0) rows.push(read.row);
      }
      if (rows.length === 0 && problems.length === 0)
        throw invalid([{ path: 'line.2', message: 'no contact in the file' }]);

      const plans = await this.plan(m, rows, problems);
      problems.push(
        ...(await referenceProblems(
          m,
          plans.map((p) => p.value),
          (i, field) => csvPath(plans[i].row.line, field),
          ['communeInsee', 'userId'],
        )),
      );
      if (problems.length > 0) throw invalid(sortByLine(problems));
      return this.write(m, plans);
    });
  }

  /** Matches each row to its contact, resolves deputies, checks the rules; problems are appended. */
  private async plan(
    m: EntityManager,
    rows: ImportRow[],
    problems: ErrorDetail[],
  ): Promise<Planned[]> {
    const existing = await m.find(Contact);
    const byId = new Map(existing.map((c) => [c.id, c]));
    const byEmail = new Map(existing.filter((c) => c.email).map((c) => [c.email!, c]));
    const byTriple = new Map<string, Contact[]>();
    for (const c of existing)
      byTriple.set(tripleKey(c), [...(byTriple.get(tripleKey(c)) ?? []), c]);

    const claimed = new Map<string, number>();
    const fileEmails = new Map<string, { line: number; id: string }>();
    const plans: Planned[] = [];
    for (const row of rows) {
      const at = (field: Parameters<typeof csvPath>[1]) => csvPath(row.line, field);
      const email = row.fields.email?.toLowerCase() ?? null;
      let current: Contact | null;
      if (row.id) {
        // an identifiant from another installation creates the contact under that id
        current = byId.get(row.id) ?? null;
      } else if (email && byEmail.has(email)) {
        current = byEmail.get(email)!;
      } else {
        const matches = byTriple.get(
          tripleKey({
            communeInsee: row.fields.communeInsee ?? null,
            function: row.fields.function!,
            name: row.fields.name!,
          }),
        );
        if (matches && matches.length > 1)
          problems.push({
            path: at('name'),
            message:
              'several contacts have this commune, function and name: give the Identifiant or the e-mail',
          });
        current = matches?.length === 1 ? matches[0] : null;
      }
      const id = current?.id ?? row.id ?? randomUUID();
      const earlier = claimed.get(id);
      if (earlier !== undefined)
        problems.push({ path: at('name'), message: `same contact as line ${earlier}` });
      claimed.set(id, row.line);
      if (email) {
        const holder = byEmail.get(email);
        const inFile = fileEmails.get(email);
        if (holder && holder.id !== id)
          problems.push({ path: at('email'), message: 'already the e-mail of another contact' });
        else if (inFile && inFile.id !== id)
          problems.push({
            path: at('email'),
            message: `already the e-mail of line ${inFile.line}`,
          });
        fileEmails.set(email, { line: row.line, id });
      }
      const { deputyContactId: _, ...fields } = row.fields;
      plans.push({
        row,
        id,
        current,
        value: { ...(current ? contactFields(current) : NEW_CONTACT), ...fields },
      });
    }

    for (const plan of plans) {
      const ref = plan.row.deputyRef;
      if (ref !== undefined) {
        const key = ref?.toLowerCase() ?? null;
        const deputy =
          key === null
            ? null
            : key.includes('@')
              ? (fileEmails.get(key)?.id ?? byEmail.get(key)?.id)
              : claimed.has(key) || byId.has(key)
                ? key
                : undefined;
        if (deputy === undefined)
          problems.push({
            path: csvPath(plan.row.line, 'deputy'),
            message: 'no contact has this e-mail or identifiant',
          });
        plan.value.deputyContactId = deputy ?? null;
      }
      const checked = normaliseContact(plan.value, plan.id, (field) =>
        csvPath(plan.row.line, field as keyof ContactFields),
      );
      problems.push(...checked.problems);
      plan.value = checked.value;
    }
    return plans;
  }

  /** New contacts first (deputies set after, so they may point at each other), then the changes. */
  private async write(m: EntityManager, plans: Planned[]): Promise<ContactImportResult> {
    const result: ContactImportResult = { created: 0, updated: 0, unchanged: 0 };
    const created = plans.filter((p) => !p.current);
    try {
      for (let i = 0; i < created.length; i += 1000)
        await m.insert(
          Contact,
          created
            .slice(i, i + 1000)
            .map((p) => ({ ...p.value, id: p.id, deputyContactId: null, version: 1 })),
        );
      for (const p of created)
        if (p.value.deputyContactId)
          await m.update(Contact, { id: p.id }, { deputyContactId: p.value.deputyContactId });
      result.created = created.length;
      for (const p of plans) {
        if (!p.current) continue;
        const changes = changedFields(contactFields(p.current), p.value);
        if (Object.keys(changes).length === 0) {
          result.unchanged++;
          continue;
        }
        const done = await m.update(
          Contact,
          { id: p.id, version: p.current.version },
          { ...changes, version: () => 'version + 1', updatedAt: () => 'now()' },
        );
        if (!done.affected)
          throw new AppError(
            'stale_version',
            'A contact changed during the import: import the file again',
            [{ path: csvPath(p.row.line, 'id'), message: 'changed during the import' }],
          );
        result.updated++;
      }
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError(
          'conflict',
          'Two contacts would share an e-mail address: import the file again',
          [
            {
              path: 'csv',
              message: 'an e-mail address of the file was given to another contact meanwhile',
            },
          ],
        );
      throw error;
    }
    return result;
  }
}

function tripleKey(c: Pick<ContactFields, 'communeInsee' | 'function' | 'name'>): string {
  return `${c.communeInsee ?? ''}|${c.function}|${foldKey(c.name)}`;
}

function lineOf(path: string): number {
  return Number(/^line\.(\d+)/.exec(path)?.[1] ?? 0);
}

function sortByLine(problems: ErrorDetail[]): ErrorDetail[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => lineOf(a.p.path) - lineOf(b.p.path) || a.i - b.i)
    .map(({ p }) => p);
}

function invalid(problems: ErrorDetail[]): AppError {
  return new AppError('validation', 'Invalid CSV: nothing was imported', problems);
}
