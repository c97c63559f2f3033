import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { OfficialFunction } from '../contracts/territory';
import type { VisitKind, VisitStatus } from '../contracts/press';

/** A ministerial visit or a trip of the préfet / a sous-préfet. */
@Entity()
@Index(['startsAt', 'endsAt'])
export class Visit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: VisitKind;

  /** Who comes: « M. le ministre de l’Intérieur », « M. le préfet ». */
  @Column({ type: 'text' })
  authority!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  /** INSEE codes of the communes visited. */
  @Column({ type: 'text', array: true })
  communes!: string[];

  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Column({ type: 'text', default: 'previsionnelle' })
  status!: VisitStatus;

  @Column({ type: 'text', nullable: true })
  security!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'text', nullable: true })
  guests!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One sequence of the minute-by-minute programme. */
@Entity()
export class VisitSequence {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Visit, { onDelete: 'CASCADE' })
  visit!: Visit;

  @Index()
  @Column({ type: 'uuid' })
  visitId!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  place!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  participants!: string | null;

  @Column({ type: 'text' })
  press!: 'ouverte' | 'fermee';

  @Column({ type: 'text', nullable: true })
  dress!: string | null;
}

/** « Informé le » tick for one elected official of a visit. */
@Entity()
export class VisitOfficialNotice {
  @PrimaryColumn({ type: 'uuid' })
  visitId!: string;

  @PrimaryColumn({ type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => Visit, { onDelete: 'CASCADE' })
  visit!: Visit;

  @Column({ type: 'text' })
  function!: OfficialFunction;

  @Column({ type: 'timestamptz' })
  informedAt!: Date;

  @Column({ type: 'uuid' })
  informedBy!: string;

  @Column({ type: 'text' })
  informedByName!: string;
}
