import { formatNumber } from '@/lib/format';

/** `12 500 €` */
export function euros(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatNumber(value)} €`;
}

/** `2026-03-01` → `01/03/2026` */
export function frenchDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Today in Paris, `YYYY-MM-DD`. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}
