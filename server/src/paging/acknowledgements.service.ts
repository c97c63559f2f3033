import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import { type AuthUser, hasRole } from '../common/auth-user';
import { TransactionRunner } from '../database/transaction';
import { normalisePhone } from '../directory/phone';
import { verifyAckToken } from './ack-token';
import { type AckPageInfo, type AckPageState } from './ack-page';
import { PageDispatcher } from './page-dispatcher';
import { type AckVia, PageTarget } from './page-target.entity';
import { ACK_ON_BEHALF_ROLES } from './page-views';
import { Page } from './page.entity';
import { PagingSettings } from './paging-settings';

/** Replies that acknowledge: `OK`, `ok 1234`, `Ok.`... */
export function parseSmsReply(text: string): { code: string | null } | null {
  const match = /^\s*ok(?![a-z])[\s.!,:-]*(\d{4})?[\s.!]*$/i.exec(text);
  return match ? { code: match[1] ?? null } : null;
}

/** How long an SMS reply may acknowledge a page after it was sent. */
const SMS_REPLY_WINDOW_DAYS = 7;

export interface AckResult {
  pageId: string;
  targets: { id: string; name: string; acknowledgedAt: string | null; acknowledgedVia: AckVia | null; acknowledgedBy: string | null }[];
}

/**
 * Acknowledgements from the console, a signed link, or an SMS reply. One transaction: the
 * target is stamped, its generation incremented (any escalation timer in flight finds it
 * changed and stops), its queued messages cancelled; a deputy's acknowledgement also stops
 * the escalation of the target they replaced.
 */
@Injectable()
export class AcknowledgementsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly dispatcher: PageDispatcher,
    private readonly settings: PagingSettings,
  ) {}

  /** Acknowledges inside the caller's transaction; returns the targets that were not yet acknowledged. */
  async acknowledgeIn(m: EntityManager, targetIds: readonly string[], via: AckVia, by: { userId: string; name: string } | null): Promise<PageTarget[]> {
    if (targetIds.length === 0) return [];
    const targets = await m.find(PageTarget, { where: { id: In([...targetIds]) }, order: { id: 'ASC' }, lock: { mode: 'for_no_key_update' } });
    const open = targets.filter((t) => !t.acknowledgedAt);
    if (open.length === 0) return [];
    const now = new Date();
    const ids = open.map((t) => t.id);
    await m.query(
      `UPDATE page_target SET acknowledged_at = $2, acknowledged_via = $3, acknowledged_by_user_id = $4, acknowledged_by_name = $5,
              generation = generation + 1, next_escalation_at = NULL
       WHERE id = ANY($1::uuid[])`,
      [ids, now, via, by?.userId ?? null, by?.name ?? null],
    );
    // the escalation of the targets these deputies replaced is over too
    const roots = [...new Set(open.map((t) => t.escalatedFromId).filter((r): r is string => !!r))].sort();
    if (roots.length) {
      await m.query('SELECT id FROM page_target WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [roots]);
      await m.query(
        `UPDATE page_target SET generation = generation + 1, next_escalation_at = NULL
         WHERE id = ANY($1::uuid[]) AND next_escalation_at IS NOT NULL`,
        [roots],
      );
    }
    // messages not handed to a provider yet are no longer needed (nor those of deputies paged in their place)
    await m.query(
      `UPDATE page_delivery SET state = 'cancelled'
       WHERE state = 'queued' AND purpose <> 'duty_alert'
         AND (target_id = ANY($1::uuid[]) OR target_id IN (SELECT id FROM page_target WHERE escalated_from_id = ANY($1::uuid[])))`,
      [ids],
    );
    for (const t of open) Object.assign(t, { acknowledgedAt: now, acknowledgedVia: via, acknowledgedByName: by?.name ?? null, generation: t.generation + 1 });
    return open;
  }

  /** From the console: the caller's own target(s) in the page, or `targetId` on someone's behalf (SIDPC, director). */
  async acknowledge(pageId: string, input: { targetId?: string }, user: AuthUser): Promise<AckResult> {
    const { done, targets } = await this.tx.run(async (tx) => {
      const m = tx.manager;
      if (!(await m.existsBy(Page, { id: pageId }))) throw AppError.notFound('Page');
      let targets: PageTarget[];
      if (input.targetId) {
        const target = await m.findOneBy(PageTarget, { id: input.targetId, pageId });
        if (!target) throw AppError.notFound('Target');
        if (target.userId !== user.id && !hasRole(user, ACK_ON_BEHALF_ROLES))
          throw new AppError('forbidden', 'Only the SIDPC or the director may acknowledge for someone else');
        targets = [target];
      } else {
        targets = await m.findBy(PageTarget, { pageId, userId: user.id });
        if (targets.length === 0) throw new AppError('not_found', 'You are not a recipient of this page');
      }
      const done = await this.acknowledgeIn(
        m,
        targets.map((t) => t.id),
        'console',
        { userId: user.id, name: user.displayName },
      );
      return { done, targets: await m.findBy(PageTarget, { id: In(targets.map((t) => t.id)) }) };
    });
    await this.dispatcher.afterCommit({ pages: done.length ? [pageId] : [] });
    return {
      pageId,
      targets: targets.map((t) => ({
        id: t.id,
        name: t.name,
        acknowledgedAt: t.acknowledgedAt?.toISOString() ?? null,
        acknowledgedVia: t.acknowledgedVia,
        acknowledgedBy: t.acknowledgedByName,
      })),
    };
  }

  /** GET of a link: shows the alert and the confirmation form (never acknowledges). */
  async viewLink(token: string, action: string): Promise<AckPageState> {
    const check = verifyAckToken(this.settings.secrets.ackLinkSecret, token);
    if (!check.ok) return { kind: check.reason === 'expired' ? 'expired' : 'invalid' };
    const found = await this.tx.snapshot((m) => this.linkTarget(m, check.targetId));
    if (!found.data) return { kind: 'invalid' };
    const { target, info } = found.data;
    return target.acknowledgedAt ? { kind: 'already', page: info, at: target.acknowledgedAt } : { kind: 'pending', action, page: info };
  }

  /** POST of a link: acknowledges (once). */
  async confirmLink(token: string): Promise<AckPageState> {
    const check = verifyAckToken(this.settings.secrets.ackLinkSecret, token);
    if (!check.ok) return { kind: check.reason === 'expired' ? 'expired' : 'invalid' };
    const state = await this.tx.run(async (tx): Promise<AckPageState & { pageId?: string }> => {
      const found = await this.linkTarget(tx.manager, check.targetId);
      if (!found) return { kind: 'invalid' };
      const [done] = await this.acknowledgeIn(tx.manager, [found.target.id], 'link', null);
      return done
        ? { kind: 'confirmed', page: found.info, at: done.acknowledgedAt!, pageId: found.target.pageId }
        : { kind: 'already', page: found.info, at: found.target.acknowledgedAt! };
    });
    if (state.kind === 'confirmed') await this.dispatcher.afterCommit({ pages: [state.pageId!] });
    return state;
  }

  /**
   * An SMS reply `OK` acknowledges the sender's most recent open target; `OK 1234` the one
   * with that reply code (a number paged several times). Returns the target acknowledged.
   */
  async acknowledgeBySms(from: string, text: string): Promise<string | null> {
    const reply = parseSmsReply(text);
    const phone = normalisePhone(from);
    if (!reply || !phone) return null;
    const done = await this.tx.run(async (tx) => {
      const rows = (await tx.manager.query(
        `SELECT t.id FROM page_target t JOIN page p ON p.id = t.page_id
         WHERE t.mobile = $1 AND t.acknowledged_at IS NULL AND p.ack_required
           AND p.created_at > now() - make_interval(days => $2) AND ($3::text IS NULL OR t.reply_code = $3)
         ORDER BY t.created_at DESC LIMIT 1`,
        [phone, SMS_REPLY_WINDOW_DAYS, reply.code],
      )) as { id: string }[];
      if (rows.length === 0) return null;
      const [target] = await this.acknowledgeIn(tx.manager, [rows[0].id], 'sms', null);
      return target ?? null;
    });
    if (done) await this.dispatcher.afterCommit({ pages: [done.pageId] });
    return done?.id ?? null;
  }

  private async linkTarget(m: EntityManager, targetId: string): Promise<{ target: PageTarget; info: AckPageInfo } | null> {
    const target = await m.findOneBy(PageTarget, { id: targetId });
    if (!target) return null;
    const page = await m.findOneByOrFail(Page, { id: target.pageId });
    return {
      target,
      info: {
        title: page.title,
        message: page.message,
        severity: page.severity,
        exercise: page.exercise,
        recipientName: target.name,
        sentAt: page.createdAt,
      },
    };
  }
}
