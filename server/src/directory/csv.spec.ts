import { csvCell, foldKey, parseCsv, renderCsv } from './csv';

describe('CSV', () => {
  it('quotes cells with separators, quotes and line breaks, and guards formulas', () => {
    expect(csvCell('Martin')).toBe('Martin');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('dit "Jo"')).toBe('"dit ""Jo"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+4915123456789')).toBe("'+4915123456789");
  });

  it('reads back what it writes, with the line each record starts on', () => {
    const rows = [
      ['Nom', 'Texte'],
      ['Élise Périer', 'deux\r\nlignes; et "guillemets"'],
      ['-1', '+33639980000'],
      ['Zoé', ''],
    ];
    const parsed = parseCsv(renderCsv(rows).toString('utf8'));
    expect(parsed).toEqual({
      ok: true,
      header: { line: 1, cells: ['Nom', 'Texte'] },
      records: [
        { line: 2, cells: ['Élise Périer', 'deux\r\nlignes; et "guillemets"'] },
        { line: 4, cells: ['-1', '+33639980000'] },
        { line: 5, cells: ['Zoé', ''] },
      ],
    });
  });

  it('accepts commas when the header has no semicolon, LF endings, and drops blank rows', () => {
    const parsed = parseCsv('Nom,Fonction\n Jean Dupont , maire\n,\n\nAnne,adjoint');
    expect(parsed).toEqual({
      ok: true,
      header: { line: 1, cells: ['Nom', 'Fonction'] },
      records: [
        { line: 2, cells: ['Jean Dupont', 'maire'] },
        { line: 5, cells: ['Anne', 'adjoint'] },
      ],
    });
  });

  it('reports an unclosed quote with its line, and an empty file', () => {
    expect(parseCsv('Nom;Texte\nA;"ouvert\nB;x')).toEqual({
      ok: false,
      line: 2,
      message: 'a quoted cell is never closed',
    });
    expect(parseCsv('\uFEFF')).toMatchObject({ ok: false, line: 1 });
  });

  it('folds headers and labels for matching', () => {
    expect(foldKey(' Suppléant ')).toBe('suppleant');
    expect(foldKey('Code INSEE')).toBe('codeinsee');
    expect(foldKey("Cadre d'astreinte")).toBe('cadredastreinte');
  });
});
