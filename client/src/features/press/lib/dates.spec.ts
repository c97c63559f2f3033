import { frenchDay, isoToLocalInput } from './dates';
import { localInputToIso } from '@/lib/format';

describe('press dates', () => {
  it.each(['2026-03-14T09:30:00.000Z', '2026-10-25T01:30:00.000Z', '2026-12-31T23:59:00.000Z'])('round-trips %s through a datetime-local input', (iso) => {
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
  });
  it('writes French days', () => {
    expect(frenchDay('2027-03-31')).toBe('31/03/2027');
    expect(frenchDay(null)).toBe('');
  });
});
