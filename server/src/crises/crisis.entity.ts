import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CrisisKind } from '../contracts/crisis';

/** A crisis (événement) the COD follows: everything else hangs off it. */
@Entity()
export class Crisis {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: CrisisKind;

  @Index()
  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'closed';

  /** An exercise: every record, export and message of the crisis is marked EXERCICE. */
  @Column({ type: 'boolean', default: false })
  exercise!: boolean;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
