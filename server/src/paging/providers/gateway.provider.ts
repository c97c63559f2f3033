import { Injectable } from '@nestjs/common';
import { PagingSettings } from '../paging-settings';
import { type ChannelProvider, type OutgoingMessage, PermanentDeliveryError, type SendResult, TemporaryDeliveryError } from './provider';

const TIMEOUT_MS = 15_000;

/** 4xx but 408/429 is permanent (bad number, refused content); 5xx, 408, 429 and network errors are temporary. */
export function classifyGatewayStatus(status: number, detail: string): PermanentDeliveryError | TemporaryDeliveryError {
  const text = `Passerelle : HTTP ${status}${detail ? ` ${detail}` : ''}`.slice(0, 500);
  return status >= 400 && status < 500 && status !== 408 && status !== 429
    ? new PermanentDeliveryError(text)
    : new TemporaryDeliveryError(text);
}

/**
 * SMS and voice calls through a generic JSON gateway: `POST <SMS_GATEWAY_URL>/sms` (or
 * `/voice`, the text read by speech synthesis) with `{to, text, callbackUrl, reference}` and
 * `Authorization: Bearer <SMS_GATEWAY_TOKEN>` → `{id}`. `reference` is the delivery id: the
 * gateway quotes it in its signed receipts and may use it to drop a duplicate.
 */
@Injectable()
export class GatewayProvider implements ChannelProvider {
  constructor(private readonly settings: PagingSettings) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const gateway = this.settings.gateway;
    if (!gateway) throw new PermanentDeliveryError('Passerelle SMS/voix non configurée (SMS_GATEWAY_URL)');
    if (message.channel !== 'sms' && message.channel !== 'voice') throw new Error(`gateway cannot send ${message.channel}`);
    let response: Response;
    try {
      response = await fetch(`${gateway.url}/${message.channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${gateway.token}` },
        body: JSON.stringify({
          to: message.address,
          text: message.channel === 'sms' ? message.content.sms : message.content.speech,
          callbackUrl: this.settings.receiptUrl,
          reference: message.deliveryId,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw new TemporaryDeliveryError(`Passerelle injoignable : ${e instanceof Error ? e.message : String(e)}`);
    }
    const body = (await response.json().catch(() => null)) as { id?: unknown; error?: unknown; message?: unknown } | null;
    if (!response.ok) {
      const detail = typeof body?.error === 'string' ? body.error : typeof body?.message === 'string' ? body.message : '';
      throw classifyGatewayStatus(response.status, detail);
    }
    return { providerId: typeof body?.id === 'string' || typeof body?.id === 'number' ? String(body.id) : null };
  }
}
