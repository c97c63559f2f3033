import { allocateSeats, majorityBonus, raceOutcome, type Thresholds } from './seats';

const T: Thresholds = {
  winExprimes: 50,
  winInscrits: 25,
  qualifyInscrits: 12.5,
  qualifyExprimes: 10,
  mergeExprimes: 5,
  seatExprimes: 5,
};
const obj = (m: Map<string, number>) => Object.fromEntries(m);

describe('majorityBonus', () => {
  it.each([
    [3, 1],
    [4, 2],
    [7, 4],
    [23, 12],
    [27, 14],
    [55, 28],
  ])('%i seats → %i', (seats, bonus) => expect(majorityBonus(seats)).toBe(bonus));
});

describe('allocateSeats (worked examples)', () => {
  it('27 seats, A has the majority, D under 5 % gets nothing', () => {
    // bonus 14 to A; 13 at the highest average among A 5100, B 3000, C 1500:
    // quotient 738.46 → A 6, B 4, C 2; last seat: A 5100/7 = 728.6 > B 600 > C 500
    const lists = [
      { id: 'A', voix: 5100 },
      { id: 'B', voix: 3000 },
      { id: 'C', voix: 1500 },
      { id: 'D', voix: 400 },
    ];
    expect(obj(allocateSeats(27, lists, 10000, 5, 'A'))).toEqual({ A: 21, B: 4, C: 2, D: 0 });
  });

  it('23 seats in round two (relative majority)', () => {
    // bonus 12; averages A 4000 2000 1333 1000 800 | B 3800 1900 1267 950 | C 2200 1100
    const lists = [
      { id: 'A', voix: 4000 },
      { id: 'B', voix: 3800 },
      { id: 'C', voix: 2200 },
    ];
    expect(obj(allocateSeats(23, lists, 10000, 5, 'A'))).toEqual({ A: 17, B: 4, C: 2 });
  });

  it('7 seats in a small commune', () => {
    expect(
      obj(
        allocateSeats(
          7,
          [
            { id: 'A', voix: 600 },
            { id: 'B', voix: 400 },
          ],
          1000,
          5,
          'A',
        ),
      ),
    ).toEqual({ A: 6, B: 1 });
  });

  it('equal averages and equal votes: the older list takes the seat', () => {
    const lists = [
      { id: 'A', voix: 400, age: 45 },
      { id: 'B', voix: 300, age: 47.1 },
      { id: 'C', voix: 300, age: 52.3 },
    ];
    expect(obj(allocateSeats(3, lists, 1000, 5, 'A'))).toEqual({ A: 2, B: 0, C: 1 });
  });
});

describe('raceOutcome', () => {
  const lg = (voix: number[]) => voix.map((v, i) => ({ id: `c${i + 1}`, voix: v }));

  it('législatives: elected in round one with > 50 % exprimés and ≥ 25 % inscrits', () => {
    const r = raceOutcome(
      'legislatives',
      1,
      { inscrits: 10000, exprimes: 5000 },
      lg([2600, 2400]),
      T,
    );
    expect(r.byId.get('c1')!.elected).toBe(true);
    expect(r.summary).toBe('Élu au premier tour');
  });

  it('législatives: a majority under 25 % of inscrits goes to round two', () => {
    const r = raceOutcome(
      'legislatives',
      1,
      { inscrits: 10000, exprimes: 4000 },
      lg([2100, 1300, 600]),
      T,
    );
    expect(r.byId.get('c1')!.elected).toBe(false);
    expect([...r.byId].filter(([, o]) => o.qualified).map(([id]) => id)).toEqual(['c1', 'c2']);
  });

  it('législatives: three reach 12.5 % of inscrits (triangulaire)', () => {
    const r = raceOutcome(
      'legislatives',
      1,
      { inscrits: 10000, exprimes: 7000 },
      lg([2800, 2200, 1300, 700]),
      T,
    );
    expect([...r.byId].filter(([, o]) => o.qualified).map(([id]) => id)).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
  });

  it('législatives: fewer than two at 12.5 %, the top two go through', () => {
    const r = raceOutcome(
      'legislatives',
      1,
      { inscrits: 10000, exprimes: 3000 },
      lg([1400, 1000, 600]),
      T,
    );
    expect([...r.byId].filter(([, o]) => o.qualified).map(([id]) => id)).toEqual(['c1', 'c2']);
  });

  it('municipales: no majority, 10 % to stand again, 5 % to merge', () => {
    const r = raceOutcome(
      'municipales',
      1,
      { inscrits: 3000, exprimes: 2000 },
      lg([900, 700, 150, 250]),
      T,
      23,
    );
    expect(r.byId.get('c3')).toEqual({
      elected: false,
      qualified: false,
      canMerge: true,
      seats: null,
    });
    expect(r.byId.get('c4')!.qualified).toBe(true);
    expect(r.summary).toBe('Second tour nécessaire');
  });

  it('municipales: an absolute majority allocates the seats', () => {
    const r = raceOutcome(
      'municipales',
      1,
      { inscrits: 15000, exprimes: 10000 },
      [
        { id: 'A', voix: 5100 },
        { id: 'B', voix: 3000 },
        { id: 'C', voix: 1500 },
        { id: 'D', voix: 400 },
      ],
      T,
      27,
    );
    expect(r.byId.get('A')!.seats).toBe(21);
    expect(r.summary).toBe('Liste majoritaire : 21 sièges sur 27');
  });
});
