import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Task as TaskDto, TaskStatus } from '../contracts/crisis';
import { Crisis } from '../crises/crisis.entity';
import { Service } from '../directory/service.entity';

/** A request to a service (demande de concours / mission) within a crisis. */
@Entity()
@Index(['crisisId', 'createdAt'])
// what the overdue scan looks for: open, due, not yet reported
@Index('IDX_task_overdue_scan', ['dueAt'], {
  where: `overdue_notified_at IS NULL AND status IN ('requested', 'acknowledged', 'in_progress')`,
})
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Crisis, { onDelete: 'RESTRICT' })
  crisis!: Crisis;

  @Column({ type: 'uuid' })
  crisisId!: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service!: Service;

  @Index()
  @Column({ type: 'uuid' })
  serviceId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @Column({ type: 'text' })
  priority!: TaskDto['priority'];

  @Column({ type: 'text', default: 'requested' })
  status!: TaskStatus;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** The incident the task answers, if any (no foreign key: not checked for now). */
  @Column({ type: 'uuid', nullable: true })
  incidentId!: string | null;

  /** Copied from the crisis: an exercise task is marked EXERCICE everywhere. */
  @Column({ type: 'boolean' })
  exercise!: boolean;

  /** +1 on every transition. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** Set once the overdue scan has reported the task (it is reported once). */
  @Column({ type: 'timestamptz', nullable: true })
  overdueNotifiedAt!: Date | null;
}

/** History of a task's statuses: its creation (from null) and every transition. */
@Entity()
export class TaskTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  task!: Task;

  @Index()
  @Column({ type: 'uuid' })
  taskId!: string;

  @Column({ type: 'text', nullable: true })
  from!: TaskStatus | null;

  @Column({ type: 'text' })
  to!: TaskStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The user who made the change. */
  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
