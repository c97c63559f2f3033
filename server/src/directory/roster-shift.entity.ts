import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Contact } from './contact.entity';
import { Service } from './service.entity';

/** One duty slot of a service's astreinte: `contact` is on duty from `start` to `end` (excluded). */
@Entity()
@Index(['serviceId', 'start', 'end'])
@Check('CHK_roster_shift_period', '"end" > "start"')
@Check('CHK_roster_shift_rank', '"rank" BETWEEN 1 AND 20')
export class RosterShift {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service!: Service;

  @Column({ type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => Contact, { onDelete: 'RESTRICT' })
  contact!: Contact;

  @Column({ type: 'uuid' })
  contactId!: string;

  @Column({ type: 'timestamptz' })
  start!: Date;

  @Column({ type: 'timestamptz' })
  end!: Date;

  /** Replaces the regular shifts of its rank while it lasts. */
  @Column({ type: 'boolean', default: false })
  override!: boolean;

  /** 1 = paged first; higher ranks are reached by escalation. */
  @Column({ type: 'int', default: 1 })
  rank!: number;

  /** Null for seeded shifts. */
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
