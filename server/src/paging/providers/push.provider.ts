import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { generateRequestDetails } from 'web-push';
import { PagingSettings } from '../paging-settings';
import { PushSubscription } from '../push-subscription.entity';
import { type ChannelProvider, type OutgoingMessage, PermanentDeliveryError, type SendResult, TemporaryDeliveryError } from './provider';

const TIMEOUT_MS = 10_000;

type Outcome = 'sent' | 'gone' | 'refused' | 'temporary';

/** What a push service's answer means for one subscription (RFC 8030: 404/410 = the subscription is gone). */
export function classifyPushStatus(status: number): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 404 || status === 410) return 'gone';
  if (status === 429 || status >= 500) return 'temporary';
  return 'refused';
}

/**
 * Web push (VAPID, RFC 8291 encryption by web-push) to every browser the target's Vigie
 * account subscribed. Sent when at least one push service accepted it; subscriptions the push
 * service reports gone are deleted; temporary errors are retried only if nothing was accepted.
 * The request is built by web-push and sent with fetch (timeouts, and http endpoints for the
 * local test push service).
 */
@Injectable()
export class PushProvider implements ChannelProvider {
  constructor(
    private readonly settings: PagingSettings,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const vapid = this.settings.vapid;
    if (!vapid) throw new PermanentDeliveryError('Notifications push non configurées (VAPID)');
    const userId = message.address.replace(/^user:/, '');
    const repo = this.dataSource.getRepository(PushSubscription);
    const subscriptions = await repo.findBy({ userId });
    if (subscriptions.length === 0) throw new PermanentDeliveryError('Aucun navigateur abonné aux notifications');
    const payload = JSON.stringify({ ...message.content.push, deliveryId: message.deliveryId });
    const outcomes = await Promise.all(
      subscriptions.map(async (s): Promise<Outcome> => {
        try {
          const request = generateRequestDetails({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
            vapidDetails: vapid,
            TTL: 3600,
            urgency: message.severity === 'information' ? 'normal' : 'high',
            topic: message.deliveryId.replace(/-/g, '').slice(0, 32),
          });
          const response = await fetch(request.endpoint, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal: AbortSignal.timeout(TIMEOUT_MS),
          });
          return classifyPushStatus(response.status);
        } catch {
          return 'temporary';
        }
      }),
    );
    const gone = subscriptions.filter((_, i) => outcomes[i] === 'gone').map((s) => s.id);
    if (gone.length) await repo.delete(gone);
    const sent = subscriptions.filter((_, i) => outcomes[i] === 'sent').map((s) => s.id);
    if (sent.length) {
      await repo.update(sent, { lastSuccessAt: new Date() });
      return { providerId: `${sent.length}/${subscriptions.length} navigateur(s)` };
    }
    if (outcomes.includes('temporary')) throw new TemporaryDeliveryError('Service push indisponible');
    throw new PermanentDeliveryError('Abonnements push refusés ou expirés');
  }
}
