import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, Roles } from '../common/decorators';
import { renderAckPage } from './ack-page';
import { AcknowledgementsService } from './acknowledgements.service';
import { PushSubscriptionDto, PushUnsubscribeDto } from './paging.dto';
import { PagingSettings } from './paging-settings';
import { PushSubscriptionsService } from './push-subscriptions.service';
import { SIGNATURE_HEADER } from './webhook-signature';
import { WebhooksService } from './webhooks.service';

function sendHtml(res: Response, page: { status: number; html: string }): string {
  res.status(page.status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex');
  return page.html;
}

@ApiTags('paging')
@Controller('paging')
export class PagingController {
  constructor(
    private readonly acks: AcknowledgementsService,
    private readonly webhooks: WebhooksService,
    private readonly push: PushSubscriptionsService,
    private readonly settings: PagingSettings,
  ) {}

  /** Public page of a signed acknowledgement link: the alert and a « Confirmer la réception » form. */
  @Public()
  @Get('ack/:token')
  @ApiExcludeEndpoint()
  async viewAck(@Param('token') token: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return sendHtml(res, renderAckPage(await this.acks.viewLink(token, req.originalUrl.split('?')[0])));
  }

  /** The form's POST: acknowledges (once). */
  @Public()
  @Post('ack/:token')
  @ApiExcludeEndpoint()
  async confirmAck(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    return sendHtml(res, renderAckPage(await this.acks.confirmLink(token)));
  }

  /** Gateway delivery receipt `{reference, status, id?, error?}`, signed (`X-Vigie-Signature`). */
  @Public()
  @Post('webhooks/receipt')
  @HttpCode(200)
  receipt(@Headers(SIGNATURE_HEADER) signature: string | undefined, @Body() body: unknown) {
    return this.webhooks.receipt(signature, body);
  }

  /** Gateway inbound SMS `{from, text}`, signed: « OK » / « OK 1234 » acknowledges. */
  @Public()
  @Post('webhooks/inbound')
  @HttpCode(200)
  inbound(@Headers(SIGNATURE_HEADER) signature: string | undefined, @Body() body: unknown) {
    return this.webhooks.inbound(signature, body);
  }

  @ApiBearerAuth()
  @Get('push/public-key')
  pushPublicKey() {
    return this.push.publicKey();
  }

  /** The logged-in user's browser subscribes to web push (PushSubscription.toJSON()). */
  @ApiBearerAuth()
  @Post('push-subscriptions')
  subscribe(@Body() body: PushSubscriptionDto, @CurrentUser() user: AuthUser) {
    return this.push.subscribe(body, user);
  }

  @ApiBearerAuth()
  @Delete('push-subscriptions')
  @HttpCode(204)
  unsubscribe(@Body() body: PushUnsubscribeDto, @CurrentUser() user: AuthUser) {
    return this.push.unsubscribe(body.endpoint, user);
  }

  /** Development: what the local SMTP sink and fake gateway received (newest first). */
  @ApiBearerAuth()
  @Get('dev/outbox')
  @Roles('admin')
  async devOutbox() {
    const outbox = this.settings.devOutbox;
    if (!outbox) throw new AppError('not_found', 'No development sink: SMTP_URL and SMS_GATEWAY_URL are set, or this is production');
    return { messages: await outbox.list() };
  }
}
