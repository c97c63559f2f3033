import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { DISTINCTIONS, type DossierDto } from '../contracts/honours';
import { TransactionRunner } from '../database/transaction';
import { JobHandlers } from '../queue/job-handlers';
import { QueueService } from '../queue/queue.service';
import { personKey } from './dossier-mapping';
import { FINAL_STATUSES } from './dossier-transitions';
import { DossiersService } from './dossiers.service';
import { HonoursCeremony, HonoursDossier } from './honours.entity';
import { HonoursRulesService } from './rules.service';

export const RETENTION_PURGE_EVERY_MS = 24 * 3600_000;

export interface PersonExport {
  exportedAt: string;
  person: { lastName: string; firstName: string; birthDate: string };
  dossiers: DossierDto[];
  ceremonies: { id: string; title: string; date: string; place: string }[];
}

/**
 * RGPD: closed dossiers are deleted once their state's retention period (rule table, per
 * distinction) has run, by a daily job; a person's data can be exported on request.
 */
@Injectable()
export class HonoursRetentionService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Honours');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly rules: HonoursRulesService,
    private readonly dossiers: DossiersService,
    private readonly handlers: JobHandlers,
    private readonly queues: QueueService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  onModuleInit(): void {
    this.handlers.register('honours.retention-purge', () => this.purge(new Date()));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue('system')
      .upsertJobScheduler(
        'honours-retention',
        { every: RETENTION_PURGE_EVERY_MS },
        { name: 'honours.retention-purge', data: {} },
      );
  }

  /** Deletes the closed dossiers past their retention (with their history); returns how many. */
  purge(now: Date): Promise<number> {
    return this.tx.run(async ({ manager: m }) => {
      const today = now.toISOString().slice(0, 10);
      let purged = 0;
      for (const distinction of DISTINCTIONS) {
        const { rules } = await this.rules.at(m, distinction, today).catch(() => ({ rules: null }));
        if (!rules) continue;
        for (const [status, years] of Object.entries(rules.retentionYears)) {
          if (!(FINAL_STATUSES as readonly string[]).includes(status)) continue;
          const rows = (await m.query(
            `DELETE FROM honours_dossier WHERE distinction = $1 AND status = $2
             AND status_since < ($3::timestamptz - make_interval(months => $4::int)) RETURNING id`,
            [distinction, status, now.toISOString(), Math.round(years * 12)],
          )) as [{ id: string }[], number];
          const ids = rows[0].map((r) => r.id);
          if (ids.length)
            await m.query(
              'UPDATE honours_ceremony SET dossier_ids = array(SELECT unnest(dossier_ids) EXCEPT SELECT unnest($1::uuid[]))',
              [ids],
            );
          purged += ids.length;
        }
      }
      if (purged) this.logger.log(`retention: deleted ${purged} closed honours dossiers`);
      return purged;
    });
  }

  /** Everything Vigie holds about one person (droit d'accès). */
  async exportPerson(person: PersonExport['person'], user: AuthUser): Promise<PersonExport> {
    const rows = await this.manager.find(HonoursDossier, {
      where: { personKey: personKey(person) },
      order: { createdAt: 'ASC' },
    });
    if (rows.length === 0) throw AppError.notFound('Person');
    const dossiers = await Promise.all(rows.map((d) => this.dossiers.dto(this.manager, d, user)));
    const ceremonies = (
      await this.manager
        .createQueryBuilder(HonoursCeremony, 'c')
        .where('c.dossier_ids && :ids::uuid[]', { ids: rows.map((r) => r.id) })
        .getMany()
    ).map((c) => ({ id: c.id, title: c.title, date: c.date.toISOString(), place: c.place }));
    return { exportedAt: new Date().toISOString(), person, dossiers, ceremonies };
  }
}
