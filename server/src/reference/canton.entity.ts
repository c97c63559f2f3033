import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A canton (2015 map): elects a binôme of conseillers départementaux. */
@Entity()
export class Canton {
  /** INSEE canton code, e.g. `6324` (Riom). */
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** INSEE code of the bureau centralisateur's commune. */
  @Column({ type: 'text' })
  seatInsee!: string;

  @Column({ type: 'text' })
  circonscriptionCode!: string;

  /** The composition still has to be checked against the COG (see data/ATTRIBUTION.md). */
  @Column({ type: 'boolean', default: false })
  toConfirm!: boolean;
}
