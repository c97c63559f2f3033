import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type {
  AireKind,
  AireStatus,
  Compliance,
  GrandPassageStatus,
  HarmKind,
  SettlementAction,
  SettlementStatus,
  TravellersRuleKey,
} from '../contracts/travellers';
import { Commune } from '../reference/commune.entity';
import { Epci } from '../reference/epci.entity';

/** A legal value of the gens du voyage procedures, versioned by effective date. */
@Entity()
@Unique(['key', 'effectiveFrom'])
export class TravellersRule {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @Column({ type: 'text' })
  key!: TravellersRuleKey;

  @Column({
    type: 'numeric',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  value!: number;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  /** Marked [verify] in the domain notes: check against Légifrance. */
  @Column({ type: 'boolean', default: false })
  toConfirm!: boolean;

  @Column({ type: 'text' })
  source!: string;
}

/** A prescription of the schéma départemental for one EPCI and one kind of equipment. */
@Entity()
@Unique(['epciSiren', 'kind'])
export class SchemaPrescription {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Epci, { onDelete: 'RESTRICT' })
  epci!: Epci;

  /** EPCI SIREN (the territorial reference's `epci.siren`). */
  @Column({ type: 'text' })
  epciSiren!: string;

  @Column({ type: 'text' })
  epciName!: string;

  @Column({ type: 'text' })
  kind!: AireKind;

  @Column({ type: 'int' })
  placesPrescribed!: number;

  @Column({ type: 'int', nullable: true })
  dueYear!: number | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}

/** An aire d'accueil, de grand passage or a terrain familial. */
@Entity()
export class Aire {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ type: 'text' })
  kind!: AireKind;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  commune!: Commune;

  @Index()
  @Column({ type: 'text' })
  communeInsee!: string;

  @ManyToOne(() => Epci, { onDelete: 'RESTRICT' })
  epci!: Epci;

  @Index()
  @Column({ type: 'text' })
  epciSiren!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'double precision' })
  lon!: number;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ type: 'double precision', nullable: true })
  surfaceHa!: number | null;

  @Column({ type: 'text', nullable: true })
  manager!: string | null;

  @Column({ type: 'text', default: 'en_service' })
  status!: AireStatus;

  @Column({ type: 'int', nullable: true })
  openedYear!: number | null;
}

/** A temporary closure of an aire (works, mowing, health reasons). */
@Entity()
export class AireClosure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Aire, { onDelete: 'CASCADE' })
  aire!: Aire;

  @Index()
  @Column({ type: 'uuid' })
  aireId!: string;

  @Column({ type: 'date' })
  start!: string;

  /** Last day closed (inclusive). */
  @Column({ type: 'date' })
  end!: string;

  @Column({ type: 'text' })
  reason!: string;
}

/** Occupancy of an aire over one month, as its manager reports it. */
@Entity()
@Unique(['aireId', 'month'])
export class AireOccupancy {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Aire, { onDelete: 'CASCADE' })
  aire!: Aire;

  @Column({ type: 'uuid' })
  aireId!: string;

  /** First day of the month. */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'double precision' })
  occupiedPlaces!: number;

  @Column({ type: 'int', nullable: true })
  households!: number | null;

  @Column({ type: 'double precision', nullable: true })
  averageStayDays!: number | null;
}

/** A grand passage: a group of caravans announced for a stay on an aire de grand passage. */
@Entity()
@Index(['aireId', 'arrival'])
export class GrandPassage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  groupName!: string;

  @Column({ type: 'text', nullable: true })
  mission!: string | null;

  @Column({ type: 'text' })
  leaderName!: string;

  @Column({ type: 'text', nullable: true })
  leaderPhone!: string | null;

  @Column({ type: 'int' })
  caravansAnnounced!: number;

  @Column({ type: 'int', nullable: true })
  caravansObserved!: number | null;

  @Column({ type: 'date' })
  arrival!: string;

  @Column({ type: 'date' })
  departure!: string;

  @ManyToOne(() => Aire, { onDelete: 'RESTRICT', nullable: true })
  aire!: Aire | null;

  @Column({ type: 'uuid', nullable: true })
  aireId!: string | null;

  @Column({ type: 'date' })
  noticeReceivedOn!: string;

  @Column({ type: 'date', nullable: true })
  mayorInformedOn!: string | null;

  @Column({ type: 'boolean', default: false })
  conventionSigned!: boolean;

  @Column({ type: 'text', default: 'prevu' })
  status!: GrandPassageStatus;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** An unlawful settlement and its administrative procedure (art. 9 of loi 2000-614). */
@Entity()
@Index(['communeInsee', 'reuseUntil'])
export class UnlawfulSettlement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `GDV-2026-004`. */
  @Column({ type: 'text', unique: true })
  reference!: string;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  commune!: Commune;

  @Column({ type: 'text' })
  communeInsee!: string;

  @Column({ type: 'text' })
  place!: string;

  @Column({ type: 'double precision', nullable: true })
  lon!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'text' })
  landKind!: 'public' | 'prive';

  @Column({ type: 'text', nullable: true })
  landOwner!: string | null;

  @Column({ type: 'int' })
  caravans!: number;

  @Column({ type: 'text', nullable: true })
  groupName!: string | null;

  @Column({ type: 'timestamptz' })
  observedAt!: Date;

  @Index()
  @Column({ type: 'text', default: 'constate' })
  status!: SettlementStatus;

  @Column({ type: 'text', nullable: true })
  banOrderNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  banOrderDate!: string | null;

  @Column({ type: 'text', nullable: true })
  compliance!: Compliance | null;

  @Column({ type: 'text', nullable: true })
  complianceNote!: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  harmKinds!: HarmKind[];

  @Column({ type: 'text', nullable: true })
  harmFacts!: string | null;

  @Column({ type: 'text', nullable: true })
  requester!: string | null;

  @Column({ type: 'text', nullable: true })
  requesterName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  requestReceivedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  noticeNumber!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  delayHours!: number | null;

  @Column({ type: 'boolean', default: false })
  postedAtMairie!: boolean;

  @Column({ type: 'boolean', default: false })
  postedOnSite!: boolean;

  @Column({ type: 'boolean', default: false })
  ownerNotified!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  executionDeadline!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reuseUntil!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  priorSettlementId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  appealFiledAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  appealCourt!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  appealRulingDeadline!: Date | null;

  @Column({ type: 'text', nullable: true })
  appealOutcome!: 'rejete' | 'annule' | null;

  @Column({ type: 'timestamptz', nullable: true })
  appealDecidedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  evictedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  evictionMeans!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  closeReason!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** History of a procedure: who moved it, when, from which step to which, with what note. */
@Entity()
export class UnlawfulSettlementEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => UnlawfulSettlement, { onDelete: 'RESTRICT' })
  settlement!: UnlawfulSettlement;

  @Index()
  @Column({ type: 'uuid' })
  settlementId!: string;

  @Column({ type: 'text' })
  action!: SettlementAction | 'created' | 'updated';

  @Column({ type: 'text', nullable: true })
  from!: SettlementStatus | null;

  @Column({ type: 'text' })
  to!: SettlementStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  by!: string;

  @Column({ type: 'text' })
  byName!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
