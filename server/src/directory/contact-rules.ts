import type { ErrorDetail } from '../common/app-error';
import type { Contact as ContactDto } from '../contracts/paging';
import { isFrenchNonMobile, normalisePhone } from './phone';

/** What a contact holds, as stored. */
export type ContactFields = Omit<ContactDto, 'id' | 'version'>;

export const CONTACT_FIELDS = [
  'name',
  'function',
  'title',
  'serviceId',
  'communeInsee',
  'cantonCode',
  'circonscriptionCode',
  'mobile',
  'landline',
  'email',
  'userId',
  'deputyContactId',
  'active',
] as const satisfies readonly (keyof ContactFields)[];

/** Functions that belong to a commune. */
const COMMUNE_FUNCTIONS: readonly ContactFields['function'][] = ['maire', 'adjoint'];

/**
 * Normalises a contact's final state (e-mail lower-case, phones E.164) and checks the rules that
 * do not need the database: a mayor or deputy has a commune, a mobile can receive SMS, an active
 * contact can be reached somehow, nobody is their own deputy. `path` prefixes the problems.
 */
export function normaliseContact(
  fields: ContactFields,
  selfId: string | null,
  path = (field: string) => field,
): { value: ContactFields; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const value: ContactFields = { ...fields, email: fields.email?.trim().toLowerCase() || null };
  for (const key of ['mobile', 'landline'] as const) {
    const raw = fields[key];
    if (raw === null) continue;
    const e164 = normalisePhone(raw);
    if (e164 === null) problems.push({ path: path(key), message: 'not a valid phone number' });
    else if (key === 'mobile' && isFrenchNonMobile(e164))
      problems.push({
        path: path(key),
        message: 'not a French mobile number (06 or 07): it cannot receive SMS',
      });
    value[key] = e164 ?? raw;
  }
  if (COMMUNE_FUNCTIONS.includes(value.function) && !value.communeInsee)
    problems.push({
      path: path('communeInsee'),
      message: 'required for a mayor or a deputy mayor',
    });
  if (value.function === 'depute' && !value.circonscriptionCode)
    problems.push({
      path: path('circonscriptionCode'),
      message: 'required for a deputy',
    });
  if (value.function === 'conseiller_departemental' && !value.cantonCode)
    problems.push({
      path: path('cantonCode'),
      message: 'required for a departmental councillor',
    });
  if (value.active && !value.mobile && !value.landline && !value.email && !value.userId)
    problems.push({
      path: path('mobile'),
      message: 'an active contact needs a mobile, a landline, an e-mail or a Vigie account',
    });
  if (selfId !== null && value.deputyContactId === selfId)
    problems.push({
      path: path('deputyContactId'),
      message: 'a contact cannot be their own deputy',
    });
  return { value, problems };
}

/** The fields of `value` that differ from `current`. */
export function changedFields(
  current: ContactFields,
  value: ContactFields,
): Partial<ContactFields> {
  const changes: Partial<ContactFields> = {};
  for (const key of CONTACT_FIELDS)
    if (current[key] !== value[key]) Object.assign(changes, { [key]: value[key] });
  return changes;
}
