import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Contact } from './contact.entity';

/** A distribution list: pages to the group reach its active members. */
@Entity()
export class ContactGroup {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@Entity()
@Index(['contactId'])
export class ContactGroupMember {
  @PrimaryColumn({ type: 'uuid' })
  groupId!: string;

  @PrimaryColumn({ type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => ContactGroup, { onDelete: 'CASCADE' })
  group!: ContactGroup;

  @ManyToOne(() => Contact, { onDelete: 'RESTRICT' })
  contact!: Contact;
}
