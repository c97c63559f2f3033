import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { ApplicantKind, ApplicationStatus, Criterion, GrantFund } from '../contracts/grants';

/**
 * Versioned rules of a programme (caps, minimum amount, required documents): the row in force for
 * a call is the latest whose `effectiveFrom` is not after the call's opening day. Seeded by the
 * migration; values marked [verify] in the domain notes carry `toConfirm`.
 */
@Entity()
export class GrantProgrammeRule {
  @PrimaryColumn({ type: 'text' })
  programmeCode!: string;

  @PrimaryColumn({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'text' })
  fund!: GrantFund;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'int' })
  maxRatePercent!: number;

  @Column({ type: 'boolean', default: false })
  capIncludesStateFunding!: boolean;

  @Column({ type: 'int', default: 0 })
  minAmount!: number;

  /** `[{code, label}]` */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  requiredDocuments!: { code: string; label: string }[];

  @Column({ type: 'boolean', default: false })
  requiresCer!: boolean;

  @Column({ type: 'boolean', default: false })
  requiresAxis!: boolean;

  @Column({ type: 'boolean', default: false })
  toConfirm!: boolean;

  @Column({ type: 'text' })
  source!: string;
}

/** An axis a funded action must serve: a DGO stake (PDASR) or a plan axis (MILDECA). */
@Entity()
@Unique(['fund', 'code', 'fromYear'])
export class GrantAxis {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  fund!: GrantFund;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'int' })
  fromYear!: number;

  @Column({ type: 'int' })
  toYear!: number;
}

/** An appel à projets: one fund, one year, an envelope and its selection criteria. */
@Entity()
@Index(['fund', 'year'])
export class GrantCall {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  fund!: GrantFund;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', array: true })
  programmeCodes!: string[];

  @Column({ type: 'date' })
  opensOn!: string;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  /** Euros. */
  @Column({ type: 'int' })
  envelope!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  criteria!: Criterion[];

  /** When the programme was adopted (« arrête le PDASR »): no decision changes after. */
  @Column({ type: 'timestamptz', nullable: true })
  adoptedAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** An application (projet / fiche-action) to a call, through its workflow. */
@Entity()
@Unique(['reference'])
export class GrantApplication {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => GrantCall, { onDelete: 'RESTRICT' })
  call!: GrantCall;

  @Index()
  @Column({ type: 'uuid' })
  callId!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text' })
  applicantName!: string;

  @Column({ type: 'text' })
  applicantKind!: ApplicantKind;

  @Column({ type: 'text', nullable: true })
  siret!: string | null;

  @Column({ type: 'text', nullable: true })
  applicantCommuneInsee!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  programmeCode!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  axisCodes!: string[];

  @Column({ type: 'text', nullable: true })
  targetPublic!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  communes!: string[];

  @Column({ type: 'date', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'int' })
  totalCost!: number;

  @Column({ type: 'int' })
  requestedAmount!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  coFunding!: { funder: string; amount: number; state: boolean }[];

  @Column({ type: 'boolean', default: false })
  cerSigned!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  documents!: string[];

  @ManyToOne(() => GrantApplication, { onDelete: 'RESTRICT', nullable: true })
  renewalOf!: GrantApplication | null;

  @Column({ type: 'uuid', nullable: true })
  renewalOfId!: string | null;

  @Column({ type: 'text', default: 'submitted' })
  status!: ApplicationStatus;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  scores!: Record<string, number>;

  @Column({ type: 'int', nullable: true })
  grantedAmount!: number | null;

  @Column({ type: 'date', nullable: true })
  committeeDate!: string | null;

  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;

  /** Final report (bilan / compte-rendu financier): `{receivedOn, actualCost, beneficiaries, summary}`. */
  @Column({ type: 'jsonb', nullable: true })
  report!: {
    receivedOn: string;
    actualCost: number;
    beneficiaries: number;
    summary: string;
  } | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A payment of a granted subsidy. */
@Entity()
export class GrantPayment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => GrantApplication, { onDelete: 'RESTRICT' })
  application!: GrantApplication;

  @Index()
  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'int' })
  amount!: number;

  @Column({ type: 'date' })
  paidOn!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Workflow history of an application, shown to users: who, when, from, to, note. */
@Entity()
export class GrantApplicationEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => GrantApplication, { onDelete: 'RESTRICT' })
  application!: GrantApplication;

  @Index()
  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  from!: ApplicationStatus | null;

  @Column({ type: 'text' })
  to!: ApplicationStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  by!: string | null;

  @Column({ type: 'text' })
  byName!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
