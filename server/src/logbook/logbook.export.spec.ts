import type { LogbookEntry } from '../contracts/crisis';
import { entryHash, GENESIS_HASH } from './chain';
import {
  csvCell,
  exportFilename,
  LogbookExport,
  parisTime,
  pdfText,
  renderCsv,
  renderPdf,
} from './logbook.export';

const CRISIS = '5b0c3a52-8f1e-4a36-9d44-0c6a4c3e9a01';

function entries(texts: string[]): LogbookEntry[] {
  const list: LogbookEntry[] = [];
  let prevHash = GENESIS_HASH;
  texts.forEach((text, i) => {
    const base = {
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      crisisId: CRISIS,
      index: i + 1,
      text,
      category: 'decision' as const,
      cellule: i === 0 ? 'situation' : 'liaison:SDIS63',
      authorId: null,
      authorName: i === 0 ? 'Vigie' : 'Lt Martin',
      recordedAt: new Date(Date.UTC(2026, 6, 14, 8, 0, i)).toISOString(),
      occurredAt: i === 1 ? '2026-07-14T07:45:00.000Z' : null,
      incidentId: null,
      taskId: null,
      correctsEntryId: i === 2 ? list[0].id : null,
      source: i === 0 ? ('system' as const) : ('user' as const),
      exercise: true,
      prevHash,
    };
    const hash = entryHash(prevHash, base);
    list.push({ ...base, hash, promotedAt: null, promotedBy: null });
    prevHash = hash;
  });
  return list;
}

function data(
  exercise: boolean,
  texts = ['Activation du COD', 'Point ; "SDIS"\nligne 2', '=SOMME(A1)'],
): LogbookExport {
  const list = entries(texts);
  return {
    crisis: { title: 'Crue de l’Allier', kind: 'inondation', exercise },
    entries: list,
    verify: { valid: true, entries: list.length, lastHash: list.at(-1)?.hash ?? GENESIS_HASH },
    exportedAt: new Date('2026-07-14T22:30:00Z'),
  };
}

describe('times and names', () => {
  it('prints Paris time (summer and winter) and names the file by the Paris date', () => {
    expect(parisTime('2026-07-14T08:00:01.005Z')).toBe('14/07/2026 10:00:01,005');
    expect(parisTime('2026-01-15T23:30:00.000Z')).toBe('16/01/2026 00:30:00,000');
    expect(exportFilename(new Date('2026-07-14T22:30:00Z'), 'csv')).toBe(
      'main-courante-2026-07-15.csv',
    );
  });
});

describe('renderCsv', () => {
  it('quotes separators, quotes and line breaks, and disarms formulas', () => {
    expect(csvCell('simple')).toBe('simple');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('il a dit "non"')).toBe('"il a dit ""non"""');
    expect(csvCell('l1\nl2')).toBe('"l1\nl2"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@x;y')).toBe(`"'@x;y"`);
  });

  it('writes a BOM, the EXERCICE banner, French headers, the rows and the final hash', () => {
    const d = data(true);
    const csv = renderCsv(d);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('EXERCICE');
    expect(lines[1]).toBe(
      "N°;Horodatage (serveur);Survenu à;Catégorie;Cellule;Auteur;Texte;Corrige l'entrée;Empreinte",
    );
    expect(lines[2]).toBe(
      `1;14/07/2026 10:00:00,000;;Décision;Cellule situation;Vigie (automatique);Activation du COD;;${d.entries[0].hash}`,
    );
    // records end with CRLF; a line break inside a quoted cell stays a bare LF
    expect(lines[3]).toBe(
      `2;14/07/2026 10:00:01,000;14/07/2026 09:45:00,000;Décision;Liaison SDIS63;Lt Martin;"Point ; ""SDIS""\nligne 2";;${d.entries[1].hash}`,
    );
    expect(lines[4]).toBe(
      `3;14/07/2026 10:00:02,000;;Décision;Liaison SDIS63;Lt Martin;'=SOMME(A1);N° 1;${d.entries[2].hash}`,
    );
    expect(lines[5]).toBe(`Empreinte finale de la chaîne : ${d.entries[2].hash}`);
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('');
  });

  it('has no banner for a real crisis, and prints the genesis hash for an empty chain', () => {
    const csv = renderCsv(data(false, [])).toString('utf8').slice(1).split('\r\n');
    expect(csv[0]).toMatch(/^N°;/);
    expect(csv[1]).toBe(`Empreinte finale de la chaîne : ${GENESIS_HASH}`);
  });
});

describe('renderPdf', () => {
  it('keeps what the standard font can draw and replaces the rest', () => {
    expect(pdfText('Préfecture — « Œuvre » 10 €\r\nligne\tfin')).toBe(
      'Préfecture — « Œuvre » 10 €\nligne fin',
    );
    expect(pdfText('Łódź 🚒 ق')).toBe('?ódz ? ?');
  });

  it('renders a PDF with one page per screenful and every entry', async () => {
    const small = await renderPdf(data(true));
    expect(small.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(small.toString('latin1')).toMatch(/\/Count 1\b/);
    const many = await renderPdf(
      data(
        false,
        Array.from({ length: 120 }, (_, i) => `Entrée n° ${i + 1} ${'texte '.repeat(i % 40)}`),
      ),
    );
    expect(Number(/\/Count (\d+)/.exec(many.toString('latin1'))?.[1])).toBeGreaterThan(3);
    // a text longer than a page flows over the next ones
    const long = await renderPdf(data(false, ['Début', 'mot '.repeat(9000), 'Fin']));
    expect(Number(/\/Count (\d+)/.exec(long.toString('latin1'))?.[1])).toBeGreaterThan(2);
  });
});
