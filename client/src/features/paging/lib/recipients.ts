/** The recipients being chosen, what the API receives, and its 400 details in the user's words. */
import type { Contact } from '@contracts/paging';
import type { RecipientsSpec } from '../api';
import { tp } from '../i18n';
import { communeLabel, type CommuneIndex } from './communes';

export interface RecipientsDraft {
  contacts: Contact[];
  groupIds: string[];
  serviceIds: string[];
  communeInsee: string[];
  /** A map feature of the linked crisis, or ''. */
  featureId: string;
}

export const EMPTY_RECIPIENTS: RecipientsDraft = {
  contacts: [],
  groupIds: [],
  serviceIds: [],
  communeInsee: [],
  featureId: '',
};

export function toRecipientsSpec(draft: RecipientsDraft): RecipientsSpec {
  return {
    ...(draft.contacts.length ? { contactIds: draft.contacts.map((c) => c.id) } : {}),
    ...(draft.groupIds.length ? { groupIds: draft.groupIds } : {}),
    ...(draft.serviceIds.length ? { serviceIds: draft.serviceIds } : {}),
    ...(draft.communeInsee.length ? { communeInsee: draft.communeInsee } : {}),
    ...(draft.featureId ? { featureId: draft.featureId } : {}),
  };
}

export function isEmptySpec(spec: RecipientsSpec): boolean {
  return Object.keys(spec).length === 0;
}

export interface Lookups {
  contacts: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
  services: ReadonlyMap<string, string>;
  communes: CommuneIndex | null;
}

function translate(message: string): string {
  for (const [pattern, text] of tp.problems.messages) if (pattern.test(message)) return text;
  return message;
}

/**
 * `recipients.communeInsee.3: no active mayor in 63026` → `Commune Aydat (63026) : aucun maire
 * actif dans l’annuaire`. Paths come with or without the `recipients.` prefix (page or preview).
 */
export function describeRecipientProblem(
  detail: { path: string; message: string },
  spec: RecipientsSpec,
  lookups: Lookups,
): string {
  const fields: Record<string, string> = tp.problems.fields;
  if (fields[detail.path]) return `${fields[detail.path]} : ${translate(detail.message)}`;
  const path = detail.path.replace(/^recipients\.?/, '');
  const [field = '', rawIndex] = path.split('.');
  const index = Number(rawIndex);
  const at = <T>(list: readonly T[] | undefined): T | undefined =>
    Number.isInteger(index) ? list?.[index] : undefined;
  let subject: string;
  switch (field) {
    case 'contactIds': {
      const id = at(spec.contactIds);
      subject = tp.problems.contact((id && lookups.contacts.get(id)) ?? id ?? '?');
      break;
    }
    case 'groupIds': {
      const id = at(spec.groupIds);
      subject = tp.problems.group((id && lookups.groups.get(id)) ?? id ?? '?');
      break;
    }
    case 'serviceIds': {
      const id = at(spec.serviceIds);
      subject = tp.problems.service((id && lookups.services.get(id)) ?? id ?? '?');
      break;
    }
    case 'communeInsee': {
      const insee = at(spec.communeInsee);
      subject = tp.problems.commune(insee ? communeLabel(lookups.communes, insee) : '?');
      break;
    }
    case 'featureId':
      subject = tp.problems.perimeter;
      break;
    default:
      subject = tp.problems.recipients;
  }
  return `${subject} : ${translate(detail.message)}`;
}
