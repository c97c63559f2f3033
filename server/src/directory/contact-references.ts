import type { EntityManager } from 'typeorm';
import type { ErrorDetail } from '../common/app-error';
import type { ContactFields } from './contact-rules';

type ReferenceField =
  | 'serviceId'
  | 'communeInsee'
  | 'cantonCode'
  | 'circonscriptionCode'
  | 'userId'
  | 'deputyContactId';

const LOOKUPS: Record<ReferenceField, { sql: string; message: string }> = {
  serviceId: {
    sql: 'SELECT id::text AS key FROM service WHERE id = ANY($1::uuid[])',
    message: 'unknown service',
  },
  communeInsee: {
    sql: 'SELECT insee AS key FROM commune WHERE insee = ANY($1::text[])',
    message: 'not a commune of the Puy-de-Dôme',
  },
  cantonCode: {
    sql: 'SELECT code AS key FROM canton WHERE code = ANY($1::text[])',
    message: 'not a canton of the Puy-de-Dôme',
  },
  circonscriptionCode: {
    sql: 'SELECT code AS key FROM circonscription WHERE code = ANY($1::text[])',
    message: 'not a circonscription of the Puy-de-Dôme',
  },
  userId: {
    sql: 'SELECT id::text AS key FROM "user" WHERE id = ANY($1::uuid[])',
    message: 'unknown Vigie account',
  },
  deputyContactId: {
    sql: 'SELECT id::text AS key FROM contact WHERE id = ANY($1::uuid[])',
    message: 'unknown contact',
  },
};

/**
 * Problems with the references of the contacts (unknown service, commune, account or deputy),
 * one query per kind of reference whatever the number of contacts.
 */
export async function referenceProblems(
  manager: EntityManager,
  contacts: readonly Pick<ContactFields, ReferenceField>[],
  path: (index: number, field: ReferenceField) => string,
  fields: readonly ReferenceField[] = [
    'serviceId',
    'communeInsee',
    'cantonCode',
    'circonscriptionCode',
    'userId',
    'deputyContactId',
  ],
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  for (const field of fields) {
    const wanted = [
      ...new Set(contacts.map((c) => c[field]).filter((v): v is string => v !== null)),
    ];
    if (wanted.length === 0) continue;
    const rows = (await manager.query(LOOKUPS[field].sql, [wanted])) as { key: string }[];
    const known = new Set(rows.map((r) => r.key));
    contacts.forEach((c, i) => {
      const value = c[field];
      if (value !== null && !known.has(value))
        problems.push({ path: path(i, field), message: LOOKUPS[field].message });
    });
  }
  return problems;
}
