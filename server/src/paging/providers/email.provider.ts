import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { PagingSettings } from '../paging-settings';
import { type ChannelProvider, type OutgoingMessage, PermanentDeliveryError, type SendResult, TemporaryDeliveryError } from './provider';

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message: string;
}

/** Classifies an SMTP failure: 5xx replies are permanent, everything else (4xx, network) temporary. */
export function classifySmtpError(error: SmtpError): PermanentDeliveryError | TemporaryDeliveryError {
  const text = `SMTP : ${error.response ?? error.message}`.slice(0, 500);
  if (error.responseCode && error.responseCode >= 500 && error.responseCode < 600) return new PermanentDeliveryError(text);
  if (error.code === 'EENVELOPE' && !error.responseCode) return new PermanentDeliveryError(text);
  return new TemporaryDeliveryError(text);
}

/** E-mail over SMTP with nodemailer (pooled connections; the Message-ID is the delivery id). */
@Injectable()
export class EmailProvider implements ChannelProvider, OnApplicationShutdown {
  private transport?: Transporter;

  constructor(private readonly settings: PagingSettings) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const url = this.settings.smtpUrl;
    if (!url) throw new PermanentDeliveryError('SMTP non configuré (SMTP_URL)');
    this.transport ??= createTransport({
      url,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    try {
      const info = (await this.transport.sendMail({
        from: this.settings.smtpFrom,
        to: message.address,
        subject: message.content.subject,
        text: message.content.text,
        html: message.content.html,
        messageId: `<${message.deliveryId}@vigie>`,
        priority: message.severity === 'information' ? 'normal' : 'high',
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Vigie-Delivery': message.deliveryId },
        attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      })) as { messageId?: string };
      return { providerId: info.messageId ?? null };
    } catch (e) {
      throw classifySmtpError(e as SmtpError);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
