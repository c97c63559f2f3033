import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Versioned settings of the direction workflow (delays the Cabinet may change): the row in
 * force is the latest `effectiveFrom` not after now. Seeded by the Direction migration.
 */
@Entity()
export class DirectionRule {
  @PrimaryGeneratedColumn('identity', { type: 'int' })
  id!: number;

  @Column({ type: 'timestamptz', unique: true })
  effectiveFrom!: Date;

  /** An urgent decision unanswered for this long is reminded (once) to the authority. */
  @Column({ type: 'int' })
  urgentDecisionReminderSec!: number;

  /** The situation cellule is reminded this long before a point de situation is due. */
  @Column({ type: 'int' })
  sitrepReminderLeadSec!: number;

  /** Interval proposed for the next point when none is set. */
  @Column({ type: 'int' })
  sitrepDefaultIntervalMin!: number;

  /** Values to have confirmed by the Cabinet ([verify]). */
  @Column({ type: 'boolean', default: true })
  toConfirm!: boolean;

  @Column({ type: 'text' })
  source!: string;
}
