import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Commune } from '../reference/commune.entity';
import type {
  Circonscription,
  ElectionSystem,
  ElectionType,
  ScrutinStatus,
} from '../contracts/elections';

/** One round of one election (a round two is a scrutin of its own, linked to its first round). */
@Entity('election_scrutin')
export class Scrutin {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  type!: ElectionType;

  /** The voting system (the type itself, or the system of a by-election). */
  @Column({ type: 'text' })
  system!: ElectionSystem;

  @Column({ type: 'text' })
  label!: string;

  /** Polling day. */
  @Index()
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'uuid', nullable: true })
  firstRoundId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  previousScrutinId!: string | null;

  @Column({ type: 'text', default: 'preparation' })
  status!: ScrutinStatus;

  /** Circonscriptions concerned and their composition in communes. */
  @Column({ type: 'jsonb' })
  circonscriptions!: Circonscription[];

  @Column({ type: 'text' })
  openingTime!: string;

  @Column({ type: 'text' })
  closingTime!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  closingExceptions!: { communeInsee: string; closingTime: string }[];

  @Column({ type: 'text', array: true })
  turnoutSlots!: string[];

  @Column({ type: 'text', nullable: true })
  convocationRef!: string | null;

  /** Last receipt number issued (récépissés are numbered per scrutin). */
  @Column({ type: 'int', default: 0 })
  receiptCounter!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A bureau de vote for one scrutin, with the inscrits of the list extract. */
@Entity('election_bureau')
@Unique(['scrutinId', 'communeInsee', 'code'])
export class Bureau {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Scrutin, { onDelete: 'CASCADE' })
  scrutin!: Scrutin;

  @Index()
  @Column({ type: 'uuid' })
  scrutinId!: string;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_insee', referencedColumnName: 'insee' })
  commune!: Commune;

  @Column({ type: 'text' })
  communeInsee!: string;

  /** `0001` */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'boolean', default: false })
  centralisateur!: boolean;

  @Column({ type: 'int' })
  inscrits!: number;

  /** Code of the scrutin's circonscription the bureau votes in. */
  @Index()
  @Column({ type: 'text' })
  circonscription!: string;
}
