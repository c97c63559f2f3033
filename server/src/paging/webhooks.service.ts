import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AppError, parseOrThrow } from '../common/app-error';
import { AcknowledgementsService } from './acknowledgements.service';
import { DeliveryProcessor } from './delivery.processor';
import { statesBefore } from './delivery-state';
import { PageDelivery } from './page-delivery.entity';
import { PageDispatcher } from './page-dispatcher';
import { inboundSchema, receiptSchema } from './paging.dto';
import { PagingSettings } from './paging-settings';
import { verifyWebhook } from './webhook-signature';

const uuid = z.uuid();

/** Signed callbacks of the SMS / voice gateway: delivery receipts and SMS replies. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: PagingSettings,
    private readonly processor: DeliveryProcessor,
    private readonly acks: AcknowledgementsService,
    private readonly dispatcher: PageDispatcher,
  ) {}

  /** 401 unless signed with the gateway token (constant-time comparison, five-minute window). */
  authenticate(signature: string | undefined, body: unknown): void {
    const token = this.settings.gateway?.token;
    if (!token || !verifyWebhook(token, signature, body)) throw new AppError('unauthenticated', 'Invalid webhook signature');
  }

  /** Moves the delivery forward (never back: a late `sent` after `delivered` changes nothing); `failed` falls back. */
  async receipt(signature: string | undefined, body: unknown): Promise<{ updated: boolean }> {
    this.authenticate(signature, body);
    const receipt = parseOrThrow(receiptSchema, body);
    if (!uuid.safeParse(receipt.reference).success) return { updated: false };
    const providerId = receipt.id === undefined ? null : String(receipt.id);
    if (receipt.status === 'delivered') {
      const [rows] = (await this.dataSource.query(
        `UPDATE page_delivery SET state = 'delivered', delivered_at = now(), provider_id = coalesce(provider_id, $2), lease_until = NULL
         WHERE id = $1 AND state = ANY($3::text[]) RETURNING page_id`,
        [receipt.reference, providerId, statesBefore('delivered')],
      )) as [{ page_id: string }[], number];
      if (rows.length) await this.dispatcher.afterCommit({ pages: [rows[0].page_id] });
      return { updated: rows.length > 0 };
    }
    if (receipt.status === 'sent') return { updated: false };
    const delivery = await this.dataSource.getRepository(PageDelivery).findOneBy({ id: receipt.reference });
    if (!delivery || !statesBefore('failed').includes(delivery.state)) return { updated: false };
    await this.processor.fail(delivery, `Non remis : ${receipt.error ?? receipt.status}`.slice(0, 500));
    return { updated: true };
  }

  /** `OK` / `OK 1234` from a paged number acknowledges its latest open page. */
  async inbound(signature: string | undefined, body: unknown): Promise<{ acknowledged: boolean; targetId: string | null }> {
    this.authenticate(signature, body);
    const message = parseOrThrow(inboundSchema, body);
    const targetId = await this.acks.acknowledgeBySms(message.from, message.text);
    return { acknowledged: targetId !== null, targetId };
  }
}
