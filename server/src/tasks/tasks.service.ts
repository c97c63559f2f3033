import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { Task as TaskDto } from '../contracts/crisis';
import { taskAudience } from '../crises/audience';
import type { Crisis } from '../crises/crisis.entity';
import { CrisesService } from '../crises/crises.service';
import { TransactionRunner } from '../database/transaction';
import { Service } from '../directory/service.entity';
import { LogbookService } from '../logbook/logbook.service';
import { Task, TaskTransition } from './task.entity';
import { liaisonCellule, taskCreatedText, taskOverdueText, taskTransitionText } from './task-texts';
import {
  checkTaskTransition,
  OPEN_TASK_STATUSES,
  type TaskTarget,
  taskActor,
  taskScope,
} from './task-transitions';
import type { CreateTaskInput, ListTasksQuery, TaskTransitionInput } from './tasks.dto';

/** Timestamp column set by each transition. */
const STAMP: Record<TaskTarget, 'acknowledgedAt' | 'startedAt' | 'doneAt' | 'cancelledAt'> = {
  acknowledged: 'acknowledgedAt',
  in_progress: 'startedAt',
  done: 'doneAt',
  cancelled: 'cancelledAt',
};

/** Tasks reported by one overdue scan at most; the next scan takes the rest. */
const OVERDUE_BATCH = 200;

/** Author of the main courante lines Vigie writes on its own. */
const SYSTEM_AUTHOR = { id: null, name: 'Vigie' };

export function isOverdue(task: Pick<Task, 'status' | 'dueAt'>, now: Date): boolean {
  return task.dueAt !== null && task.dueAt < now && OPEN_TASK_STATUSES.includes(task.status);
}

export function toTaskDto(
  task: Task,
  serviceName: string,
  history: TaskTransition[],
  now: Date,
): TaskDto {
  return {
    id: task.id,
    crisisId: task.crisisId,
    serviceId: task.serviceId,
    serviceName,
    title: task.title,
    details: task.details,
    priority: task.priority,
    status: task.status,
    dueAt: task.dueAt?.toISOString() ?? null,
    overdue: isOverdue(task, now),
    incidentId: task.incidentId,
    exercise: task.exercise,
    version: task.version,
    createdBy: task.createdBy,
    createdAt: task.createdAt.toISOString(),
    acknowledgedAt: task.acknowledgedAt?.toISOString() ?? null,
    startedAt: task.startedAt?.toISOString() ?? null,
    doneAt: task.doneAt?.toISOString() ?? null,
    cancelledAt: task.cancelledAt?.toISOString() ?? null,
    history: history.map((h) => ({
      to: h.to,
      at: h.at.toISOString(),
      by: h.by,
      byName: h.byName,
      note: h.note,
    })),
  };
}

/**
 * Demandes de concours: requests to services, their state machine, their main courante lines
 * and the overdue scan. A liaison officer sees and moves their own service's tasks only.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    private readonly tx: TransactionRunner,
    private readonly crises: CrisesService,
    private readonly logbook: LogbookService,
  ) {}

  create(input: CreateTaskInput, user: AuthUser): Promise<TaskDto> {
    return this.tx.run(async (tx) => {
      const crisis = await this.openCrisis(tx.manager, input.crisisId);
      const service = await tx.manager.findOne(Service, { where: { id: input.serviceId } });
      if (!service) {
        throw new AppError('validation', 'Unknown service', [
          { path: 'serviceId', message: 'no such service in the directory' },
        ]);
      }
      const task = await tx.manager.save(
        tx.manager.create(Task, {
          crisisId: crisis.id,
          serviceId: service.id,
          title: input.title,
          details: input.details ?? null,
          priority: input.priority,
          status: 'requested',
          dueAt: input.dueAt ? new Date(input.dueAt) : null,
          incidentId: input.incidentId ?? null,
          exercise: crisis.exercise,
          version: 1,
          createdBy: user.id,
        }),
      );
      const created = await tx.manager.save(
        tx.manager.create(TaskTransition, {
          taskId: task.id,
          from: null,
          to: 'requested',
          at: task.createdAt,
          by: user.id,
          byName: user.displayName,
          note: null,
        }),
      );
      const now = new Date();
      await this.logbook.appendIn(
        tx,
        crisis.id,
        {
          text: taskCreatedText(task, service.name, now),
          category: 'demande',
          cellule: 'operations',
          taskId: task.id,
          incidentId: task.incidentId ?? undefined,
          source: 'system',
        },
        { id: user.id, name: user.displayName },
      );
      const dto = toTaskDto(task, service.name, [created], now);
      tx.emit('task.created', dto, taskAudience(service.id));
      return dto;
    });
  }

  /** `{data, seq}`: the tasks the user may see, newest first, and the outbox head they were read at. */
  list(query: ListTasksQuery, user: AuthUser): Promise<{ data: TaskDto[]; seq: number }> {
    const scope = taskScope(user);
    return this.tx.snapshot(async (manager) => {
      if (
        scope &&
        (scope.serviceId === null || (query.serviceId && query.serviceId !== scope.serviceId))
      )
        return [];
      const where: FindOptionsWhere<Task> = {};
      if (query.crisisId) where.crisisId = query.crisisId;
      if (query.status) where.status = query.status;
      const serviceId = scope?.serviceId ?? query.serviceId;
      if (serviceId) where.serviceId = serviceId;
      const tasks = await manager.find(Task, {
        where,
        relations: { service: true },
        order: { createdAt: 'DESC', id: 'ASC' },
      });
      return this.toDtos(manager, tasks);
    });
  }

  async get(id: string, user: AuthUser): Promise<TaskDto> {
    const task = await this.tasks.findOne({ where: { id }, relations: { service: true } });
    if (!task || !visibleTo(task, user)) throw AppError.notFound('Task');
    const [dto] = await this.toDtos(this.tasks.manager, [task]);
    return dto;
  }

  /**
   * Moves a task along its state machine: stamped, recorded in its history, written to the
   * main courante and published as `task.updated`, in one transaction.
   */
  transition(id: string, input: TaskTransitionInput, user: AuthUser): Promise<TaskDto> {
    return this.tx.run(async (tx) => {
      const task = await tx.manager.findOne(Task, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      // another service's task is not revealed to a liaison officer
      if (!task || !visibleTo(task, user)) throw AppError.notFound('Task');
      const actor = taskActor(user, task.serviceId);
      if (!actor)
        throw new AppError(
          'forbidden',
          'Only the COD or the liaison officer of the service may move this task',
        );
      const check = checkTaskTransition(task.status, input.to, actor);
      if (!check.ok) throw new AppError(check.code, check.message, check.details);
      await this.openCrisis(tx.manager, task.crisisId);
      const service = await tx.manager.findOneOrFail(Service, { where: { id: task.serviceId } });
      const now = new Date();
      const from = task.status;
      task.status = input.to;
      task[STAMP[input.to]] = now;
      task.version += 1;
      await tx.manager.save(task);
      await tx.manager.insert(TaskTransition, {
        taskId: task.id,
        from,
        to: input.to,
        at: now,
        by: user.id,
        byName: user.displayName,
        note: input.note || null,
      });
      await this.logbook.appendIn(
        tx,
        task.crisisId,
        {
          text: taskTransitionText(input.to, task.title, service.name, input.note),
          category: 'action',
          cellule: actor === 'liaison' ? liaisonCellule(service.code) : 'operations',
          taskId: task.id,
          incidentId: task.incidentId ?? undefined,
          source: 'system',
        },
        { id: user.id, name: user.displayName },
      );
      const history = await this.histories(tx.manager, [task.id]);
      const dto = toTaskDto(task, service.name, history.get(task.id) ?? [], now);
      tx.emit('task.updated', dto, taskAudience(task.serviceId));
      return dto;
    });
  }

  /**
   * Reports the open tasks of open crises past their due time, once each: stamps them, writes
   * a main courante line and publishes `task.overdue`. Returns how many it reported. Rows
   * another scan or a transition holds are skipped (the next scan sees them).
   */
  scanOverdue(): Promise<number> {
    return this.tx.run(async (tx) => {
      const rows = (await tx.manager.query(
        `SELECT t.id FROM task t JOIN crisis c ON c.id = t.crisis_id
         WHERE t.overdue_notified_at IS NULL AND t.status = ANY($1) AND t.due_at < now() AND c.status = 'open'
         ORDER BY t.due_at LIMIT $2
         FOR UPDATE OF t SKIP LOCKED`,
        [OPEN_TASK_STATUSES, OVERDUE_BATCH],
      )) as { id: string }[];
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      const now = new Date();
      await tx.manager.update(Task, { id: In(ids) }, { overdueNotifiedAt: now });
      // one crisis after the other: concurrent scans take the main courante locks in the same order
      const tasks = await tx.manager.find(Task, {
        where: { id: In(ids) },
        relations: { service: true },
        order: { crisisId: 'ASC', dueAt: 'ASC' },
      });
      const histories = await this.histories(tx.manager, ids);
      for (const task of tasks) {
        await this.logbook.appendIn(
          tx,
          task.crisisId,
          {
            text: taskOverdueText(task.title, task.service.name, task.dueAt!, now),
            category: 'information',
            cellule: 'operations',
            taskId: task.id,
            incidentId: task.incidentId ?? undefined,
            source: 'system',
          },
          SYSTEM_AUTHOR,
        );
        const dto = toTaskDto(task, task.service.name, histories.get(task.id) ?? [], now);
        tx.emit('task.overdue', { ...dto, overdue: true }, taskAudience(task.serviceId));
      }
      return tasks.length;
    });
  }

  /** Open and overdue tasks of a crisis, for its summary (read in the caller's snapshot). */
  async counts(
    manager: EntityManager,
    crisisId: string,
  ): Promise<{ open: number; overdue: number }> {
    const [row] = (await manager.query(
      `SELECT count(*) AS open, count(*) FILTER (WHERE due_at < now()) AS overdue
       FROM task WHERE crisis_id = $1 AND status = ANY($2)`,
      [crisisId, OPEN_TASK_STATUSES],
    )) as [{ open: string; overdue: string }];
    return { open: Number(row.open), overdue: Number(row.overdue) };
  }

  /** The crisis, share-locked against closing while a task changes; 404 if absent, 409 if closed. */
  private async openCrisis(manager: EntityManager, crisisId: string): Promise<Crisis> {
    const crisis = await this.crises.require(manager, crisisId, { lock: true });
    if (crisis.status !== 'open') {
      throw new AppError('conflict', 'This crisis is closed', [
        { path: 'crisisId', message: 'closed' },
      ]);
    }
    return crisis;
  }

  private async toDtos(manager: EntityManager, tasks: Task[]): Promise<TaskDto[]> {
    const histories = await this.histories(
      manager,
      tasks.map((t) => t.id),
    );
    const now = new Date();
    return tasks.map((t) => toTaskDto(t, t.service.name, histories.get(t.id) ?? [], now));
  }

  private async histories(
    manager: EntityManager,
    taskIds: string[],
  ): Promise<Map<string, TaskTransition[]>> {
    const byTask = new Map<string, TaskTransition[]>();
    if (taskIds.length === 0) return byTask;
    const rows = await manager.find(TaskTransition, {
      where: { taskId: In(taskIds) },
      order: { id: 'ASC' },
    });
    for (const row of rows) {
      const list = byTask.get(row.taskId) ?? [];
      list.push(row);
      byTask.set(row.taskId, list);
    }
    return byTask;
  }
}

/** Whether the user may know the task exists (a liaison officer: their service's only). */
function visibleTo(task: Pick<Task, 'serviceId'>, user: AuthUser): boolean {
  const scope = taskScope(user);
  return !scope || scope.serviceId === task.serviceId;
}
