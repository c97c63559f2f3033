import type { CandidateMember } from '../contracts/elections';
import { checkCandidature, type CandidatureContext } from './candidature-checks';
import type { DeadlineRule } from './deadlines';

const rule: DeadlineRule = { kind: 'weekday_before_polling', weekday: 4, nth: 3, time: '18:00' };
const base: CandidatureContext = {
  system: 'municipales',
  deadline: new Date('2026-02-26T17:00:00Z'),
  deadlineRule: rule,
  seats: 7,
  population: 800,
  listSize: { extra: 2, missingSmall: 2, smallPopulation: 1000 },
  others: [],
};
const person = (
  rank: number,
  sex: 'F' | 'M',
  role: 'titulaire' | 'remplacant' = 'titulaire',
  replaces?: number,
): CandidateMember => ({
  rank,
  role,
  sex,
  lastName: `Nom${rank}${role}`,
  firstName: `Prénom${rank}`,
  birthDate: `1970-01-${String(rank).padStart(2, '0')}`,
  ...(replaces ? { replaces } : {}),
});
const list = (sexes: string) => [...sexes].map((s, i) => person(i + 1, s as 'F' | 'M'));
const deposit = (
  members: CandidateMember[],
  kind: 'liste' | 'candidat' | 'binome' = 'liste',
  depositedAt = '2026-02-20T10:00:00Z',
) => ({
  kind,
  depositedAt,
  members,
});

describe('checkCandidature', () => {
  it('accepts a complete alternating list', () => {
    expect(checkCandidature(deposit(list('FMFMFMF')), base)).toEqual([]);
  });

  it('refuses a late deposit with the reason', () => {
    const problems = checkCandidature(
      deposit(list('FMFMFMF'), 'liste', '2026-02-26T17:00:01Z'),
      base,
    );
    expect(problems).toEqual([
      {
        path: 'depositedAt',
        message:
          'Dépôt hors délai : déposée le jeudi 26 février 2026 à 18:00, clôture le jeudi 26 février 2026 à 18:00 (18 h le 3e jeudi avant le scrutin)',
      },
    ]);
  });

  it('accepts a deposit at the deadline exactly', () => {
    expect(
      checkCandidature(deposit(list('FMFMFMF'), 'liste', '2026-02-26T17:00:00Z'), base),
    ).toEqual([]);
  });

  it('refuses a list that breaks the alternation', () => {
    const problems = checkCandidature(deposit(list('FMMFMFM')), base);
    expect(problems.map((p) => p.message)).toEqual([
      'Parité : rangs 2 et 3 sont du même sexe (NOM2TITULAIRE Prénom2, NOM3TITULAIRE Prénom3)',
    ]);
  });

  it.each([
    [
      'too long (seats + 3)',
      'FMFMFMFMFM',
      800,
      'Taille de liste : 10 candidats pour 7 sièges (de 5 à 9 admis)',
    ],
    [
      'too short in a small commune (seats − 3)',
      'FMFM',
      800,
      'Taille de liste : 4 candidats pour 7 sièges (de 5 à 9 admis)',
    ],
    [
      'short by one over 1 000 inhabitants',
      'FMFMFM',
      1500,
      'Taille de liste : 6 candidats pour 7 sièges (de 7 à 9 admis)',
    ],
  ])('list size: %s', (_, sexes, population, message) => {
    expect(checkCandidature(deposit(list(sexes)), { ...base, population })).toEqual([
      { path: 'members', message },
    ]);
  });

  it('accepts seats + 2 and, under 1 000 inhabitants, seats − 2', () => {
    expect(checkCandidature(deposit(list('FMFMFMFMF')), base)).toEqual([]);
    expect(checkCandidature(deposit(list('FMFMF')), base)).toEqual([]);
  });

  it('refuses a person already on another list of the scrutin (accents and case folded)', () => {
    const other = {
      label: 'Agir pour Royat',
      members: [{ ...person(3, 'F'), lastName: 'nom3titulaire', firstName: 'PRENOM3' }],
    };
    const problems = checkCandidature(deposit(list('FMFMFMF')), { ...base, others: [other] });
    expect(problems).toEqual([
      {
        path: 'members',
        message:
          'Double candidature : NOM3TITULAIRE Prénom3 (né(e) le 1970-01-03) figure déjà sur « Agir pour Royat »',
      },
    ]);
  });

  it('législatives: a remplaçant of the other sex', () => {
    const ctx = { ...base, system: 'legislatives' as const, seats: undefined };
    expect(
      checkCandidature(deposit([person(1, 'F'), person(1, 'M', 'remplacant')], 'candidat'), ctx),
    ).toEqual([]);
    expect(
      checkCandidature(deposit([person(1, 'F'), person(1, 'F', 'remplacant')], 'candidat'), ctx),
    ).toEqual([
      { path: 'members', message: 'Le remplaçant doit être de sexe différent du candidat' },
    ]);
  });

  it('départementales: binôme F/H with remplaçants of the same sex as their titulaire', () => {
    const ctx = { ...base, system: 'departementales' as const, seats: undefined };
    const good = [
      person(1, 'F'),
      person(2, 'M'),
      person(1, 'F', 'remplacant', 1),
      person(2, 'M', 'remplacant', 2),
    ];
    expect(checkCandidature(deposit(good, 'binome'), ctx)).toEqual([]);
    const bad = [
      person(1, 'F'),
      person(2, 'F'),
      person(1, 'M', 'remplacant', 1),
      person(2, 'F', 'remplacant', 2),
    ];
    expect(checkCandidature(deposit(bad, 'binome'), ctx).map((p) => p.message)).toEqual([
      'Le binôme est composé d’une femme et d’un homme',
      'Remplaçant NOM1REMPLACANT Prénom1 : doit être du même sexe que NOM1TITULAIRE Prénom1',
    ]);
  });

  it('refuses the wrong kind for the system', () => {
    expect(checkCandidature(deposit([person(1, 'F')], 'candidat'), base)[0]).toEqual({
      path: 'kind',
      message: 'Une candidature aux municipales est de type « liste »',
    });
  });
});
