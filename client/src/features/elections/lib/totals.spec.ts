import type { ElectionTotals, ElectionTotalsUpdated } from '@contracts/elections';
import { applyTotalsEvent, communeArrival, entryProblems } from './totals';
import { parseMembers } from './members';

const progress = (arrived: number, validated: number, errors: number) => ({
  insee: '63113',
  name: 'Clermont-Ferrand',
  bureaux: 4,
  arrived,
  validated,
  errors,
});

describe('communeArrival', () => {
  it.each([
    [progress(0, 0, 0), 'none'],
    [progress(2, 0, 0), 'partial'],
    [progress(4, 1, 0), 'arrived'],
    [progress(4, 4, 0), 'validated'],
    [progress(4, 3, 1), 'error'],
  ] as const)('%o → %s', (p, expected) => expect(communeArrival(p)).toBe(expected));
});

describe('applyTotalsEvent', () => {
  const totals = (
    arrived: number,
    communes: ElectionTotals['communes'],
  ): ElectionTotals & { seq: number } => ({
    scrutinId: 's1',
    bureaux: 4,
    arrived,
    validated: 0,
    errors: 0,
    byStatus: { non_arrive: 4 - arrived, saisi: arrived, erreur: 0, contre_appele: 0, valide: 0 },
    inscrits: 0,
    votants: 0,
    blancs: 0,
    nuls: 0,
    exprimes: 0,
    races: [],
    communes,
    computedAt: '',
    seq: 10,
  });
  const event = (arrived: number): ElectionTotalsUpdated => ({
    scrutinId: 's1',
    bureauIds: ['b'],
    status: 'saisi',
    communes: [progress(arrived, 0, 0)],
    totals: { ...totals(arrived, []), communes: [] },
  });
  const old = totals(1, [
    progress(1, 0, 0),
    { ...progress(0, 0, 0), insee: '63001', name: 'Aigueperse' },
  ]);

  it('takes the new totals and patches the changed commune only', () => {
    const next = applyTotalsEvent(old, event(2), 11)!;
    expect(next.arrived).toBe(2);
    expect(next.seq).toBe(11);
    expect(next.communes.map((c) => [c.insee, c.arrived])).toEqual([
      ['63113', 2],
      ['63001', 0],
    ]);
  });

  it('ignores an event the cache already includes, or of another scrutin', () => {
    expect(applyTotalsEvent(old, event(2), 10)).toBe(old);
    expect(applyTotalsEvent(old, { ...event(2), scrutinId: 'other' }, 12)).toBe(old);
    expect(applyTotalsEvent(undefined, event(2), 12)).toBeUndefined();
  });
});

describe('entryProblems', () => {
  const ok = {
    inscrits: 100,
    votants: 60,
    blancs: 5,
    nuls: 5,
    exprimes: 50,
    voix: { a: 30, b: 20 },
  };
  it('lists the blocking checks', () => {
    expect(entryProblems(ok)).toEqual([]);
    expect(entryProblems({ ...ok, votants: 61 })).toEqual([
      'Votants (61) ≠ blancs + nuls + exprimés (60).',
    ]);
    expect(entryProblems({ ...ok, voix: { a: 30, b: 21 } })).toEqual([
      'Somme des voix (51) ≠ exprimés (50).',
    ]);
    expect(entryProblems({ ...ok, inscrits: 59 })).toEqual(['Votants (60) > inscrits (59).']);
  });
});

describe('parseMembers', () => {
  it('reads one member per line and names the bad lines', () => {
    expect(
      parseMembers('titulaire;1;F;DUPONT;Marie;1970-05-12\nremplacant;1;M;MARTIN;Luc;1980-01-02')
        .members,
    ).toEqual([
      {
        role: 'titulaire',
        rank: 1,
        sex: 'F',
        lastName: 'DUPONT',
        firstName: 'Marie',
        birthDate: '1970-05-12',
      },
      {
        role: 'remplacant',
        rank: 1,
        sex: 'M',
        lastName: 'MARTIN',
        firstName: 'Luc',
        birthDate: '1980-01-02',
        replaces: 1,
      },
    ]);
    expect(parseMembers('titulaire;1;X;A;B;1970-01-01\nchef;1;F;A;B;1970-01-01').problems).toEqual([
      'Ligne 1 : sexe F ou M',
      'Ligne 2 : rôle « titulaire » ou « remplacant »',
    ]);
  });
});
