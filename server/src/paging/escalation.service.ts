import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { TransactionRunner, type Tx } from '../database/transaction';
import { RecipientsService } from '../directory/recipients.service';
import { LogbookService } from '../logbook/logbook.service';
import { JobHandlers } from '../queue/job-handlers';
import { rooms } from '../realtime/rooms';
import { lockTarget } from './fallback';
import { type DeliveryRef, type EscalationTimer, PageDispatcher } from './page-dispatcher';
import { PageTarget } from './page-target.entity';
import { escalationText } from './page-texts';
import { type NewDelivery, escalationAt, insertDeliveries, insertTargets, planRound } from './page-writes';
import { Page } from './page.entity';
import { PagingSettings } from './paging-settings';

export type EscalationOutcome = 'fenced' | 'deputy' | 'duty_officers';

/**
 * The escalation ladder of a target that must acknowledge: level 1, every chosen channel at
 * once (the page itself); level 2, after `escalateAfterSec`, the contact's deputy or the next
 * on the service's roster, paged as a new target (`escalation`); level 3, after the same
 * delay again, the SIDPC duty officers, in the console and by e-mail. Each step is a delayed
 * job `escalate-<target>-<generation>` that locks the target and does nothing unless the
 * generation is still the one it was scheduled for and nobody acknowledged: an
 * acknowledgement increments the generation in its own transaction, so it always wins, even
 * against a job already running (the job waits for the row lock, then sees the new generation).
 */
@Injectable()
export class EscalationService implements OnModuleInit {
  /**
   * Test seam: awaited when a timer starts, before it takes the target's lock (lets a test
   * acknowledge while an escalation job is running).
   */
  beforeFence?: (targetId: string) => Promise<void>;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly tx: TransactionRunner,
    private readonly recipients: RecipientsService,
    private readonly logbook: LogbookService,
    private readonly dispatcher: PageDispatcher,
    private readonly settings: PagingSettings,
  ) {}

  onModuleInit(): void {
    this.handlers.register('paging.escalate', (p) => this.escalate(p.targetId, p.generation));
  }

  async escalate(targetId: string, generation: number): Promise<EscalationOutcome> {
    await this.beforeFence?.(targetId);
    const result = await this.tx.run(async (tx) => {
      const target = await lockTarget(tx.manager, targetId);
      if (!target || target.generation !== generation || target.acknowledgedAt || !target.nextEscalationAt) return null;
      const page = await tx.manager.findOneByOrFail(Page, { id: target.pageId });
      return target.escalationLevel === 1 ? this.toDeputy(tx, page, target) : this.toDutyOfficers(tx, page, target);
    });
    if (!result) return 'fenced';
    await this.dispatcher.afterCommit({ deliveries: result.deliveries, timers: result.timers, pages: [result.pageId] });
    return result.outcome;
  }

  private async toDeputy(tx: Tx, page: Page, target: PageTarget) {
    const m = tx.manager;
    const now = new Date();
    const paged = new Set(
      (await m.find(PageTarget, { select: { contactId: true }, where: { pageId: page.id } })).map((t) => t.contactId),
    );
    // a contact deleted from the directory since: nobody next, the duty officers are told
    const next = await this.recipients.escalationTarget(m, target.contactId, now, paged).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'not_found') return null;
      throw e;
    });
    if (!next) return this.toDutyOfficers(tx, page, target);
    const [deputy] = await insertTargets(m, page.id, [next], { escalatedFromId: target.id, escalationLevel: 2, nextEscalationAt: null });
    const rows = await planRound(m, page, [deputy], () => 2, { window: this.settings.quietWindow, now });
    const deliveries = await insertDeliveries(m, rows, page.severity);
    const at = escalationAt(now, this.settings.escalationDelayMs(page.escalateAfterSec), rows, deputy.id);
    await m.update(PageTarget, { id: target.id }, { escalationLevel: 2, generation: target.generation + 1, nextEscalationAt: at });
    await this.log(tx, page, escalationText(page.title, target.name, { deputyName: deputy.name }));
    const timers: EscalationTimer[] = [{ targetId: target.id, generation: target.generation + 1, at }];
    return { pageId: page.id, deliveries, timers, outcome: 'deputy' as const };
  }

  /** Tells the duty officers (SIDPC) that `target` did not acknowledge: in their consoles and by e-mail. */
  private async toDutyOfficers(tx: Tx, page: Page, target: PageTarget) {
    const m = tx.manager;
    const officers = (await m.query(
      `SELECT email FROM "user" WHERE 'sidpc' = ANY(roles) AND disabled_at IS NULL ORDER BY email`,
    )) as { email: string }[];
    const [{ level }] = (await m.query('SELECT coalesce(max(escalation_level), 0)::int AS level FROM page_delivery WHERE target_id = $1', [
      target.id,
    ])) as [{ level: number }];
    const rows: NewDelivery[] = [
      { pageId: page.id, targetId: target.id, channel: 'inapp', level: level + 1, purpose: 'duty_alert', address: rooms.role('sidpc') },
    ];
    if (officers.length) {
      rows.push({
        pageId: page.id,
        targetId: target.id,
        channel: 'email',
        level: level + 1,
        purpose: 'duty_alert',
        address: officers.map((o) => o.email).join(', '),
      });
    }
    const deliveries: DeliveryRef[] = await insertDeliveries(m, rows, page.severity);
    await m.update(PageTarget, { id: target.id }, { escalationLevel: 3, generation: target.generation + 1, nextEscalationAt: null });
    await this.log(tx, page, escalationText(page.title, target.name, 'duty_officers'));
    return { pageId: page.id, deliveries, timers: [] as EscalationTimer[], outcome: 'duty_officers' as const };
  }

  private async log(tx: Tx, page: Page, text: string): Promise<void> {
    if (!page.crisisId) return;
    await this.logbook.appendIn(tx, page.crisisId, { text, category: 'action', cellule: 'operations', source: 'system' }, { id: null });
  }
}
