/**
 * CSV of bureaux de vote (one row per bureau), as communes send them from their list
 * software: `Commune;Code;Libellé;Adresse;Centralisateur;Inscrits;Circonscription`. Headers
 * are matched without case or accents; `Circonscription` may be left out when every commune
 * belongs to one circonscription of the scrutin. Pure parsing; the service checks communes.
 */
import type { ErrorDetail } from '../common/app-error';
import { foldKey, parseCsv, renderCsv } from '../directory/csv';

export const BUREAU_COLUMNS = [
  'Commune',
  'Code',
  'Libellé',
  'Adresse',
  'Centralisateur',
  'Inscrits',
  'Circonscription',
] as const;
const REQUIRED = ['commune', 'code', 'libelle', 'inscrits'];

export interface BureauRow {
  line: number;
  communeInsee: string;
  code: string;
  label: string;
  address: string | null;
  centralisateur: boolean;
  inscrits: number;
  circonscription: string | null;
}

export function parseBureauxCsv(text: string): { rows: BureauRow[]; problems: ErrorDetail[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return { rows: [], problems: [{ path: `line.${parsed.line}`, message: parsed.message }] };
  const index = new Map(parsed.header.cells.map((h, i) => [foldKey(h), i]));
  const missing = REQUIRED.filter((k) => !index.has(k));
  if (missing.length)
    return {
      rows: [],
      problems: missing.map((k) => ({ path: `line.1.${k}`, message: `missing column ${k}` })),
    };
  const rows: BureauRow[] = [];
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  for (const r of parsed.records) {
    const cell = (k: string) => (index.has(k) ? (r.cells[index.get(k)!] ?? '').trim() : '');
    const at = (k: string) => `line.${r.line}.${k}`;
    const before = problems.length;
    const insee = cell('commune');
    if (!/^\d{5}$/.test(insee))
      problems.push({ path: at('commune'), message: `« ${insee} » is not an INSEE code` });
    const rawCode = cell('code');
    const code = /^\d{1,4}$/.test(rawCode) ? rawCode.padStart(4, '0') : rawCode;
    if (!/^[0-9A-Z]{1,6}$/i.test(code))
      problems.push({ path: at('code'), message: `« ${rawCode} » is not a bureau code` });
    const label = cell('libelle');
    if (!label) problems.push({ path: at('libelle'), message: 'empty' });
    const inscritsText = cell('inscrits').replace(/\s/g, '');
    const inscrits = Number(inscritsText);
    if (!/^\d+$/.test(inscritsText))
      problems.push({
        path: at('inscrits'),
        message: `« ${cell('inscrits')} » is not a whole number`,
      });
    const central = foldKey(cell('centralisateur'));
    if (central && !['oui', 'non', '1', '0', 'o', 'n', 'x'].includes(central))
      problems.push({ path: at('centralisateur'), message: 'oui or non' });
    const key = `${insee}-${code}`;
    if (seen.has(key))
      problems.push({ path: at('code'), message: `same bureau as line ${seen.get(key)}` });
    seen.set(key, r.line);
    if (problems.length > before) continue;
    rows.push({
      line: r.line,
      communeInsee: insee,
      code: code.toUpperCase(),
      label,
      address: cell('adresse') || null,
      centralisateur: ['oui', '1', 'o', 'x'].includes(central),
      inscrits,
      circonscription: cell('circonscription') || null,
    });
  }
  return { rows, problems };
}

export function renderBureauxCsv(
  bureaux: readonly {
    communeInsee: string;
    code: string;
    label: string;
    address: string | null;
    centralisateur: boolean;
    inscrits: number;
    circonscription: string;
  }[],
): Buffer {
  return renderCsv([
    [...BUREAU_COLUMNS],
    ...bureaux.map((b) => [
      b.communeInsee,
      b.code,
      b.label,
      b.address ?? '',
      b.centralisateur ? 'oui' : 'non',
      String(b.inscrits),
      b.circonscription,
    ]),
  ]);
}
