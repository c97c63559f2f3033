import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CHANNELS, type Channel, type DeliveryPurpose, type DeliveryState } from '../contracts/paging';
import { TransactionRunner } from '../database/transaction';
import { JobHandlers } from '../queue/job-handlers';
import type { JobMeta } from '../queue/jobs';
import { statesBefore } from './delivery-state';
import { insertFallback, lockTarget } from './fallback';
import { type RenderedMessage, renderDutyAlert, renderPage } from './message';
import { PageAttachment } from './page-attachment.entity';
import { type DeliveryRef, PageDispatcher, SEND_JOB } from './page-dispatcher';
import { PageTarget } from './page-target.entity';
import { Page } from './page.entity';
import { PagingSettings } from './paging-settings';
import { EmailProvider } from './providers/email.provider';
import { GatewayProvider } from './providers/gateway.provider';
import { type ChannelProvider, PermanentDeliveryError, type SendResult } from './providers/provider';
import { PushProvider } from './providers/push.provider';

/** A claim lasts longer than any provider timeout: a `sending` row older than this was abandoned by a crashed worker. */
export const SEND_LEASE_SEC = 120;

/** The claimed row, with what rendering needs of its target and page (one statement). */
interface Claimed {
  id: string;
  pageId: string;
  targetId: string;
  channel: Channel;
  level: number;
  purpose: DeliveryPurpose;
  address: string;
  state: DeliveryState;
  target: Pick<PageTarget, 'name' | 'function' | 'via' | 'mobile' | 'landline' | 'replyCode'>;
  page: Pick<Page, 'title' | 'message' | 'severity' | 'exercise' | 'ackRequired' | 'createdAt'>;
}

interface ClaimRow extends Omit<Claimed, 'target' | 'page'> {
  t_name: string;
  t_function: string;
  t_via: string[];
  t_mobile: string | null;
  t_landline: string | null;
  t_reply_code: string;
  p_title: string;
  p_message: string;
  p_severity: Page['severity'];
  p_exercise: boolean;
  p_ack_required: boolean;
  p_created_at: Date;
}

export type SendOutcome = 'skipped' | 'cancelled' | 'sent' | 'delivered' | 'failed';

/** UPDATE … RETURNING through TypeORM: `[rows, count]`. */
async function updateReturning<T>(m: EntityManager | DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await m.query(sql, params)) as [T[], number];
  return rows;
}

/**
 * Sends one delivery. Claim first: `queued` → `sending` in one UPDATE (or a `sending` row whose
 * lease expired), so a job that runs twice — BullMQ is at-least-once, the reconciler may add it
 * again — sends once. Then the provider; then `sent`, monotonic. A temporary error puts the row
 * back to `queued` and throws for BullMQ's retry with backoff; a permanent one (or the last
 * attempt) marks it `failed` and falls back to the next channel.
 */
@Injectable()
export class DeliveryProcessor implements OnModuleInit {
  private readonly providers: Record<Exclude<Channel, 'inapp'>, ChannelProvider>;

  constructor(
    private readonly handlers: JobHandlers,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly dispatcher: PageDispatcher,
    private readonly settings: PagingSettings,
    email: EmailProvider,
    gateway: GatewayProvider,
    push: PushProvider,
  ) {
    this.providers = { email, sms: gateway, voice: gateway, push };
  }

  onModuleInit(): void {
    for (const channel of CHANNELS) {
      this.handlers.register(SEND_JOB[channel] as 'paging.send-email', (payload, meta) => this.send(payload.deliveryId, meta));
    }
  }

  async send(deliveryId: string, meta: JobMeta): Promise<SendOutcome> {
    const [row] = await updateReturning<ClaimRow>(
      this.dataSource,
      `UPDATE page_delivery d SET
         state = CASE WHEN d.state = 'queued' AND d.purpose <> 'duty_alert' AND t.acknowledged_at IS NOT NULL THEN 'cancelled' ELSE 'sending' END,
         attempts = d.attempts + CASE WHEN d.state = 'queued' AND d.purpose <> 'duty_alert' AND t.acknowledged_at IS NOT NULL THEN 0 ELSE 1 END,
         lease_until = now() + make_interval(secs => $2)
       FROM page_target t, page p
       WHERE d.id = $1 AND t.id = d.target_id AND p.id = d.page_id
         AND (d.state = 'queued' OR (d.state = 'sending' AND d.lease_until < now()))
         -- held by quiet hours: an early job claims nothing, the reconciler re-enqueues it delayed
         AND (d.not_before IS NULL OR d.not_before <= now() + interval '2 seconds')
       RETURNING d.id, d.page_id AS "pageId", d.target_id AS "targetId", d.channel, d.escalation_level AS level, d.purpose, d.address, d.state,
         t.name AS t_name, t.function AS t_function, t.via AS t_via, t.mobile AS t_mobile, t.landline AS t_landline, t.reply_code AS t_reply_code,
         p.title AS p_title, p.message AS p_message, p.severity AS p_severity, p.exercise AS p_exercise,
         p.ack_required AS p_ack_required, p.created_at AS p_created_at`,
      [deliveryId, SEND_LEASE_SEC],
    );
    const claimed: Claimed | undefined = row && {
      id: row.id,
      pageId: row.pageId,
      targetId: row.targetId,
      channel: row.channel,
      level: row.level,
      purpose: row.purpose,
      address: row.address,
      state: row.state,
      target: {
        name: row.t_name,
        function: row.t_function,
        via: row.t_via,
        mobile: row.t_mobile,
        landline: row.t_landline,
        replyCode: row.t_reply_code,
      },
      page: {
        title: row.p_title,
        message: row.p_message,
        severity: row.p_severity,
        exercise: row.p_exercise,
        ackRequired: row.p_ack_required,
        createdAt: row.p_created_at,
      },
    };
    // already sent (or being sent) by another run of this job: nothing to do
    if (!claimed) return 'skipped';
    if (claimed.state === 'cancelled') {
      await this.dispatcher.touchCounts([claimed.pageId]);
      return 'cancelled';
    }
    // in-app: no provider, the event commits with the state (a failure here is retried by BullMQ)
    if (claimed.channel === 'inapp') return this.deliverInApp(claimed);
    let result: SendResult;
    try {
      result = await this.providers[claimed.channel].send({
        deliveryId: claimed.id,
        channel: claimed.channel,
        address: claimed.address,
        severity: claimed.page.severity,
        content: await this.render(claimed),
        attachments: claimed.channel === 'email' && claimed.purpose !== 'duty_alert' ? await this.attachments(claimed.pageId) : undefined,
      });
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      if (e instanceof PermanentDeliveryError || meta.attempt + 1 >= meta.attempts) {
        await this.fail(claimed, error);
        return 'failed';
      }
      // back in the queue for BullMQ's retry (the row stays the truth if this process dies now)
      await this.dataSource.query(
        `UPDATE page_delivery SET state = 'queued', error = $2, lease_until = NULL, queued_at = now() WHERE id = $1 AND state = 'sending'`,
        [claimed.id, error],
      );
      await this.dispatcher.touchCounts([claimed.pageId]);
      throw e instanceof Error ? e : new Error(error);
    }
    // the provider has it: a database error from here leaves the row `sending` (not re-sent before its lease expires)
    await this.dataSource.query(
      `UPDATE page_delivery SET state = 'sent', sent_at = now(), provider_id = $2, error = NULL, lease_until = NULL
       WHERE id = $1 AND state = 'sending'`,
      [claimed.id, result.providerId],
    );
    await this.dispatcher.touchCounts([claimed.pageId]);
    return 'sent';
  }

  /** Marks a delivery failed for good and, unless something else reaches the target, adds the next channel. */
  async fail(delivery: Pick<Claimed, 'id' | 'pageId' | 'targetId' | 'level' | 'purpose'>, error: string): Promise<void> {
    const fallback = await this.tx.run(async (tx): Promise<DeliveryRef[]> => {
      const target = await lockTarget(tx.manager, delivery.targetId);
      const failed = await updateReturning<{ id: string }>(
        tx.manager,
        `UPDATE page_delivery SET state = 'failed', failed_at = now(), error = $2, lease_until = NULL
         WHERE id = $1 AND state = ANY($3::text[]) RETURNING id`,
        [delivery.id, error, statesBefore('failed')],
      );
      if (!target || failed.length === 0 || delivery.purpose === 'duty_alert') return [];
      return insertFallback(tx.manager, target, delivery.level);
    });
    await this.dispatcher.afterCommit({ deliveries: fallback, pages: [delivery.pageId] });
  }

  /** In-app: the event and the `delivered` state commit together, so it reaches the console exactly once. */
  private async deliverInApp(claimed: Claimed): Promise<SendOutcome> {
    await this.tx.run(async (tx) => {
      const done = await updateReturning<{ id: string }>(
        tx.manager,
        `UPDATE page_delivery SET state = 'delivered', sent_at = now(), delivered_at = now(), error = NULL, lease_until = NULL
         WHERE id = $1 AND state = 'sending' RETURNING id`,
        [claimed.id],
      );
      if (done.length === 0) return;
      const { page, target } = claimed;
      const dutyAlert = claimed.purpose === 'duty_alert';
      tx.emit(
        'page.received',
        {
          pageId: claimed.pageId,
          targetId: claimed.targetId,
          deliveryId: claimed.id,
          kind: dutyAlert ? 'duty_alert' : 'page',
          title: dutyAlert ? `Non acquitté : ${target.name} – ${page.title}` : page.title,
          message: dutyAlert ? `${target.name} (${target.function}) n'a pas acquitté l'alerte « ${page.title} ».` : page.message,
          severity: page.severity,
          exercise: page.exercise,
          ackRequired: page.ackRequired && !dutyAlert,
        },
        [claimed.address],
      );
    });
    await this.dispatcher.touchCounts([claimed.pageId]);
    return 'delivered';
  }

  /** The page's files, for its e-mails. */
  private async attachments(pageId: string): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
    const rows = await this.dataSource.manager.find(PageAttachment, { where: { pageId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }));
  }

  private async render({ page, target, ...claimed }: Claimed): Promise<RenderedMessage> {
    if (claimed.purpose === 'duty_alert') {
      const deputy = await this.dataSource.manager.findOne(PageTarget, {
        where: { escalatedFromId: claimed.targetId },
        order: { createdAt: 'ASC' },
      });
      return renderDutyAlert({
        title: page.title,
        severity: page.severity,
        exercise: page.exercise,
        sentAt: page.createdAt,
        targetName: target.name,
        targetFunction: target.function,
        targetVia: target.via,
        phones: [target.mobile, target.landline, deputy?.mobile ?? null].filter((p): p is string => !!p),
        deputyName: deputy?.name ?? null,
      });
    }
    return renderPage({
      title: page.title,
      message: page.message,
      severity: page.severity,
      exercise: page.exercise,
      ackRequired: page.ackRequired,
      sentAt: new Date(),
      recipientName: target.name,
      ackLink: page.ackRequired ? this.settings.ackLink(claimed.targetId) : null,
      replyCode: page.ackRequired ? target.replyCode : null,
    });
  }
}
