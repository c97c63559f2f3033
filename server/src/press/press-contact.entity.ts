import { Column, Entity, OneToOne, JoinColumn, PrimaryColumn } from 'typeorm';
import type { MediaType } from '../contracts/press';
import { Contact } from '../directory/contact.entity';

/** What the press office knows of a journalist, beside their directory contact (function `journaliste`). */
@Entity()
export class PressContactProfile {
  @PrimaryColumn({ type: 'uuid' })
  contactId!: string;

  @OneToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn()
  contact!: Contact;

  @Column({ type: 'text' })
  media!: string;

  @Column({ type: 'text' })
  mediaType!: MediaType;

  /** Rubriques (sécurité, agriculture, santé…). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  beats!: string[];

  /** RGPD: the journalist agreed to receive the préfecture's communiqués. */
  @Column({ type: 'boolean', default: false })
  consent!: boolean;

  @Column({ type: 'date', nullable: true })
  consentAt!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
