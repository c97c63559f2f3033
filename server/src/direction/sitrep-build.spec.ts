import { COUNTER_KEYS } from '../contracts/crisis';
import type { Sitrep } from '../contracts/direction';
import { advanceDue, counterDeltas, emptySections, formatDelta, sitrepDiff, sitrepReminderDue } from './sitrep-build';

describe('counterDeltas', () => {
  it.each([
    [{ evacues: 12, heberges: 4 }, { evacues: 5, heberges: 4 }, { evacues: 7, heberges: 0 }],
    [{ evacues: 3 }, null, { evacues: 3 }],
    [{}, { decedes: 1 }, { decedes: -1 }],
    [{ routes_coupees: 2 }, { routes_coupees: 5, impliques: 1 }, { routes_coupees: -3, impliques: -1 }],
  ])('%j vs %j', (current, previous, expected) => {
    const deltas = counterDeltas(current, previous);
    expect(Object.keys(deltas).sort()).toEqual([...COUNTER_KEYS].sort());
    for (const key of COUNTER_KEYS) expect(deltas[key]).toBe((expected as Record<string, number>)[key] ?? 0);
  });
});

describe('sitrepDiff', () => {
  const point = (over: Partial<Sitrep>): Pick<Sitrep, 'number' | 'codLevel' | 'bilan' | 'entries' | 'sections' | 'tasks'> => ({
    number: 1,
    codLevel: 'pre_alerte',
    bilan: counterDeltas({ evacues: 10 }, null),
    entries: [],
    sections: { ...emptySections(), situation: 'Crue en cours' },
    tasks: { open: 2, overdue: 0, closedSincePrevious: 0, createdSincePrevious: 2 },
    ...over,
  });
  it('compares with the previous point', () => {
    const previous = point({});
    const current = point({
      number: 2,
      codLevel: 'active_restreint',
      bilan: counterDeltas({ evacues: 25, heberges: 8 }, null),
      sections: { ...emptySections(), situation: 'Crue en cours', anticipation: 'Pic attendu à 18 h' },
      tasks: { open: 3, overdue: 1, closedSincePrevious: 1, createdSincePrevious: 2 },
    });
    const diff = sitrepDiff(current, previous);
    expect(diff.previousNumber).toBe(1);
    expect(diff.codLevel).toEqual({ from: 'pre_alerte', to: 'active_restreint' });
    expect(diff.counters.find((c) => c.key === 'evacues')).toEqual({ key: 'evacues', previous: 10, current: 25, delta: 15 });
    expect(diff.counters.find((c) => c.key === 'heberges')!.delta).toBe(8);
    expect(diff.sections.filter((s) => s.changed).map((s) => s.section)).toEqual(['anticipation']);
    expect(diff.tasks).toEqual({ open: [2, 3], overdue: [0, 1] });
  });
  it('a first point compares with nothing', () => {
    const diff = sitrepDiff(point({}), null);
    expect(diff.previousNumber).toBeNull();
    expect(diff.codLevel).toBeNull();
    expect(diff.counters.find((c) => c.key === 'evacues')!.delta).toBe(10);
    expect(diff.sections.find((s) => s.section === 'situation')!.changed).toBe(true);
  });
});

describe('formatDelta', () => {
  it.each([
    [0, '='],
    [3, '+3'],
    [-2, '−2'],
  ])('%i → %s', (delta, text) => expect(formatDelta(delta)).toBe(text));
});

describe('advanceDue', () => {
  const now = new Date('2026-03-14T10:00:00Z');
  it.each([
    ['no interval keeps the schedule', new Date('2026-03-14T09:00:00Z'), null, new Date('2026-03-14T09:00:00Z')],
    ['future due time stays', new Date('2026-03-14T12:00:00Z'), 120, new Date('2026-03-14T12:00:00Z')],
    ['past due moves by one interval', new Date('2026-03-14T09:30:00Z'), 60, new Date('2026-03-14T10:30:00Z')],
    ['far past moves by whole intervals', new Date('2026-03-14T04:00:00Z'), 120, new Date('2026-03-14T12:00:00Z')],
    ['exactly now moves on', now, 60, new Date('2026-03-14T11:00:00Z')],
    ['no due time starts from now', null, 30, new Date('2026-03-14T10:30:00Z')],
  ])('%s', (_, due, interval, expected) => {
    expect(advanceDue(due, interval, now)).toEqual(expected);
  });
});

describe('sitrepReminderDue', () => {
  const now = new Date('2026-03-14T10:00:00Z');
  const due = new Date('2026-03-14T10:10:00Z');
  it.each([
    ['within the lead', { nextDueAt: due, remindedFor: null }, 900, true],
    ['before the lead', { nextDueAt: due, remindedFor: null }, 300, false],
    ['already reminded for that time', { nextDueAt: due, remindedFor: due }, 900, false],
    ['reminded for an earlier time', { nextDueAt: due, remindedFor: new Date('2026-03-14T06:00:00Z') }, 900, true],
    ['no schedule', { nextDueAt: null, remindedFor: null }, 900, false],
  ])('%s', (_, s, lead, expected) => expect(sitrepReminderDue(s, lead, now)).toBe(expected));
});
