import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PRESS_RULE_KEYS = ['appeal_delay_months', 'electoral_warning_months'] as const;
export type PressRuleKey = (typeof PRESS_RULE_KEYS)[number];

/**
 * Legal values of the press module that may change (delays), versioned by effective date:
 * the row in force on a date is the latest whose `effectiveFrom` is on or before it. Seeded by
 * the module's migration; `toConfirm` marks values routine.md flags as inferred or [verify].
 */
@Entity()
@Index(['key', 'effectiveFrom'], { unique: true })
export class PressRule {
  @PrimaryGeneratedColumn('identity', { type: 'int' })
  id!: number;

  @Column({ type: 'text' })
  key!: PressRuleKey;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'int' })
  value!: number;

  @Column({ type: 'boolean', default: false })
  toConfirm!: boolean;

  @Column({ type: 'text' })
  source!: string;
}
