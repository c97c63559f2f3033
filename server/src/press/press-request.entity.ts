import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PressRequestStatus } from '../contracts/press';

/** A journalist's request (question, interview), logged, assigned and answered before its deadline. */
@Entity()
@Index(['status', 'deadline'])
export class PressRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The journalist in the directory, when known. */
  @Column({ type: 'uuid', nullable: true })
  contactId!: string | null;

  @Column({ type: 'text' })
  journalistName!: string;

  @Column({ type: 'text' })
  media!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  /** Interlocuteur désigné. */
  @Column({ type: 'text', nullable: true })
  spokesperson!: string | null;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'text', default: 'recue' })
  status!: PressRequestStatus;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'text' })
  createdByName!: string;
}
