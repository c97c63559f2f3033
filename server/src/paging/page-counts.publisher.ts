import { Injectable, OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';
import { JobHandlers } from '../queue/job-handlers';
import { countsFor, pageAudience, sameCounts, toSummary } from './page-views';
import { Page } from './page.entity';

/**
 * Publishes `page.updated` for a page when its counters changed since the last publication.
 * Runs as the debounced `paging.counts` job (see PageDispatcher.touchCounts): state changes
 * never write the event themselves, so 3,000 deliveries changing state three times each give
 * a handful of events per second, each with the counters of that moment. The page row is
 * locked while comparing, so two publications never race.
 */
@Injectable()
export class PageCountsPublisher implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.handlers.register('paging.counts', (p) => this.publish(p.pageId));
  }

  /** True when an event was written. */
  publish(pageId: string): Promise<boolean> {
    return this.tx.run(async (tx) => {
      const page = await tx.manager.findOne(Page, { where: { id: pageId }, lock: { mode: 'for_no_key_update' } });
      if (!page) return false;
      const counts = (await countsFor(tx.manager, [pageId])).get(pageId)!;
      if (sameCounts(page.publishedCounts, counts)) return false;
      await tx.manager.update(Page, { id: pageId }, { publishedCounts: counts });
      tx.emit('page.updated', toSummary(page, counts), pageAudience());
      return true;
    });
  }
}
