import {
  addDays,
  addMonths,
  addParisDays,
  courtRulingDeadline,
  daysBetween,
  executionDeadline,
  formatParis,
  fromParisWallClock,
  isLateNotice,
  noticeDeadline,
  parisDay,
  reuseWindowEnd,
} from './delays';

const iso = (d: Date) => d.toISOString();

describe('Paris wall clock', () => {
  it.each([
    // winter (UTC+1), summer (UTC+2)
    [{ year: 2026, month: 1, day: 15, hour: 23, minute: 30 }, '2026-01-15T22:30:00.000Z'],
    [{ year: 2026, month: 7, day: 15, hour: 0, minute: 15 }, '2026-07-14T22:15:00.000Z'],
    // 02:30 does not exist on 29 March 2026: read as 03:30 CEST
    [{ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, '2026-03-29T01:30:00.000Z'],
    // 02:30 happens twice on 25 October 2026: the first (summer) one
    [{ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, '2026-10-25T00:30:00.000Z'],
  ])('reads %o as %s', (wall, expected) => {
    expect(iso(fromParisWallClock(wall))).toBe(expected);
  });

  it.each([
    ['2026-01-15T22:59:59Z', '2026-01-15'],
    ['2026-01-15T23:00:00Z', '2026-01-16'], // midnight in Paris, 23:00 UTC in winter
    ['2026-06-30T22:00:00Z', '2026-07-01'], // month end, summer
    ['2026-12-31T23:30:00Z', '2027-01-01'], // year end
  ])('puts %s on the Paris day %s', (instant, day) => {
    expect(parisDay(new Date(instant))).toBe(day);
  });
});

describe('execution delay of a mise en demeure (elapsed hours)', () => {
  it.each([
    // notified at 23:30 Paris: 24 h later is 23:30 the next day, across midnight
    ['2026-01-15T22:30:00Z', 24, '2026-01-16T22:30:00.000Z', '16/01/2026 à 23 h 30'],
    // across a month end, at night
    ['2026-01-31T22:45:00Z', 24, '2026-02-01T22:45:00.000Z', '01/02/2026 à 23 h 45'],
    ['2026-04-30T21:59:00Z', 48, '2026-05-02T21:59:00.000Z', '02/05/2026 à 23 h 59'],
    // across the spring DST change: 24 real hours, the wall clock shows one hour more
    ['2026-03-28T09:00:00Z', 24, '2026-03-29T09:00:00.000Z', '29/03/2026 à 11 h 00'],
    // across the autumn change: one hour less on the wall clock
    ['2026-10-24T12:00:00Z', 24, '2026-10-25T12:00:00.000Z', '25/10/2026 à 13 h 00'],
    // across the year end
    ['2026-12-31T16:00:00Z', 36, '2027-01-02T04:00:00.000Z', '02/01/2027 à 05 h 00'],
  ])('notified %s + %i h → %s (%s Paris)', (notified, hours, deadline, shown) => {
    const d = executionDeadline(new Date(notified), hours);
    expect(iso(d)).toBe(deadline);
    expect(formatParis(d)).toBe(shown);
  });

  it('computes the 48 h court window from the appeal, not from the notification', () => {
    expect(iso(courtRulingDeadline(new Date('2026-02-28T20:00:00Z'), 48))).toBe(
      '2026-03-02T20:00:00.000Z',
    );
    // 2028 is a leap year: 29 February exists
    expect(iso(courtRulingDeadline(new Date('2028-02-28T20:00:00Z'), 48))).toBe(
      '2028-03-01T20:00:00.000Z',
    );
  });
});

describe('7-day re-use window (calendar days, Paris time)', () => {
  it.each([
    // same wall time a week later
    ['2026-01-10T09:00:00Z', 7, '2026-01-17T09:00:00.000Z'],
    // across a month end
    ['2026-01-28T22:30:00Z', 7, '2026-02-04T22:30:00.000Z'],
    // across the spring change: 10:00 Paris stays 10:00 Paris (167 real hours)
    ['2026-03-25T09:00:00Z', 7, '2026-04-01T08:00:00.000Z'],
    // across the autumn change: 169 real hours
    ['2026-10-21T08:00:00Z', 7, '2026-10-28T09:00:00.000Z'],
    // just before midnight Paris on a month end, in summer
    ['2026-07-31T21:45:00Z', 7, '2026-08-07T21:45:00.000Z'],
  ])('notified %s + %i days → %s', (notified, days, end) => {
    expect(iso(reuseWindowEnd(new Date(notified), days))).toBe(end);
  });

  it('adds Paris days from an instant that is already the next day in Paris', () => {
    // 23:30 UTC on 31 March = 01:30 on 1 April in Paris → 01:30 on 2 April
    expect(iso(addParisDays(new Date('2026-03-31T23:30:00Z'), 1))).toBe('2026-04-01T23:30:00.000Z');
  });
});

describe('notice delays of grands passages (calendar months on dates)', () => {
  it.each([
    ['2026-06-15', -3, '2026-03-15'],
    ['2026-05-31', -3, '2026-02-28'], // clamped to the end of February
    ['2028-05-31', -3, '2028-02-29'], // leap year
    ['2026-07-31', -2, '2026-05-31'],
    ['2026-04-30', -2, '2026-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-02-15', -3, '2025-11-15'], // previous year
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s %+i months → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    // arrival, notice received, months, late?
    ['2026-06-15', '2026-03-15', 3, false], // exactly 3 months ahead: in time
    ['2026-06-15', '2026-03-16', 3, true], // one day short
    ['2026-05-31', '2026-02-28', 3, false], // deadline clamped to 28 February
    ['2026-05-31', '2026-03-01', 3, true],
    ['2026-07-31', '2026-05-31', 2, false],
    ['2026-07-31', '2026-06-01', 2, true],
    ['2026-08-01', '2026-05-20', 2, false],
  ])('arrival %s, notice %s, %i months: late = %s', (arrival, received, months, late) => {
    expect(isLateNotice(arrival, received, months)).toBe(late);
  });

  it('gives the last acceptable day', () => {
    expect(noticeDeadline('2026-05-31', 3)).toBe('2026-02-28');
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-01-30', '2026-03-01')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-01-30')).toBe(-30);
  });

  it('rejects a malformed date', () => {
    expect(() => addMonths('2026-6-1', 1)).toThrow('YYYY-MM-DD');
  });
});
