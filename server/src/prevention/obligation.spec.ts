import { obligationRows, type BodyInput } from './obligation';

const rule = { populationThreshold: 5000, coordinatorThreshold: 15000, qpvRequires: true };
const communes = [
  { insee: '63113', name: 'Clermont-Ferrand', population: 147000 },
  { insee: '63124', name: 'Cournon-d’Auvergne', population: 20000 },
  { insee: '63430', name: 'Thiers', population: 11500 },
  { insee: '63300', name: 'Riom-like', population: 5000 },
  { insee: '63999', name: 'Petite commune', population: 800 },
];
const body = (over: Partial<BodyInput>): BodyInput => ({
  id: 'b',
  kind: 'CLSPD',
  name: 'CLSPD',
  communes: [],
  active: true,
  coordinatorName: 'Coordinatrice',
  ...over,
});

describe('CLSPD obligation', () => {
  it.each([
    ['above the threshold, no body', [], '63430', 'missing'],
    ['covered by its CLSPD', [body({ communes: ['63430'] })], '63430', 'covered'],
    [
      'covered by a CISPD',
      [body({ kind: 'CISPD', communes: ['63430', '63999'] })],
      '63430',
      'covered',
    ],
    [
      'a dissolved CLSPD does not cover',
      [body({ communes: ['63430'], active: false })],
      '63430',
      'missing',
    ],
    ['a CDPD does not cover', [body({ kind: 'CDPD', communes: ['63430'] })], '63430', 'missing'],
  ])('%s', (_, bodies, insee, status) => {
    const row = obligationRows(rule, communes, new Set(), bodies).find((r) => r.insee === insee);
    expect(row?.status).toBe(status);
  });

  it('exactly 5,000 inhabitants is not « more than 5,000 »; a QPV makes it mandatory', () => {
    expect(obligationRows(rule, communes, new Set(), []).map((r) => r.insee)).toEqual([
      '63113',
      '63124',
      '63430',
    ]);
    const withQpv = obligationRows(rule, communes, new Set(['63999']), []);
    expect(withQpv.find((r) => r.insee === '63999')?.reasons).toEqual(['qpv']);
    expect(
      obligationRows({ ...rule, qpvRequires: false }, communes, new Set(['63999']), []),
    ).toHaveLength(3);
  });

  it('a threshold change in the rule table changes the list', () => {
    expect(
      obligationRows({ ...rule, populationThreshold: 10000 }, communes, new Set(), []),
    ).toHaveLength(3);
    expect(
      obligationRows({ ...rule, populationThreshold: 15000 }, communes, new Set(), []),
    ).toHaveLength(2);
  });

  it('flags a CLSPD without coordinator above the coordinator threshold only', () => {
    const bodies = [
      body({ id: 'a', communes: ['63124'], coordinatorName: null }),
      body({ id: 'b', communes: ['63430'], coordinatorName: null }),
    ];
    const rows = obligationRows(rule, communes, new Set(), bodies);
    expect(rows.find((r) => r.insee === '63124')?.coordinatorMissing).toBe(true);
    expect(rows.find((r) => r.insee === '63430')?.coordinatorMissing).toBe(false);
  });
});
