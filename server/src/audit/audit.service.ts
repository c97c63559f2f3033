import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export type AuditRecord = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditQuery {
  actorId?: string;
  action?: string;
  before?: string;
  limit: number;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(entry: AuditRecord): Promise<void> {
    try {
      await this.entries.insert(entry as Parameters<Repository<AuditEntry>['insert']>[0]);
    } catch (e) {
      // never lose the trace silently: it goes to the structured log at least
      this.logger.error({ audit: entry, err: e }, 'audit entry could not be written');
    }
  }

  /** Newest first; `before` is an entry id for paging. */
  list(query: AuditQuery): Promise<AuditEntry[]> {
    const qb = this.entries.createQueryBuilder('a').orderBy('a.id', 'DESC').limit(query.limit);
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.before) qb.andWhere('a.id < :before', { before: query.before });
    return qb.getMany();
  }
}
