import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../infra/redis.module';
import { signAckToken } from './ack-token';
import { DevOutbox } from './dev/dev-outbox';
import { startDevGateway } from './dev/dev-gateway';
import { startDevSmtpSink } from './dev/dev-smtp-sink';
import { type PagingSecrets, resolvePagingSecrets } from './paging-secrets';
import { parseQuietWindow, type QuietWindow } from './quiet-hours';

/**
 * Where pages go and with which secrets. Outside production, a missing SMTP_URL or
 * SMS_GATEWAY_URL starts a local sink speaking the same protocol (an SMTP server, a JSON
 * gateway on 127.0.0.1), so a development console pages for real without reaching anyone;
 * `GET /api/paging/dev/outbox` lists what they received. In production a missing one leaves
 * its channels failing with an explicit error.
 */
@Injectable()
export class PagingSettings implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Paging');
  readonly secrets: PagingSecrets;
  readonly devOutbox: DevOutbox | null;
  /** Heures de silence (PAGING_QUIET_HOURS), or null. */
  readonly quietWindow: QuietWindow | null;
  private smtp: string | null;
  private gatewayUrl: string | null;
  private readonly closers: (() => Promise<void>)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.secrets = resolvePagingSecrets(config);
    this.quietWindow = parseQuietWindow(config.PAGING_QUIET_HOURS);
    this.smtp = config.SMTP_URL ?? null;
    this.gatewayUrl = config.SMS_GATEWAY_URL ?? null;
    const dev = config.NODE_ENV !== 'production' && (!this.smtp || !this.gatewayUrl);
    this.devOutbox = dev ? new DevOutbox(redis, `${config.REDIS_PREFIX}:paging:dev-outbox`) : null;
  }

  async onModuleInit(): Promise<void> {
    const outbox = this.devOutbox;
    if (outbox && !this.smtp) {
      const sink = await startDevSmtpSink((e) => outbox.record(e));
      this.smtp = sink.url;
      this.closers.push(() => sink.close());
      this.logger.log(`no SMTP_URL: e-mail pages go to the local sink ${sink.url} (GET /api/paging/dev/outbox)`);
    }
    if (outbox && !this.gatewayUrl) {
      const gateway = await startDevGateway(this.secrets.gatewayToken!, (e) => outbox.record(e));
      this.gatewayUrl = gateway.url;
      this.closers.push(() => gateway.close());
      this.logger.log(`no SMS_GATEWAY_URL: SMS and calls go to the local fake gateway ${gateway.url}`);
    }
    if (this.config.NODE_ENV === 'production') {
      if (this.secrets.ackLinkSecretDerived)
        this.logger.warn('ACK_LINK_SECRET is not set: acknowledgement links are signed with a key derived from JWT_SECRET (set a dedicated secret)');
      if (!this.smtp) this.logger.warn('SMTP_URL is not set: e-mail pages will fail');
      if (!this.gatewayUrl) this.logger.warn('SMS_GATEWAY_URL is not set: SMS and voice pages will fail');
      if (!this.secrets.vapid) this.logger.warn('VAPID keys are not set: web push pages will fail');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.closers.map((c) => c()));
  }

  get publicUrl(): string {
    return (this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/+$/, '');
  }

  get smtpUrl(): string | null {
    return this.smtp;
  }

  get smtpFrom(): string {
    return this.config.SMTP_FROM;
  }

  get gateway(): { url: string; token: string } | null {
    return this.gatewayUrl && this.secrets.gatewayToken ? { url: this.gatewayUrl.replace(/\/+$/, ''), token: this.secrets.gatewayToken } : null;
  }

  get vapid(): { publicKey: string; privateKey: string; subject: string } | null {
    return this.secrets.vapid ? { ...this.secrets.vapid, subject: this.config.VAPID_SUBJECT } : null;
  }

  get receiptUrl(): string {
    return `${this.publicUrl}/api/paging/webhooks/receipt`;
  }

  ackLink(targetId: string, now: Date = new Date()): string {
    const expires = new Date(now.getTime() + this.config.ACK_LINK_TTL_SEC * 1000);
    return `${this.publicUrl}/api/paging/ack/${signAckToken(this.secrets.ackLinkSecret, targetId, expires)}`;
  }

  /** The escalation delay of a page, scaled (PAGING_ESCALATION_SCALE; tests shrink it). */
  escalationDelayMs(escalateAfterSec: number): number {
    return Math.round(escalateAfterSec * 1000 * this.config.PAGING_ESCALATION_SCALE);
  }

  get retryBaseMs(): number {
    return this.config.PAGING_RETRY_BASE_MS;
  }
}
