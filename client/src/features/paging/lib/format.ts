/** The paging screens' formatters: the shared date/number ones, plus phone numbers as dialled. */
export { formatFull, formatNumber, formatStamp, formatTime, formatWhen } from '@/lib/format';

/** `+33639980089` → `06 39 98 00 89` (a French number as people dial it); anything else as is. */
export function formatAddress(address: string): string {
  const french = /^\+33([1-9])(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(address);
  return french ? `0${french.slice(1).join(' ')}` : address;
}
