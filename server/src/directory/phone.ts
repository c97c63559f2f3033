/**
 * Phone numbers as the directory stores them: E.164. French numbers are accepted in national
 * (`06 12 34 56 78`) or international (`+33 6 12 34 56 78`) form; other countries in E.164.
 */

/** The E.164 form of a number `phoneSchema` accepted, or null when it is not a valid number. */
export function normalisePhone(input: string): string | null {
  const compact = input.replace(/\s+/g, '');
  if (/^0[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (compact.startsWith('+33')) return /^\+33[1-9]\d{8}$/.test(compact) ? compact : null;
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
}

/** A French number that cannot receive SMS (not 06 / 07). Other countries are not checked. */
export function isFrenchNonMobile(e164: string): boolean {
  return e164.startsWith('+33') && !/^\+33[67]/.test(e164);
}

/** `+33639980012` → `06 39 98 00 12`; other countries stay in E.164. */
export function formatPhone(e164: string): string {
  if (!/^\+33\d{9}$/.test(e164)) return e164;
  const national = `0${e164.slice(3)}`;
  return national.replace(/(\d{2})(?=\d)/g, '$1 ');
}
