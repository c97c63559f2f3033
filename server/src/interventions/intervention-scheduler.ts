import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { parisDate } from '../common/workflow/calendar';
import { Clock } from '../common/workflow/clock';
import { pendingReminders, reminderLabel, type ReminderKind } from '../common/workflow/due-dates';
import type { InterventionReminderEvent } from '../contracts/interventions';
import { TransactionRunner } from '../database/transaction';
import { JobHandlers } from '../queue/job-handlers';
import { Intervention, InterventionReminder } from './intervention.entity';
import { InterventionRulesService } from './intervention-rules.service';
import { escalationAudience, interventionAudience } from './intervention-workflow';

export const INTERVENTIONS_SCAN_EVERY_MS = 15 * 60_000;
export const INTERVENTIONS_PURGE_EVERY_MS = 24 * 3600_000;
/** Interventions handled by one scan at most; the next scan takes the rest. */
const SCAN_BATCH = 500;

export interface ScanResult {
  reminded: number;
  escalated: number;
}

/**
 * Reminders of the interventions routed to a service: J-3 and due date to the service and the
 * Cabinet (`intervention.reminded`), the day after the due date an escalation to the director
 * (`intervention.escalated`). Each is sent once per due date (unique reminder row), whatever
 * the number of workers. Time comes from the injected Clock. Also purges closed interventions
 * past their retention period.
 */
@Injectable()
export class InterventionScheduler implements OnModuleInit {
  private readonly logger = new Logger('Interventions');

  constructor(
    private readonly handlers: JobHandlers,
    private readonly tx: TransactionRunner,
    private readonly rules: InterventionRulesService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register('interventions.reminder-scan', () => this.scan());
    this.handlers.register('interventions.purge', () => this.purge());
    this.handlers.every(
      'interventions-reminders',
      'interventions.reminder-scan',
      INTERVENTIONS_SCAN_EVERY_MS,
    );
    this.handlers.every('interventions-purge', 'interventions.purge', INTERVENTIONS_PURGE_EVERY_MS);
  }

  scan(): Promise<ScanResult> {
    return this.tx.run(async (tx) => {
      const now = this.clock.now();
      const rule = await this.rules.inForce(tx.manager, now);
      const plan = { daysBefore: rule.reminderDaysBefore };
      const window = Math.max(0, ...rule.reminderDaysBefore);
      // routed, waiting for the service, due within the reminder window (or past it)
      const rows = (await tx.manager.query(
        `SELECT i.id FROM intervention i
         WHERE i.status = 'transmise' AND i.due_date IS NOT NULL AND i.due_date - $1::int <= $2::date
         ORDER BY i.due_date, i.id LIMIT $3
         FOR UPDATE OF i SKIP LOCKED`,
        [window, parisDate(now), SCAN_BATCH],
      )) as { id: string }[];
      const result: ScanResult = { reminded: 0, escalated: 0 };
      if (rows.length === 0) return result;
      const items = await tx.manager.find(Intervention, {
        where: rows.map((r) => ({ id: r.id })),
        relations: { service: true },
        order: { dueDate: 'ASC', id: 'ASC' },
      });
      const sent = await tx.manager.find(InterventionReminder, {
        where: items.map((i) => ({ interventionId: i.id, dueDate: i.dueDate! })),
      });
      for (const item of items) {
        const already = sent
          .filter((s) => s.interventionId === item.id && s.dueDate === item.dueDate)
          .map((s) => s.kind as ReminderKind);
        for (const kind of pendingReminders(item.dueDate!, now, plan, already)) {
          const inserted = (await tx.manager.query(
            `INSERT INTO intervention_reminder (intervention_id, kind, due_date, sent_at)
             VALUES ($1, $2, $3, $4) ON CONFLICT ON CONSTRAINT "UQ_intervention_reminder" DO NOTHING RETURNING id`,
            [item.id, kind, item.dueDate, now],
          )) as unknown[];
          if (inserted.length === 0) continue;
          const event: InterventionReminderEvent = {
            id: item.id,
            reference: item.reference,
            kind,
            label: reminderLabel(kind),
            dueDate: item.dueDate!,
            serviceId: item.serviceId,
            serviceName: item.service?.name ?? null,
            subject: item.subject,
          };
          if (kind === 'overdue') {
            item.escalatedAt = now;
            await tx.manager.update(Intervention, { id: item.id }, { escalatedAt: now });
            tx.emit('intervention.escalated', event, escalationAudience());
            result.escalated++;
          } else {
            tx.emit('intervention.reminded', event, interventionAudience(item.serviceId));
            result.reminded++;
          }
        }
      }
      if (result.reminded + result.escalated > 0)
        this.logger.log(`sent ${result.reminded} reminders, ${result.escalated} escalations`);
      return result;
    });
  }

  /** Deletes the interventions closed longer ago than the retention period in force (with their history). */
  purge(): Promise<number> {
    return this.tx.run(async (tx) => {
      const now = this.clock.now();
      const rule = await this.rules.inForce(tx.manager, now);
      const limit = new Date(now);
      limit.setUTCFullYear(limit.getUTCFullYear() - rule.retentionYears);
      const result = await tx.manager.delete(Intervention, { closedAt: LessThan(limit) });
      const purged = result.affected ?? 0;
      if (purged)
        this.logger.log(`purged ${purged} interventions closed before ${limit.toISOString()}`);
      return purged;
    });
  }
}
