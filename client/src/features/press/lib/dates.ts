const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → `<input type="datetime-local">` value in the browser's time (the inverse of lib/format's localInputToIso). */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `2026-03-14` → `14/03/2026`. */
export function frenchDay(date: string | null | undefined): string {
  return date ? date.split('-').reverse().join('/') : '';
}
