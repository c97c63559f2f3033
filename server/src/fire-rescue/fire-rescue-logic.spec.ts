import {
  checkSectorFile,
  checkStatsFile,
  documentState,
  nearestSectors,
} from './fire-rescue-logic';

describe('documentState', () => {
  it.each([
    ['2030-06-30', '2026-11-28', 6, 'a_jour'],
    ['2027-05-28', '2026-11-28', 6, 'revision_proche'],
    ['2027-05-29', '2026-11-28', 6, 'a_jour'],
    ['2026-11-28', '2026-11-28', 6, 'revision_proche'],
    ['2026-11-27', '2026-11-28', 6, 'revision_depassee'],
  ] as const)('due %s on %s with %i months of alert: %s', (due, today, months, state) => {
    expect(documentState(due, today, months).state).toBe(state);
  });
});

describe('checkSectorFile', () => {
  const communes = new Set(['63001', '63002', '63003']);
  const cis = new Set(['CIS-A', 'CIS-B']);

  it('accepts a complete file', () => {
    const check = checkSectorFile(
      'commune;cis\n63001;CIS-A\n63002;cis-b\n63003;CIS-B\n',
      communes,
      cis,
      true,
    );
    expect(check.problems).toEqual([]);
    expect(check.rows).toHaveLength(3);
  });

  it('reports unknown codes, a commune in two sectors and the communes left out', () => {
    const check = checkSectorFile(
      'commune;cis\n63001;CIS-A\n63001;CIS-B\n99999;CIS-A\n63002;CIS-Z\n',
      communes,
      cis,
      true,
    );
    expect(check.duplicates).toEqual([{ insee: '63001', cis: ['CIS-A', 'CIS-B'] }]);
    expect(check.missing).toEqual(['63003']);
    expect(check.problems).toEqual(
      expect.arrayContaining([
        { row: 4, column: 'commune', problem: '99999: not a commune of the Puy-de-Dôme' },
        { row: 5, column: 'cis', problem: 'CIS-Z: unknown CIS code' },
        expect.objectContaining({ row: 3, column: 'commune' }),
        expect.objectContaining({ row: 0, problem: expect.stringContaining('63003') }),
      ]),
    );
  });

  it('reports a missing column', () => {
    expect(checkSectorFile('insee;centre_x\n63001;A\n', communes, cis, false).problems).toEqual([
      { row: 1, column: 'cis', problem: 'column missing from the header' },
    ]);
  });
});

describe('checkStatsFile', () => {
  it('reads codes or labels and spaced numbers', () => {
    const check = checkStatsFile(
      'année;nature;nombre\n2024;Secours à personne;"38 412"\n2024;incendies;2950\n',
      2026,
    );
    expect(check.problems).toEqual([]);
    expect(check.rows).toEqual([
      { year: 2024, nature: 'secours_personne', count: 38412 },
      { year: 2024, nature: 'incendies', count: 2950 },
    ]);
  });

  it('lists every bad cell with its row', () => {
    const check = checkStatsFile(
      'annee;nature;nombre\n2031;incendies;10\n2024;feux;x\n2024;incendies;5\n2024;incendies;6\n',
      2026,
    );
    expect(check.problems).toEqual([
      { row: 2, column: 'annee', problem: '2031: a year between 1990 and 2026' },
      { row: 3, column: 'nature', problem: expect.stringContaining('feux') },
      { row: 3, column: 'nombre', problem: 'x: a whole number of interventions' },
      { row: 5, column: 'nature', problem: '2024 incendies already given on row 4' },
    ]);
  });
});

describe('nearestSectors', () => {
  it('puts each commune in the sector of its nearest centre, and in one only', () => {
    const sectors = nearestSectors(
      [
        { insee: '1', at: [3.08, 45.78] },
        { insee: '2', at: [3.11, 45.89] },
        { insee: '3', at: [3.55, 45.86] },
      ],
      [
        { id: 'clermont', at: [3.087, 45.777] },
        { id: 'riom', at: [3.113, 45.894] },
        { id: 'thiers', at: [3.548, 45.856] },
      ],
    );
    expect([...sectors.entries()]).toEqual([
      ['1', 'clermont'],
      ['2', 'riom'],
      ['3', 'thiers'],
    ]);
  });
});
