import type { EntityManager } from 'typeorm';
import { addMonths, parisDate } from './publication-dates';

/**
 * Scrutins whose pre-electoral period (the `months` before polling day, L.52-1 code électoral)
 * covers `now`. The elections module owns the `scrutin` table; until it exists this answers
 * nothing. The polling-day column is found by name, so this does not depend on its migration.
 */
export async function electoralWarnings(m: EntityManager, now: Date, months: number): Promise<string[]> {
  const [{ exists }] = (await m.query(`SELECT to_regclass('public.scrutin') IS NOT NULL AS exists`)) as [{ exists: boolean }];
  if (!exists) return [];
  const columns = (await m.query(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'scrutin'`,
  )) as { column_name: string; data_type: string }[];
  const dated = columns.filter((c) => c.data_type === 'date' || c.data_type.startsWith('timestamp'));
  const day = dated.find((c) => /round1|first_round|premier|polling|vote|election_date|scrutin_date|^date$/i.test(c.column_name)) ?? dated.find((c) => /date|_on$|_at$/.test(c.column_name) && !/created|updated/.test(c.column_name));
  const label = columns.find((c) => /^(name|title|label|libelle)$/.test(c.column_name));
  if (!day) return [];
  const today = parisDate(now);
  const until = addMonths(today, months);
  const rows = (await m.query(
    `SELECT ${label ? `"${label.column_name}"::text` : `'scrutin'`} AS label, ("${day.column_name}")::date::text AS day
       FROM scrutin WHERE ("${day.column_name}")::date >= $1::date AND ("${day.column_name}")::date <= $2::date ORDER BY 2`,
    [today, until],
  )) as { label: string; day: string }[];
  return rows.map((r) => `${r.label} (${r.day.split('-').reverse().join('/')})`);
}
