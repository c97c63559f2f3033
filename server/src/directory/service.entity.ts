import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A State or partner service the COD tasks and pages (SDIS, DDT, gendarmerie, ARS...). */
@Entity()
export class Service {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short stable code, e.g. `SDIS63`. */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Family of service: `secours`, `securite`, `etat`, `sante`, `collectivite`, `operateur`. */
  @Column({ type: 'text' })
  kind!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
