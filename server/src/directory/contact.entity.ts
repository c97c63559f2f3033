import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Contact as ContactDto } from '../contracts/paging';
import { Canton } from '../reference/canton.entity';
import { Circonscription } from '../reference/circonscription.entity';
import { Commune } from '../reference/commune.entity';
import { User } from '../users/user.entity';
import { Service } from './service.entity';

/**
 * Someone the préfecture pages: a mayor, a deputy, a service's duty officer... Never deleted
 * (pages keep pointing at them): deactivated. Personal data: read roles only.
 */
@Entity()
@Index(['communeInsee'])
@Index(['serviceId'])
@Index('UQ_contact_email', ['email'], { unique: true, where: 'email IS NOT NULL' })
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  function!: ContactDto['function'];

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @ManyToOne(() => Service, { nullable: true, onDelete: 'RESTRICT' })
  service!: Service | null;

  @Column({ type: 'uuid', nullable: true })
  serviceId!: string | null;

  /** For mayors, deputies and PCS referents. */
  @ManyToOne(() => Commune, { nullable: true, onDelete: 'RESTRICT' })
  commune!: Commune | null;

  @Column({ type: 'text', nullable: true })
  communeInsee!: string | null;

  /** For departmental councillors: their canton. */
  @ManyToOne(() => Canton, { nullable: true, onDelete: 'RESTRICT' })
  canton!: Canton | null;

  @Column({ type: 'text', nullable: true })
  cantonCode!: string | null;

  /** For deputies: their legislative circonscription. */
  @ManyToOne(() => Circonscription, { nullable: true, onDelete: 'RESTRICT' })
  circonscription!: Circonscription | null;

  @Column({ type: 'text', nullable: true })
  circonscriptionCode!: string | null;

  /** E.164 (`+33…`). */
  @Column({ type: 'text', nullable: true })
  mobile!: string | null;

  /** E.164 (`+33…`). */
  @Column({ type: 'text', nullable: true })
  landline!: string | null;

  /** Stored lower-case; unique among contacts. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Vigie account, for in-app and web-push delivery. */
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  user!: User | null;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  /** Who to page next when this contact does not acknowledge. */
  @ManyToOne(() => Contact, { nullable: true, onDelete: 'SET NULL' })
  deputyContact!: Contact | null;

  @Column({ type: 'uuid', nullable: true })
  deputyContactId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** 1 at creation, +1 on every change; PATCH must quote the current one. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
