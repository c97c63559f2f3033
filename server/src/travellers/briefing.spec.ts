import type { Aire, GrandPassage, Settlement } from '../contracts/travellers';
import { buildBriefing, mondayOf } from './briefing';

const passage = (
  id: string,
  arrival: string,
  departure: string,
  status: GrandPassage['status'] = 'prevu',
) => ({ id, groupName: id, arrival, departure, status, warnings: [] }) as unknown as GrandPassage;

describe('weekly briefing', () => {
  it.each([
    ['2026-07-06', '2026-07-06'], // a Monday
    ['2026-07-12', '2026-07-06'], // the Sunday after
    ['2026-03-01', '2026-02-23'], // across a month end
    ['2027-01-01', '2026-12-28'], // across a year end
  ])('the week of %s starts on %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });

  it('sorts the passages into this week and the next two', () => {
    const b = buildBriefing(
      '2026-07-08',
      [
        passage('left-on-monday', '2026-06-29', '2026-07-06'), // departure day = Monday: gone
        passage('here', '2026-07-05', '2026-07-12'),
        passage('sunday', '2026-07-12', '2026-07-19'),
        passage('soon', '2026-07-19', '2026-07-26'),
        passage('later', '2026-07-27', '2026-08-02'),
        passage('cancelled', '2026-07-08', '2026-07-10', 'annule'),
      ],
      [],
      [],
    );
    expect(b.weekStart).toBe('2026-07-06');
    expect(b.weekEnd).toBe('2026-07-12');
    expect(b.passagesThisWeek.map((p) => p.id)).toEqual(['here', 'sunday']);
    expect(b.passagesUpcoming.map((p) => p.id)).toEqual(['soon']);
  });

  it('lists open procedures, closed aires and the year counts', () => {
    const s = (o: Partial<Settlement>) =>
      ({
        notifiedAt: null,
        appealFiledAt: null,
        evictedAt: null,
        priorSettlementId: null,
        ...o,
      }) as Settlement;
    const b = buildBriefing(
      '2026-07-08',
      [],
      [
        s({
          id: 'a',
          status: 'mise_en_demeure',
          observedAt: '2026-07-07T08:00:00Z',
          notifiedAt: '2026-07-07T20:00:00Z',
        }),
        s({
          id: 'b',
          status: 'clos',
          observedAt: '2026-05-02T08:00:00Z',
          notifiedAt: '2026-05-02T14:00:00Z',
          appealFiledAt: '2026-05-03T08:00:00Z',
          evictedAt: '2026-05-05T08:00:00Z',
        }),
        s({ id: 'c', status: 'clos', observedAt: '2025-08-02T08:00:00Z' }),
      ],
      [
        { id: '1', name: 'Ouverte', status: 'en_service', closures: [] },
        {
          id: '2',
          name: 'Travaux',
          status: 'en_service',
          closures: [{ id: 'x', start: '2026-07-10', end: '2026-07-20', reason: 'Réfection' }],
        },
        { id: '3', name: 'Fermée', status: 'fermee', closures: [] },
      ] as unknown as Aire[],
    );
    expect(b.openSettlements.map((x) => x.id)).toEqual(['a']);
    expect(b.closedAires.map((a) => a.name)).toEqual(['Travaux', 'Fermée']);
    expect(b.procedures).toEqual({
      year: 2026,
      total: 2,
      formalNotices: 2,
      appeals: 1,
      evictions: 1,
      medianHoursToNotice: 9,
    });
  });
});
