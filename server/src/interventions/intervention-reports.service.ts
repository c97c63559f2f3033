import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { addDays, mondayOf, parisDate } from '../common/workflow/calendar';
import { Clock } from '../common/workflow/clock';
import type {
  CreateLetterInput,
  InterventionDetail,
  Intervention as InterventionDto,
  InterventionStats,
  OfficialSheet,
} from '../contracts/interventions';
import { TransactionRunner } from '../database/transaction';
import { OFFICIAL_FUNCTIONS } from '../contracts/territory';
import { Contact } from '../directory/contact.entity';
import { OPEN_STATUSES } from './intervention-dto';
import {
  renderLetter,
  renderWeeklyCsv,
  renderWeeklyPdf,
  type WeeklyList,
  type WeeklyRow,
} from './intervention-documents';
import { Intervention, InterventionLetter } from './intervention.entity';
import { interventionActor } from './intervention-workflow';
import { InterventionsService } from './interventions.service';

export interface FileDownload {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Which date column each letter stamps (the first time it is produced). */
const LETTER_STAMP = {
  accuse_reception: 'ackSentOn',
  reponse_attente: 'holdingReplySentOn',
  reponse_definitive: 'finalReplySentOn',
} as const;

/** Letters, the weekly list for the prefect's meeting, statistics and the « fiche élu ». */
@Injectable()
export class InterventionReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly interventions: InterventionsService,
    private readonly clock: Clock,
  ) {}

  /** Records a letter (stamping the AR / holding reply date) and returns the intervention. */
  createLetter(id: string, input: CreateLetterInput, user: AuthUser): Promise<InterventionDetail> {
    return this.tx.run(async (tx) => {
      const item = await this.interventions.lockVisible(tx.manager, id, user);
      if (interventionActor(user, item) !== 'cabinet')
        throw new AppError('forbidden', 'Only the Cabinet writes letters');
      if (input.kind === 'reponse_definitive' && item.status !== 'repondue')
        throw new AppError(
          'conflict',
          'Record the final reply (status repondue) before its letter',
          [{ path: 'kind', message: `status is ${item.status}` }],
        );
      if (input.kind !== 'reponse_definitive' && !OPEN_STATUSES.includes(item.status))
        throw new AppError('conflict', 'The intervention is closed', [
          { path: 'kind', message: item.status },
        ]);
      const stamp = LETTER_STAMP[input.kind];
      if (!item[stamp]) item[stamp] = parisDate(this.clock.now());
      item.version += 1;
      await tx.manager.save(item);
      await tx.manager.insert(InterventionLetter, {
        interventionId: item.id,
        kind: input.kind,
        body: input.body || null,
        createdBy: user.id,
        createdByName: user.displayName,
      });
      this.interventions.emitChanged(tx, 'intervention.updated', item);
      return this.interventions.detailIn(tx.manager, item.id, user);
    });
  }

  async letterPdf(id: string, letterId: string, user: AuthUser): Promise<FileDownload> {
    const manager = this.dataSource.manager;
    const detail = await this.interventions.detailIn(manager, id, user);
    const letter = await manager.findOneBy(InterventionLetter, {
      id: letterId,
      interventionId: id,
    });
    if (!letter) throw AppError.notFound('Letter');
    const item = await manager.findOneOrFail(Intervention, {
      where: { id },
      relations: { official: true },
    });
    const content = await renderLetter({
      kind: letter.kind,
      date: parisDate(letter.createdAt),
      intervention: detail,
      official: { name: item.official.name, title: item.official.title },
      body: letter.body,
    });
    return {
      filename: `${detail.reference}-${letter.kind}.pdf`,
      contentType: 'application/pdf',
      content,
    };
  }

  /**
   * The prefect's weekly list: overdue first, then due this week or next, received this week,
   * answered this week, and the rest of the open ones.
   */
  async weekly(week: string | undefined, user: AuthUser): Promise<WeeklyList> {
    const now = this.clock.now();
    const monday = mondayOf(week ?? parisDate(now));
    const sunday = addDays(monday, 6);
    const { data } = await this.interventions.list({}, user);
    const rows: WeeklyRow[] = [];
    const situation = (i: InterventionDto): string | null => {
      const open = OPEN_STATUSES.includes(i.status);
      if (open && i.dueState === 'overdue') return 'En retard';
      if (i.receivedOn >= monday && i.receivedOn <= sunday) return 'Reçue dans la semaine';
      if (i.finalReplySentOn && i.finalReplySentOn >= monday && i.finalReplySentOn <= sunday)
        return 'Répondue dans la semaine';
      if (open && i.dueDate && i.dueDate <= addDays(sunday, 7)) return 'Échéance proche';
      if (open) return 'En cours';
      return null;
    };
    const order = [
      'En retard',
      'Échéance proche',
      'Reçue dans la semaine',
      'En cours',
      'Répondue dans la semaine',
    ];
    for (const item of data) {
      const s = situation(item);
      if (s) rows.push({ situation: s, item });
    }
    rows.sort((a, b) => order.indexOf(a.situation) - order.indexOf(b.situation));
    return { week: monday, generatedAt: now, rows };
  }

  async weeklyFile(
    week: string | undefined,
    format: 'pdf' | 'csv',
    user: AuthUser,
  ): Promise<FileDownload> {
    const list = await this.weekly(week, user);
    const filename = `interventions-semaine-${list.week}.${format}`;
    if (format === 'csv')
      return { filename, contentType: 'text/csv; charset=utf-8', content: renderWeeklyCsv(list) };
    return { filename, contentType: 'application/pdf', content: await renderWeeklyPdf(list) };
  }

  async stats(user: AuthUser): Promise<InterventionStats> {
    const { data } = await this.interventions.list({}, user);
    const open = data.filter((i) => OPEN_STATUSES.includes(i.status));
    const overdue = open.filter((i) => i.dueState === 'overdue');
    const byService = new Map<string, InterventionStats['byService'][number]>();
    for (const i of open) {
      const key = i.serviceId ?? '';
      const row = byService.get(key) ?? {
        serviceId: i.serviceId,
        serviceName: i.serviceName ?? 'Au Cabinet (non transmises)',
        open: 0,
        overdue: 0,
      };
      row.open++;
      if (i.dueState === 'overdue') row.overdue++;
      byService.set(key, row);
    }
    const byOfficial = new Map<string, InterventionStats['byOfficial'][number]>();
    for (const i of data) {
      if (!i.official) continue;
      const row = byOfficial.get(i.official.id) ?? {
        officialId: i.official.id,
        name: i.official.name,
        open: 0,
        total: 0,
      };
      row.total++;
      if (OPEN_STATUSES.includes(i.status)) row.open++;
      byOfficial.set(i.official.id, row);
    }
    const byTheme = new Map<InterventionDto['theme'], number>();
    for (const i of data) byTheme.set(i.theme, (byTheme.get(i.theme) ?? 0) + 1);
    return {
      open: open.length,
      overdue: overdue.length,
      averageAnswerDays: InterventionsService.averageAnswerDays(data),
      byService: [...byService.values()].sort((a, b) => b.open - a.open),
      byOfficial: [...byOfficial.values()].sort((a, b) => b.total - a.total).slice(0, 20),
      byTheme: [...byTheme.entries()]
        .map(([theme, total]) => ({ theme, total }))
        .sort((a, b) => b.total - a.total),
    };
  }

  /** « Fiche élu »: the official and every intervention they made, before a meeting. */
  async officialSheet(contactId: string, user: AuthUser): Promise<OfficialSheet> {
    const contact = await this.dataSource.manager.findOneBy(Contact, { id: contactId });
    if (!contact) throw AppError.notFound('Official');
    const { data } = await this.interventions.list({ officialId: contactId }, user);
    const open = data.filter((i) => OPEN_STATUSES.includes(i.status));
    return {
      official: {
        id: contact.id,
        name: contact.name,
        function: contact.function,
        title: contact.title,
        communeInsee: contact.communeInsee,
        email: contact.email,
        mobile: contact.mobile,
      },
      counts: {
        total: data.length,
        open: open.length,
        overdue: open.filter((i) => i.dueState === 'overdue').length,
        favorable: data.filter((i) => i.outcome === 'favorable').length,
        defavorable: data.filter((i) => i.outcome === 'defavorable').length,
      },
      averageAnswerDays: InterventionsService.averageAnswerDays(data),
      interventions: data.sort((a, b) => b.receivedOn.localeCompare(a.receivedOn)),
    };
  }

  /** Active elected officials of the directory whose name, title or commune matches `q` (2+ letters). */
  async searchOfficials(
    q: string,
  ): Promise<
    {
      id: string;
      name: string;
      function: string;
      title: string | null;
      communeInsee: string | null;
    }[]
  > {
    const like = `%${q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const rows = await this.dataSource.manager
      .createQueryBuilder(Contact, 'c')
      .leftJoin('c.commune', 'm')
      .where('c.active AND c.function IN (:...functions)', { functions: OFFICIAL_FUNCTIONS })
      .andWhere('(c.name ILIKE :like OR c.title ILIKE :like OR m.name ILIKE :like)', { like })
      .orderBy('c.name')
      .take(20)
      .getMany();
    return rows.map((c) => ({
      id: c.id,
      name: c.name,
      function: c.function,
      title: c.title,
      communeInsee: c.communeInsee,
    }));
  }

  /** Officials who made interventions (for the « fiche élu » picker), most active first. */
  async officials(
    user: AuthUser,
  ): Promise<
    { id: string; name: string; function: string; title: string | null; total: number }[]
  > {
    const { data } = await this.interventions.list({}, user);
    const counts = new Map<
      string,
      { id: string; name: string; function: string; title: string | null; total: number }
    >();
    for (const i of data) {
      if (!i.official) continue;
      const row = counts.get(i.official.id) ?? { ...i.official, total: 0 };
      row.total++;
      counts.set(i.official.id, row);
    }
    return [...counts.values()]
      .map(({ id, name, function: fn, title, total }) => ({ id, name, function: fn, title, total }))
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  }
}
