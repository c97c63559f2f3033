import { firstRank, nextOnRoster, shiftsInForce, type ShiftLike } from './on-duty';

const h = (hour: number) => new Date(Date.UTC(2026, 2, 14, hour));
let n = 0;
const shift = (
  contactId: string,
  from: number,
  to: number,
  rank = 1,
  override = false,
): ShiftLike => ({
  id: `s${++n}`,
  contactId,
  start: h(from),
  end: h(to),
  rank,
  override,
});

describe('on duty', () => {
  const alice = shift('alice', 8, 20, 1);
  const bob = shift('bob', 8, 20, 2);
  const carol = shift('carol', 20, 32, 1);
  const dave = shift('dave', 12, 14, 1, true);

  it('takes the shifts covering the time, end excluded, by rank', () => {
    expect(shiftsInForce([carol, bob, alice], h(9))).toEqual([alice, bob]);
    expect(shiftsInForce([carol, bob, alice], h(20))).toEqual([carol]);
    expect(shiftsInForce([carol, bob, alice], h(7))).toEqual([]);
  });

  it('lets an override replace the regular shifts of its rank only, while it lasts', () => {
    expect(shiftsInForce([alice, bob, carol, dave], h(13))).toEqual([dave, bob]);
    expect(shiftsInForce([alice, bob, carol, dave], h(14))).toEqual([alice, bob]);
    const bobOverride = shift('erin', 8, 10, 2, true);
    expect(shiftsInForce([alice, bob, bobOverride], h(9))).toEqual([alice, bobOverride]);
  });

  it('pages the lowest rank present first, all of it', () => {
    const alice2 = shift('frank', 8, 20, 1);
    expect(firstRank(shiftsInForce([alice, bob, alice2], h(9))).map((s) => s.contactId)).toEqual([
      'alice',
      'frank',
    ]);
    expect(firstRank([bob])).toEqual([bob]);
    expect(firstRank([])).toEqual([]);
  });

  it('escalates to the next rank above the contact, skipping those already paged', () => {
    const third = shift('gina', 8, 20, 3);
    const roster = shiftsInForce([alice, bob, third], h(9));
    expect(nextOnRoster(roster, 'alice', new Set())?.contactId).toBe('bob');
    expect(nextOnRoster(roster, 'alice', new Set(['bob']))?.contactId).toBe('gina');
    expect(nextOnRoster(roster, 'bob', new Set())?.contactId).toBe('gina');
    expect(nextOnRoster(roster, 'gina', new Set())).toBeNull();
    // someone not on duty escalates to whoever is
    expect(nextOnRoster(roster, 'zoe', new Set())?.contactId).toBe('alice');
    expect(nextOnRoster(roster, 'zoe', new Set(['alice']))?.contactId).toBe('bob');
  });
});
