import { Between, type EntityManager } from 'typeorm';
import { Scrutin } from '../elections/scrutin.entity';
import { addMonths, parisDate } from './publication-dates';

/**
 * Scrutins of the elections module whose pre-electoral period (the `months` before polling day,
 * L.52-1 code électoral) covers `now`: « Législatives 1er tour (07/06/2027) ».
 */
export async function electoralWarnings(m: EntityManager, now: Date, months: number): Promise<string[]> {
  const today = parisDate(now);
  const scrutins = await m.find(Scrutin, {
    select: { label: true, date: true },
    where: { date: Between(today, addMonths(today, months)) },
    order: { date: 'ASC' },
  });
  return scrutins.map((s) => `${s.label} (${s.date.split('-').reverse().join('/')})`);
}
