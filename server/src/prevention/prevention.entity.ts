import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { BodyKind, MeetingKind } from '../contracts/prevention';

/** A CLSPD, CISPD or the CDPD, with the communes it covers. */
@Entity()
export class PreventionBody {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: BodyKind;

  @Column({ type: 'text' })
  name!: string;

  /** INSEE codes covered (a CLSPD: its commune; a CISPD: the EPCI's communes). */
  @Column({ type: 'text', array: true })
  communes!: string[];

  @Column({ type: 'text', nullable: true })
  epciSiren!: string | null;

  @Column({ type: 'text' })
  chairName!: string;

  @Column({ type: 'text', nullable: true })
  coordinatorName!: string | null;

  @Column({ type: 'date' })
  createdOn!: string;

  @Column({ type: 'date', nullable: true })
  dissolvedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A meeting of a prevention body and its minutes (compte-rendu). */
@Entity()
export class PreventionMeeting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => PreventionBody, { onDelete: 'RESTRICT' })
  body!: PreventionBody;

  @Index()
  @Column({ type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'text' })
  kind!: MeetingKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ type: 'date', nullable: true })
  minutesReceivedOn!: string | null;

  @Column({ type: 'boolean', default: false })
  prefectRepresented!: boolean;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Quartier prioritaire de la politique de la ville: makes a CLSPD mandatory in its commune. */
@Entity()
export class PreventionQpv {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ type: 'text' })
  communeInsee!: string;
}

/** Versioned thresholds of the CLSPD obligation (seeded by the migration). */
@Entity()
export class PreventionObligationRule {
  @PrimaryColumn({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'int' })
  populationThreshold!: number;

  @Column({ type: 'int' })
  coordinatorThreshold!: number;

  @Column({ type: 'boolean' })
  qpvRequires!: boolean;

  @Column({ type: 'boolean', default: false })
  toConfirm!: boolean;

  @Column({ type: 'text' })
  source!: string;
}
