import { checkResult, checkTurnout } from './result-checks';

const bureau = { ref: '63113-0001', label: 'Clermont-Ferrand, bureau 1', inscrits: 1000 };
const ok = {
  inscrits: 1000,
  votants: 600,
  blancs: 10,
  nuls: 5,
  exprimes: 585,
  voix: { a: 300, b: 285 },
};

describe('checkResult', () => {
  it('accepts a consistent entry', () => {
    expect(checkResult(bureau, ok, ['a', 'b'])).toEqual({ errors: [], warnings: [] });
  });

  it.each<[string, Partial<typeof ok>, string]>([
    [
      'votants ≠ blancs + nuls + exprimés',
      { votants: 601 },
      'votants (601) ≠ blancs (10) + nuls (5) + exprimés (585) = 600',
    ],
    ['Σ voix ≠ exprimés', { voix: { a: 300, b: 280 } }, 'somme des voix (580) ≠ exprimés (585)'],
    ['votants > inscrits', { inscrits: 500, votants: 600 }, 'votants (600) > inscrits (500)'],
  ])('rejects %s, naming the bureau and the numbers', (_, change, fragment) => {
    const { errors } = checkResult(bureau, { ...ok, ...change }, ['a', 'b']);
    expect(errors.map((e) => e.message)).toContainEqual(
      `Bureau 63113-0001 (Clermont-Ferrand, bureau 1) : ${fragment}`,
    );
  });

  it('rejects votes for an unknown candidature and missing ones', () => {
    const { errors } = checkResult(bureau, { ...ok, voix: { a: 300, x: 285 } }, ['a', 'b']);
    expect(errors.map((e) => e.path).sort()).toEqual(['voix.b', 'voix.x']);
  });

  it('warns when émargements differ from votants or inscrits from the list', () => {
    const { errors, warnings } = checkResult(bureau, { ...ok, inscrits: 1002, emargements: 598 }, [
      'a',
      'b',
    ]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'Bureau 63113-0001 (Clermont-Ferrand, bureau 1) : inscrits saisis (1 002) ≠ inscrits de la liste (1 000)',
      'Bureau 63113-0001 (Clermont-Ferrand, bureau 1) : émargements (598) ≠ enveloppes et bulletins (votants 600) — à mentionner au procès-verbal',
    ]);
  });
});

describe('checkTurnout', () => {
  it('warns when participation goes down or passes the inscrits', () => {
    expect(checkTurnout(bureau, '17:00', 300, [{ slot: '12:00', votants: 250 }])).toEqual([]);
    expect(checkTurnout(bureau, '17:00', 200, [{ slot: '12:00', votants: 250 }])).toEqual([
      'Bureau 63113-0001 (Clermont-Ferrand, bureau 1) : votants à 17:00 (200) < votants à 12:00 (250)',
    ]);
    expect(checkTurnout(bureau, '12:00', 1001, [])).toHaveLength(1);
  });
});
