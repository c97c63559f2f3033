/**
 * The commune directory as the pickers use it (`GET /api/reference/communes`), and a search by
 * name (accents, case and hyphens ignored, "St" read as "Saint"), INSEE code or postcode.
 */
export interface CommuneOption {
  insee: string;
  name: string;
  population: number;
  arrondissement: string;
  arrondissementName: string;
  postcodes: string[];
}

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/** "Saint-Éloy-les-Mines" → "saint eloy les mines". */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

export interface CommuneIndex {
  list: readonly CommuneOption[];
  byInsee: ReadonlyMap<string, CommuneOption>;
  keys: ReadonlyMap<string, string>;
}

export function indexCommunes(list: readonly CommuneOption[]): CommuneIndex {
  return {
    list,
    byInsee: new Map(list.map((c) => [c.insee, c])),
    keys: new Map(list.map((c) => [c.insee, normalizeName(c.name)])),
  };
}

/** Exact, then prefix, then a word starting with the query, then anywhere; ties by population. */
export function searchCommunes(index: CommuneIndex, rawQuery: string, limit = 10): CommuneOption[] {
  const query = rawQuery.trim();
  if (query.length === 0) return [];
  const digits = /^[0-9]/.test(query);
  const key = digits ? query.toUpperCase() : normalizeName(query);
  if (!key) return [];
  const scored: { c: CommuneOption; s: number }[] = [];
  for (const c of index.list) {
    let s: number | null = null;
    if (digits) {
      if (c.insee === key) s = 0;
      else if (c.insee.startsWith(key)) s = 1;
      else if (c.postcodes.some((p) => p.startsWith(key))) s = 2;
    } else {
      const name = index.keys.get(c.insee) ?? '';
      if (name === key) s = 0;
      else if (name.startsWith(key)) s = 1;
      else if (name.includes(` ${key}`)) s = 2;
      else if (name.includes(key)) s = 3;
    }
    if (s !== null) scored.push({ c, s });
  }
  scored.sort(
    (a, b) =>
      a.s - b.s || b.c.population - a.c.population || a.c.name.localeCompare(b.c.name, 'fr'),
  );
  return scored.slice(0, limit).map((x) => x.c);
}

/** `Aydat (63026)`, or the bare code when the commune is unknown. */
export function communeLabel(index: CommuneIndex | null, insee: string): string {
  const c = index?.byInsee.get(insee);
  return c ? `${c.name} (${insee})` : insee;
}
