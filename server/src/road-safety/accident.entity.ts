import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type {
  AccidentSeverity,
  ImportMode,
  SeverityTotals,
  UserCategory,
} from '../contracts/road-safety';

/** One import of the BAAC files: what was read, kept and replaced. */
@Entity()
export class AccidentImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int', array: true })
  years!: number[];

  @Column({ type: 'text' })
  mode!: ImportMode;

  @Column({ type: 'jsonb' })
  files!: Record<string, string>;

  @Column({ type: 'int' })
  accidentsRead!: number;

  @Column({ type: 'int' })
  accidentsImported!: number;

  @Column({ type: 'int' })
  accidentsRejected!: number;

  @Column({ type: 'int' })
  otherDepartments!: number;

  @Column({ type: 'int' })
  replaced!: number;

  @Column({ type: 'jsonb' })
  totals!: SeverityTotals;

  /** Problems of the rejected accidents (valid_only mode), first 500. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  problems!: { path: string; message: string }[];

  @Column({ type: 'uuid' })
  importedBy!: string;

  @Column({ type: 'text' })
  importedByName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt!: Date;
}

/** A road accident with injuries (BAAC), with its place and its users' injury counts. */
@Entity()
@Index(['year', 'month'])
export class RoadAccident {
  /** ONISR `Num_Acc`. */
  @PrimaryColumn({ type: 'text' })
  numAcc!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  month!: number;

  @Column({ type: 'date' })
  occurredOn!: string;

  @Column({ type: 'text' })
  time!: string;

  @Index()
  @Column({ type: 'text' })
  communeInsee!: string;

  @Column({ type: 'smallint' })
  lum!: number;

  /** 1 hors agglomération, 2 en agglomération. */
  @Column({ type: 'smallint' })
  agg!: number;

  @Column({ type: 'smallint', nullable: true })
  intersection!: number | null;

  @Column({ type: 'smallint', nullable: true })
  atm!: number | null;

  @Column({ type: 'smallint', nullable: true })
  col!: number | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon!: number | null;

  @Column({ type: 'smallint', nullable: true })
  catr!: number | null;

  @Column({ type: 'smallint', nullable: true })
  vma!: number | null;

  @Column({ type: 'smallint', nullable: true })
  surf!: number | null;

  @Column({ type: 'text' })
  severity!: AccidentSeverity;

  @Column({ type: 'int' })
  killed!: number;

  @Column({ type: 'int' })
  hospitalised!: number;

  @Column({ type: 'int' })
  slightlyInjured!: number;

  @Column({ type: 'int' })
  unharmed!: number;

  @ManyToOne(() => AccidentImport, { onDelete: 'RESTRICT' })
  import!: AccidentImport;

  @Column({ type: 'uuid' })
  importId!: string;
}

@Entity()
export class RoadAccidentVehicle {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => RoadAccident, { onDelete: 'CASCADE' })
  accident!: RoadAccident;

  @Index()
  @Column({ type: 'text' })
  accidentNumAcc!: string;

  @Column({ type: 'text' })
  idVehicule!: string;

  @Column({ type: 'text' })
  numVeh!: string;

  @Column({ type: 'smallint' })
  catv!: number;

  @Column({ type: 'text' })
  category!: UserCategory;
}

@Entity()
export class RoadAccidentUser {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => RoadAccident, { onDelete: 'CASCADE' })
  accident!: RoadAccident;

  @Index()
  @Column({ type: 'text' })
  accidentNumAcc!: string;

  @Column({ type: 'text', nullable: true })
  numVeh!: string | null;

  /** 1 conducteur, 2 passager, 3 piéton. */
  @Column({ type: 'smallint' })
  catu!: number;

  /** 1 indemne, 2 tué, 3 blessé hospitalisé, 4 blessé léger. */
  @Column({ type: 'smallint' })
  grav!: number;

  @Column({ type: 'smallint', nullable: true })
  sexe!: number | null;

  @Column({ type: 'smallint', nullable: true })
  birthYear!: number | null;

  @Column({ type: 'text' })
  category!: UserCategory;
}

/** Document général d'orientations (5 years); its stakes are the PDASR axes of the grants engine. */
@Entity()
export class RoadSafetyDgo {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  startYear!: number;

  @Column({ type: 'int' })
  endYear!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  orientations!: string | null;

  @Column({ type: 'date', nullable: true })
  adoptedOn!: string | null;

  @Column({ type: 'int', nullable: true })
  targetKilledPerYear!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
