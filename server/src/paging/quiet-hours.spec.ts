import { deliveryNotBefore, parseQuietWindow, quietUntil } from './quiet-hours';

const night = parseQuietWindow('22:00-07:00')!;
const lunch = parseQuietWindow('12:00-14:00')!;

describe('quiet hours', () => {
  it('parses HH:MM-HH:MM, empty means none, and refuses the rest', () => {
    expect(night).toEqual({ start: 22 * 60, end: 7 * 60 });
    expect(parseQuietWindow('')).toBeNull();
    for (const bad of ['22-07', '24:00-07:00', '22:00-22:00', '22:00 07:00'])
      expect(() => parseQuietWindow(bad)).toThrow();
  });

  it.each([
    // [instant (UTC), window, expected end (UTC) or null]
    ['2027-01-15T20:59:00Z', 'night', null], // 21:59 Paris (winter, UTC+1)
    ['2027-01-15T21:00:00Z', 'night', '2027-01-16T06:00:00.000Z'], // 22:00 sharp: inside
    ['2027-01-16T02:30:00Z', 'night', '2027-01-16T06:00:00.000Z'], // 03:30, same night
    ['2027-01-16T06:00:00Z', 'night', null], // 07:00 sharp: over
    ['2027-07-14T20:30:00Z', 'night', '2027-07-15T05:00:00.000Z'], // 22:30 summer (UTC+2)
    ['2027-01-31T22:00:00Z', 'night', '2027-02-01T06:00:00.000Z'], // 23:00 on 31 January
    ['2026-12-31T23:30:00Z', 'night', '2027-01-01T06:00:00.000Z'], // New Year's Eve
    // spring forward: night of 27-28 March 2027, 02:00 → 03:00; 07:00 is UTC+2
    ['2027-03-27T22:00:00Z', 'night', '2027-03-28T05:00:00.000Z'],
    // fall back: night of 30-31 October 2027; 07:00 is UTC+1 again
    ['2027-10-30T21:00:00Z', 'night', '2027-10-31T06:00:00.000Z'],
    ['2027-01-15T11:30:00Z', 'lunch', '2027-01-15T13:00:00.000Z'], // 12:30, window within a day
    ['2027-01-15T13:00:00Z', 'lunch', null], // 14:00
    ['2027-01-15T10:59:00Z', 'lunch', null], // 11:59
  ])('%s in the %s window → %s', (at, which, expected) => {
    const end = quietUntil(which === 'night' ? night : lunch, new Date(at));
    expect(end?.toISOString() ?? null).toBe(expected);
  });

  it('only holds ringing channels of non-crisis pages to people not on duty', () => {
    const at = new Date('2027-01-16T02:30:00Z'); // 03:30 Paris
    const end = '2027-01-16T06:00:00.000Z';
    const of = (...args: Parameters<typeof deliveryNotBefore>) =>
      deliveryNotBefore(...args)?.toISOString() ?? null;
    expect(of(night, at, 'alerte', 'sms', ['commune:63113'])).toBe(end);
    expect(of(night, at, 'information', 'voice', ['contact'])).toBe(end);
    expect(of(night, at, 'information', 'push', ['group:Maires'])).toBe(end);
    expect(of(night, at, 'crise', 'sms', ['commune:63113'])).toBeNull();
    expect(of(night, at, 'alerte', 'email', ['commune:63113'])).toBeNull();
    expect(of(night, at, 'alerte', 'inapp', ['contact'])).toBeNull();
    expect(of(night, at, 'alerte', 'sms', ['service:SDIS63'])).toBeNull();
    expect(of(null, at, 'information', 'sms', ['contact'])).toBeNull();
    expect(
      of(night, new Date('2027-01-16T12:00:00Z'), 'information', 'sms', ['contact']),
    ).toBeNull();
  });
});
