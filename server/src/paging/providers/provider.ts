import type { Channel, PageSeverity } from '../../contracts/paging';
import type { RenderedMessage } from '../message';

/** The provider refused the message for good (invalid number, unknown mailbox, push subscription gone): no retry. */
export class PermanentDeliveryError extends Error {}

/** Worth retrying (5xx, timeout, connection refused, 429). */
export class TemporaryDeliveryError extends Error {}

export interface OutgoingMessage {
  deliveryId: string;
  channel: Channel;
  /** E.164 number, e-mail address(es), or `user:<id>` for push. */
  address: string;
  severity: PageSeverity;
  content: RenderedMessage;
  /** Files for e-mail (the page's attachments). */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface SendResult {
  /** The provider's message id, kept to match its receipts. */
  providerId: string | null;
}

/** One per channel family: e-mail (SMTP), SMS and voice (HTTP gateway), web push. */
export interface ChannelProvider {
  send(message: OutgoingMessage): Promise<SendResult>;
}
