import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An EPCI à fiscalité propre (métropole, communauté d'agglomération or de communes). */
@Entity()
export class Epci {
  @PrimaryColumn({ type: 'text' })
  siren!: string;

  @Column({ type: 'text' })
  name!: string;

  /** `METRO`, `CA`, `CC`. */
  @Column({ type: 'text' })
  kind!: string;
}
