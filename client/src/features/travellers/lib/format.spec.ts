import { formatDateTime, formatDay, formatRate, monthsOf, seasonBar, timeLeft } from './format';

describe('gens du voyage formatting', () => {
  it('shows instants in Paris time, across midnight', () => {
    expect(formatDateTime('2026-07-04T21:30:00Z')).toBe('04/07/2026 à 23:30');
    expect(formatDateTime('2026-01-31T23:30:00Z')).toBe('01/02/2026 à 00:30');
    expect(formatDateTime(null)).toBe('—');
  });

  it('formats days, rates and months', () => {
    expect(formatDay('2026-02-28')).toBe('28/02/2026');
    expect(formatRate(0.756)).toBe('76 %');
    expect(formatRate(null)).toBe('—');
    expect(monthsOf(2026)[11]).toBe('2026-12');
  });

  it('says how long until a deadline, or since', () => {
    const now = new Date('2026-07-04T10:00:00Z');
    expect(timeLeft('2026-07-04T13:05:00Z', now)).toBe('dans 3 h 05');
    expect(timeLeft('2026-07-04T08:50:00Z', now)).toBe('dépassé depuis 1 h 10');
    expect(timeLeft('2026-07-07T12:00:00Z', now)).toBe('dans 3 j 2 h');
  });

  it('places a stay on the season bar, clipped to it', () => {
    // 1 May – 30 September: 153 days
    expect(
      seasonBar({ arrival: '2026-05-01', departure: '2026-05-16' }, '2026-05-01', '2026-09-30'),
    ).toEqual({
      left: 0,
      width: 9.8,
    });
    expect(
      seasonBar({ arrival: '2026-04-20', departure: '2026-05-02' }, '2026-05-01', '2026-09-30'),
    ).toEqual({
      left: 0,
      width: 0.65,
    });
    expect(
      seasonBar({ arrival: '2026-10-04', departure: '2026-10-11' }, '2026-05-01', '2026-09-30'),
    ).toBeNull();
  });
});
