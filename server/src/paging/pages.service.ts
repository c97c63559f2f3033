import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { CreatePageRequest, Page as PageDto, PageSummary } from '../contracts/paging';
import type { Crisis } from '../crises/crisis.entity';
import { CrisesService } from '../crises/crises.service';
import { TransactionRunner, type Tx } from '../database/transaction';
import { RecipientsService } from '../directory/recipients.service';
import { LogbookService } from '../logbook/logbook.service';
import { PAGE_ATTACHMENT_MAX_BYTES, PageAttachment } from './page-attachment.entity';
import { PageDelivery } from './page-delivery.entity';
import { type DeliveryRef, type EscalationTimer, PageDispatcher } from './page-dispatcher';
import { PageTarget } from './page-target.entity';
import { pageSentText, repageText } from './page-texts';
import { countsFor, pageAudience, toPageDto, toSummary } from './page-views';
import { escalationAt, insertDeliveries, insertTargets, planRound } from './page-writes';
import { Page } from './page.entity';
import { PagingSettings } from './paging-settings';
import { canonicalJson } from './webhook-signature';

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const LIST_MAX = 200;
/** A second re-page within this delay is refused (double click). */
const REPAGE_GUARD_MS = 10_000;

/** A file for the page's e-mails (service callers only: not part of the public POST body). */
export interface PageAttachmentInput {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface CreatePageOptions {
  attachments?: PageAttachmentInput[];
}

const ATTACHMENT_NAME = /^[\w][\w .()-]{0,150}\.[A-Za-z0-9]{1,8}$/;
const ATTACHMENT_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

/** Every problem of the attachments (name, type, size: one file and all together). */
export function attachmentProblems(attachments: PageAttachmentInput[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  attachments.forEach((a, i) => {
    if (!ATTACHMENT_NAME.test(a.filename)) problems.push({ path: `attachments.${i}.filename`, message: 'a plain file name with an extension' });
    if (!ATTACHMENT_TYPE.test(a.contentType)) problems.push({ path: `attachments.${i}.contentType`, message: 'a MIME type' });
    if (a.content.length === 0 || a.content.length > PAGE_ATTACHMENT_MAX_BYTES)
      problems.push({ path: `attachments.${i}.content`, message: `1 byte to ${PAGE_ATTACHMENT_MAX_BYTES} bytes` });
  });
  if (attachments.reduce((n, a) => n + a.content.length, 0) > PAGE_ATTACHMENT_MAX_BYTES)
    problems.push({ path: 'attachments', message: `${PAGE_ATTACHMENT_MAX_BYTES} bytes at most in all` });
  return problems;
}

export interface ListPagesQuery {
  crisisId?: string;
  limit: number;
}

/** Work to put on the queues once the transaction has committed. */
interface Committed {
  pageId: string;
  deliveries: DeliveryRef[];
  timers: EscalationTimer[];
}

/**
 * Pages: created in one transaction (recipients resolved and frozen, one delivery row per
 * target × channel, `page.updated`, a main courante line), then enqueued by id. Re-paging sends
 * a new round to whoever has not acknowledged.
 */
@Injectable()
export class PagesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly crises: CrisesService,
    private readonly recipients: RecipientsService,
    private readonly logbook: LogbookService,
    private readonly dispatcher: PageDispatcher,
    private readonly settings: PagingSettings,
  ) {}

  /**
   * 202 `{id}`. With an `Idempotency-Key`, a retried request (same key, same body) gets the same
   * page and creates nothing; the same key with another body is a 409.
   */
  async create(
    input: CreatePageRequest,
    user: AuthUser,
    idempotencyKey?: string,
    options: CreatePageOptions = {},
  ): Promise<{ id: string; replayed: boolean }> {
    const attachments = options.attachments ?? [];
    const problems = attachmentProblems(attachments);
    if (problems.length) throw new AppError('validation', 'Invalid attachments', problems);
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new AppError('validation', 'Invalid Idempotency-Key', [
        { path: 'Idempotency-Key', message: '1 to 200 printable ASCII characters' },
      ]);
    }
    const hash = createHash('sha256').update(canonicalJson(input)).digest('hex');
    if (idempotencyKey) {
      const existing = await this.replay(user.id, idempotencyKey, hash);
      if (existing) return existing;
    }
    let committed: Committed;
    try {
      committed = await this.tx.run((tx) => this.write(tx, input, user, idempotencyKey ?? null, hash, attachments));
    } catch (e) {
      // a concurrent request with the same key committed first
      if (idempotencyKey && e instanceof QueryFailedError && (e.driverError as { constraint?: string }).constraint === 'UQ_page_idempotency') {
        const existing = await this.replay(user.id, idempotencyKey, hash);
        if (existing) return existing;
      }
      throw e;
    }
    await this.dispatcher.afterCommit({ deliveries: committed.deliveries, timers: committed.timers });
    return { id: committed.pageId, replayed: false };
  }

  /** `{data, seq}`: the latest pages with their counters, and the outbox head they were read at. */
  list(query: ListPagesQuery): Promise<{ data: PageSummary[]; seq: number }> {
    return this.tx.snapshot(async (m) => {
      const pages = await m.find(Page, {
        where: query.crisisId ? { crisisId: query.crisisId } : {},
        order: { createdAt: 'DESC', id: 'ASC' },
        take: Math.min(query.limit, LIST_MAX),
      });
      const counts = await countsFor(
        m,
        pages.map((p) => p.id),
      );
      return pages.map((p) => toSummary(p, counts.get(p.id)!));
    });
  }

  /** The page with every target (frozen snapshot), acknowledgement and delivery. */
  async get(id: string): Promise<PageDto & { seq: number }> {
    const { data, seq } = await this.tx.snapshot(async (m) => {
      const page = await m.findOneBy(Page, { id });
      if (!page) throw AppError.notFound('Page');
      const targets = await m.find(PageTarget, { where: { pageId: id }, order: { escalationLevel: 'ASC', name: 'ASC', id: 'ASC' } });
      // by round; in a round the chosen channels, then fallbacks, then duty alerts
      const deliveries = await m.find(PageDelivery, { where: { pageId: id }, order: { level: 'ASC', purpose: 'DESC', channel: 'ASC' } });
      const counts = await countsFor(m, [id]);
      return toPageDto(page, counts.get(id)!, targets, deliveries);
    });
    return { ...data, seq };
  }

  /** A new round to every target who has not acknowledged; their escalation restarts. */
  async repage(id: string, user: AuthUser): Promise<{ id: string; targets: number }> {
    const committed = await this.tx.run(async (tx): Promise<Committed & { targets: number }> => {
      const m = tx.manager;
      const page = await m.findOne(Page, { where: { id }, lock: { mode: 'for_no_key_update' } });
      if (!page) throw AppError.notFound('Page');
      const now = new Date();
      if (page.lastRepagedAt && now.getTime() - page.lastRepagedAt.getTime() < REPAGE_GUARD_MS)
        throw new AppError('conflict', 'This page was re-paged a moment ago');
      const targets = await m.find(PageTarget, {
        where: { pageId: id, acknowledgedAt: IsNull() },
        order: { id: 'ASC' },
        lock: { mode: 'for_no_key_update' },
      });
      if (targets.length === 0) throw new AppError('conflict', 'Every target has acknowledged');
      const levels = new Map(
        (
          (await m.query('SELECT target_id, max(escalation_level)::int AS level FROM page_delivery WHERE target_id = ANY($1::uuid[]) GROUP BY target_id', [
            targets.map((t) => t.id),
          ])) as { target_id: string; level: number }[]
        ).map((r) => [r.target_id, r.level]),
      );
      const rows = await planRound(m, page, targets, (t) => (levels.get(t.id) ?? 0) + 1, { window: this.settings.quietWindow, now });
      const deliveries = await insertDeliveries(m, rows, page.severity);
      // the escalation clock restarts for the targets still on the ladder (not deputies, not already at the duty officers)
      const timers: EscalationTimer[] = [];
      if (page.ackRequired) {
        const delayMs = this.settings.escalationDelayMs(page.escalateAfterSec);
        for (const t of targets.filter((x) => !x.escalatedFromId && x.escalationLevel < 3)) {
          const at = escalationAt(now, delayMs, rows, t.id);
          await m.update(PageTarget, { id: t.id }, { generation: t.generation + 1, nextEscalationAt: at });
          timers.push({ targetId: t.id, generation: t.generation + 1, at });
        }
      }
      await m.update(Page, { id }, { lastRepagedAt: now });
      if (page.crisisId) {
        await this.logbook.appendIn(
          tx,
          page.crisisId,
          { text: repageText(page.title, targets.length), category: 'action', cellule: cellule(user), source: 'system' },
          { id: user.id, name: user.displayName },
        );
      }
      return { pageId: id, deliveries, timers, targets: targets.length };
    });
    await this.dispatcher.afterCommit({ deliveries: committed.deliveries, timers: committed.timers, pages: [id] });
    return { id, targets: committed.targets };
  }

  private async write(
    tx: Tx,
    input: CreatePageRequest,
    user: AuthUser,
    idempotencyKey: string | null,
    requestHash: string,
    attachments: PageAttachmentInput[],
  ): Promise<Committed> {
    const m = tx.manager;
    const now = new Date();
    const crisis = input.crisisId ? await this.openCrisis(m, input.crisisId) : null;
    // throws a 400 listing every bad recipient: nothing written, nothing enqueued
    const resolved = await this.recipients.resolve(m, input.recipients, now);
    const page = m.create(Page, {
      id: randomUUID(),
      title: input.title,
      message: input.message,
      severity: input.severity,
      channels: [...new Set(input.channels)],
      ackRequired: input.ackRequired,
      escalateAfterSec: input.escalateAfterSec,
      recipients: input.recipients,
      crisisId: crisis?.id ?? null,
      exercise: crisis?.exercise ?? false,
      createdBy: user.id,
      createdAt: now,
      idempotencyKey,
      requestHash,
      publishedCounts: null,
      lastRepagedAt: null,
    });
    await m.insert(Page, page);
    for (const a of attachments) {
      await m.insert(PageAttachment, { pageId: page.id, filename: a.filename, contentType: a.contentType, content: a.content, size: a.content.length });
    }
    const delayMs = this.settings.escalationDelayMs(input.escalateAfterSec);
    const escalateAt = input.ackRequired ? new Date(now.getTime() + delayMs) : null;
    const targets = await insertTargets(m, page.id, resolved, { nextEscalationAt: escalateAt });
    const rows = await planRound(m, page, targets, () => 1, { window: this.settings.quietWindow, now });
    const deliveries = await insertDeliveries(m, rows, page.severity);
    // quiet hours: the clock of a target whose messages are held starts when they ring
    const timers = escalateAt ? targets.map((t) => ({ targetId: t.id, generation: 0, at: escalationAt(now, delayMs, rows, t.id) })) : [];
    for (const timer of timers.filter((x) => x.at.getTime() !== escalateAt!.getTime()))
      await m.update(PageTarget, { id: timer.targetId }, { nextEscalationAt: timer.at });
    if (crisis) {
      await this.logbook.appendIn(
        tx,
        crisis.id,
        { text: pageSentText(page, targets.length), category: 'action', cellule: cellule(user), source: 'system' },
        { id: user.id, name: user.displayName },
      );
    }
    const counts = { targets: targets.length, queued: deliveries.length, sent: 0, delivered: 0, failed: 0, acknowledged: 0 };
    await m.update(Page, { id: page.id }, { publishedCounts: counts });
    tx.emit('page.updated', toSummary(page, counts), pageAudience());
    return {
      pageId: page.id,
      deliveries,
      timers,
    };
  }

  private async replay(userId: string, key: string, hash: string): Promise<{ id: string; replayed: true } | null> {
    const existing = await this.tx.snapshot((m) => m.findOne(Page, { select: { id: true, requestHash: true }, where: { createdBy: userId, idempotencyKey: key } }));
    if (!existing.data) return null;
    if (existing.data.requestHash !== hash)
      throw new AppError('conflict', 'This Idempotency-Key was used for another request', [
        { path: 'Idempotency-Key', message: 'already used with a different body' },
      ]);
    return { id: existing.data.id, replayed: true };
  }

  private async openCrisis(m: EntityManager, crisisId: string): Promise<Crisis> {
    const crisis = await this.crises.require(m, crisisId, { lock: true });
    if (crisis.status !== 'open') throw new AppError('conflict', 'This crisis is closed', [{ path: 'crisisId', message: 'closed' }]);
    return crisis;
  }
}

/** The director pages from the direction cellule; the SIDPC (and admins) from operations. */
function cellule(user: AuthUser): 'direction' | 'operations' {
  return user.roles.includes('director') && !user.roles.includes('sidpc') ? 'direction' : 'operations';
}
