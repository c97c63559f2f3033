/** A page being composed → the request body, or the fields to fix (checked with the contract's schema). */
import {
  createPageSchema,
  type Channel,
  type CreatePageRequest,
  type PageSeverity,
} from '@contracts/paging';
import type { RecipientsSpec } from '../api';
import { tp } from '../i18n';
import { isEmptySpec } from './recipients';

export const MESSAGE_MAX = 1400;
export const DEFAULT_ESCALATION_MIN = 5;

export type ComposeField = 'title' | 'message' | 'recipients' | 'channels' | 'escalation';
export type ComposeErrors = Partial<Record<ComposeField, string>>;

/** In the order of the form: the first one gets the focus. */
export const COMPOSE_FIELDS: readonly ComposeField[] = [
  'title',
  'message',
  'recipients',
  'channels',
  'escalation',
];

const FIELD_OF_PATH: Record<string, ComposeField> = {
  title: 'title',
  message: 'message',
  channels: 'channels',
  escalateAfterSec: 'escalation',
  recipients: 'recipients',
};
const FIELD_MESSAGES: Record<ComposeField, string> = {
  title: tp.compose.titleRequired,
  message: tp.compose.messageRequired,
  channels: tp.compose.channelsRequired,
  escalation: tp.compose.escalationInvalid,
  recipients: tp.compose.recipientsRequired,
};

export interface PageDraft {
  title: string;
  message: string;
  severity: PageSeverity;
  channels: Channel[];
  ackRequired: boolean;
  /** As typed, in minutes (« 5 », « 2,5 »). */
  escalationMin: string;
  recipients: RecipientsSpec;
  crisisId: string | null;
}

export type Validated =
  { body: CreatePageRequest; errors: null } | { body: null; errors: ComposeErrors };

export function validatePage(draft: PageDraft): Validated {
  const minutes = Number(draft.escalationMin.replace(',', '.'));
  const parsed = createPageSchema.safeParse({
    title: draft.title.trim(),
    message: draft.message.trim(),
    severity: draft.severity,
    recipients: draft.recipients,
    channels: draft.channels,
    ackRequired: draft.ackRequired,
    // without acknowledgement the delay is not used: any valid value
    escalateAfterSec: draft.ackRequired ? Math.round(minutes * 60) : DEFAULT_ESCALATION_MIN * 60,
    ...(draft.crisisId ? { crisisId: draft.crisisId } : {}),
  });
  const errors: ComposeErrors = {};
  if (isEmptySpec(draft.recipients)) errors.recipients = FIELD_MESSAGES.recipients;
  if (draft.ackRequired && !(minutes >= 1 && minutes <= 1440))
    errors.escalation = FIELD_MESSAGES.escalation;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_PATH[String(issue.path[0])];
      if (field) errors[field] ??= FIELD_MESSAGES[field];
    }
  }
  if (parsed.success && Object.keys(errors).length === 0)
    return { body: parsed.data, errors: null };
  return { body: null, errors };
}
