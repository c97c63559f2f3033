/**
 * Commune search: by name (accents, case, hyphens and apostrophes ignored, "St"/"Ste" read as
 * "Saint"/"Sainte") or by INSEE code / postcode prefix. Pure: no Leaflet, no DOM.
 */

export interface CommuneEntry {
  insee: string;
  name: string;
  population: number;
  postcodes: readonly string[];
  /** `normalizeName(name)`, computed once. */
  key: string;
}

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/** "Saint-Éloy-les-Mines" → "saint eloy les mines"; "St Eloy" → "saint eloy". */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

export function toCommuneEntry(c: Omit<CommuneEntry, 'key'>): CommuneEntry {
  return { ...c, key: normalizeName(c.name) };
}

/** Lower is better; null: no match. */
function score(entry: CommuneEntry, query: string, digits: boolean): number | null {
  if (digits) {
    if (entry.insee === query) return 0;
    if (entry.insee.startsWith(query)) return 1;
    if (entry.postcodes.some((p) => p.startsWith(query))) return 2;
    return null;
  }
  if (entry.key === query) return 0;
  if (entry.key.startsWith(query)) return 1;
  if (entry.key.includes(` ${query}`)) return 2;
  if (entry.key.includes(query)) return 3;
  return null;
}

/**
 * The best matches first (exact, then prefix, then a word starting with the query, then
 * anywhere); equal matches by decreasing population, then by name.
 */
export function searchCommunes(
  entries: readonly CommuneEntry[],
  rawQuery: string,
  limit = 8,
): CommuneEntry[] {
  const trimmed = rawQuery.trim();
  const digits = /^\d[\dAaBb]*$/.test(trimmed); // INSEE codes of Corsica have 2A / 2B
  const query = digits ? trimmed.toUpperCase() : normalizeName(trimmed);
  if (query === '') return [];
  const scored: { entry: CommuneEntry; score: number }[] = [];
  for (const entry of entries) {
    const s = score(entry, query, digits);
    if (s !== null) scored.push({ entry, score: s });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      b.entry.population - a.entry.population ||
      a.entry.name.localeCompare(b.entry.name, 'fr'),
  );
  return scored.slice(0, limit).map((s) => s.entry);
}
