import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A legislative circonscription of the Puy-de-Dôme (elects one député). */
@Entity()
export class Circonscription {
  /** `6301` to `6305`. */
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean', default: false })
  toConfirm!: boolean;
}
