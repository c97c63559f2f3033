import { addMonths, frenchDate, parisDate, raaLabel } from './publication-dates';

describe('addMonths (appeal deadline)', () => {
  it.each([
    ['2027-01-31', 2, '2027-03-31'],
    ['2027-12-31', 2, '2028-02-29'], // 2028 is a leap year
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-12-30', 2, '2027-02-28'],
    ['2027-01-15', 2, '2027-03-15'],
    ['2027-03-31', 2, '2027-05-31'],
    ['2027-04-30', 2, '2027-06-30'],
    ['2027-08-31', 2, '2027-10-31'],
    ['2027-07-31', 2, '2027-09-30'],
    ['2027-11-15', 2, '2028-01-15'],
    ['2099-12-31', 2, '2100-02-28'], // 2100 is not a leap year
    ['2027-05-10', 0, '2027-05-10'],
  ])('%s + %i months → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses what is not a date', () => {
    expect(() => addMonths('31/01/2027', 2)).toThrow(RangeError);
  });
});

describe('raaLabel', () => {
  it.each([
    [2027, 14, 'RAA n° 63-2027-014'],
    [2021, 20, 'RAA n° 63-2021-020'],
    [2026, 1, 'RAA n° 63-2026-001'],
    [2026, 123, 'RAA n° 63-2026-123'],
  ])('%i issue %i → %s', (year, seq, label) => expect(raaLabel(year, seq)).toBe(label));
});

describe('Paris calendar', () => {
  it('takes the day in Paris, not in UTC', () => {
    expect(parisDate(new Date('2027-01-31T23:30:00Z'))).toBe('2027-02-01');
    expect(parisDate(new Date('2027-07-31T21:59:00Z'))).toBe('2027-07-31');
    expect(frenchDate('2027-03-31')).toBe('31/03/2027');
  });
});
