import type { TravellersRuleSet } from '../contracts/travellers';
import {
  overlapPairs,
  overlappingBookings,
  passageWarnings,
  staysOverlap,
  type Booking,
  type PassageFacts,
} from './grand-passage-rules';
import { ruleSetAt, type RuleRow } from './rule-set';

const RULES: TravellersRuleSet = {
  gp_notice_prefect_months: 3,
  gp_notice_mayor_months: 2,
  gp_notice_min_caravans: 150,
  md_min_delay_hours: 24,
  appeal_ruling_hours: 48,
  md_reuse_days: 7,
};

describe('versioned rule table', () => {
  const rows: RuleRow[] = [
    ...Object.entries(RULES).map(
      ([key, value]) => ({ key, value, effectiveFrom: '2018-11-09' }) as RuleRow,
    ),
    { key: 'appeal_ruling_hours', value: 72, effectiveFrom: '2000-07-06' },
    { key: 'md_min_delay_hours', value: 36, effectiveFrom: '2030-01-01' },
  ];

  it.each([
    ['2026-06-01', 'appeal_ruling_hours', 48],
    ['2018-11-09', 'appeal_ruling_hours', 48],
    ['2029-12-31', 'md_min_delay_hours', 24],
    ['2030-01-01', 'md_min_delay_hours', 36],
  ] as const)('on %s, %s is %i', (day, key, value) => {
    expect(ruleSetAt(rows, day)[key]).toBe(value);
  });

  it('uses the first known version before it, and refuses a key with no row', () => {
    expect(ruleSetAt(rows, '2015-06-01').gp_notice_prefect_months).toBe(3);
    expect(ruleSetAt(rows, '2015-06-01').appeal_ruling_hours).toBe(72);
    expect(() =>
      ruleSetAt(
        rows.filter((r) => r.key !== 'md_reuse_days'),
        '2026-01-01',
      ),
    ).toThrow('no travellers rule for md_reuse_days');
  });

  it('takes the old court delay before 2018 when every key has a row', () => {
    const old: RuleRow[] = Object.entries(RULES).map(
      ([key, value]) =>
        ({
          key,
          value: key === 'appeal_ruling_hours' ? 72 : value,
          effectiveFrom: '2000-07-06',
        }) as RuleRow,
    );
    expect(ruleSetAt([...old, ...rows], '2015-06-01').appeal_ruling_hours).toBe(72);
    expect(ruleSetAt([...old, ...rows], '2018-11-09').appeal_ruling_hours).toBe(48);
  });
});

describe('overlapping bookings on one aire', () => {
  const b = (
    id: string,
    aireId: string | null,
    arrival: string,
    departure: string,
    status: Booking['status'] = 'prevu',
  ): Booking => ({
    id,
    groupName: id,
    aireId,
    arrival,
    departure,
    status,
  });

  it.each([
    // a, b, overlap?
    [['2026-06-01', '2026-06-14'], ['2026-06-14', '2026-06-21'], false], // handover on the departure day
    [['2026-06-01', '2026-06-15'], ['2026-06-14', '2026-06-21'], true], // one night shared
    [['2026-06-01', '2026-06-30'], ['2026-06-10', '2026-06-12'], true], // inside
    [['2026-06-10', '2026-06-12'], ['2026-06-01', '2026-06-30'], true],
    [['2026-05-25', '2026-06-01'], ['2026-06-01', '2026-06-08'], false], // across a month end, back to back
    [['2026-05-25', '2026-06-02'], ['2026-06-01', '2026-06-08'], true],
    [['2026-06-01', '2026-06-08'], ['2026-07-01', '2026-07-08'], false],
  ] as const)('%j and %j overlap: %s', (x, y, expected) => {
    expect(
      staysOverlap({ arrival: x[0], departure: x[1] }, { arrival: y[0], departure: y[1] }),
    ).toBe(expected);
  });

  it('only counts active bookings of the same aire', () => {
    const candidate = b('new', 'agp1', '2026-06-10', '2026-06-17');
    const others = [
      b('same', 'agp1', '2026-06-14', '2026-06-21'),
      b('other-aire', 'agp2', '2026-06-10', '2026-06-17'),
      b('cancelled', 'agp1', '2026-06-10', '2026-06-17', 'annule'),
      b('finished', 'agp1', '2026-06-10', '2026-06-17', 'termine'),
      b('new', 'agp1', '2026-06-10', '2026-06-17'), // itself (an update)
    ];
    expect(overlappingBookings(candidate, others).map((o) => o.id)).toEqual(['same']);
    expect(overlappingBookings(b('x', null, '2026-06-10', '2026-06-17'), others)).toEqual([]);
    expect(
      overlappingBookings(b('x', 'agp1', '2026-06-10', '2026-06-17', 'annule'), others),
    ).toEqual([]);
  });

  it('lists every overlapping pair of a season', () => {
    const season = [
      b('a', 'agp1', '2026-05-03', '2026-05-17'),
      b('b', 'agp1', '2026-05-17', '2026-05-31'),
      b('c', 'agp1', '2026-05-30', '2026-06-07'),
      b('d', 'agp2', '2026-05-03', '2026-06-07'),
      b('e', 'agp1', '2026-05-01', '2026-06-30', 'annule'),
    ];
    expect(overlapPairs(season).map(([x, y]) => `${x.id}/${y.id}`)).toEqual(['b/c']);
  });
});

describe('grand passage warnings', () => {
  const base: PassageFacts = {
    caravansAnnounced: 180,
    arrival: '2026-06-14',
    departure: '2026-06-21',
    noticeReceivedOn: '2026-02-01',
    mayorInformedOn: '2026-03-20',
    conventionSigned: true,
    status: 'prevu',
    aire: { capacity: 200, closures: [], closedForGood: false },
  };
  const codes = (p: Partial<PassageFacts>, today = '2026-05-01') =>
    passageWarnings({ ...base, ...p }, RULES, today).map((w) => w.code);

  it('has nothing to say about a well-prepared passage', () => {
    expect(codes({})).toEqual([]);
  });

  it('warns on a notice less than 3 months ahead, and names the deadline', () => {
    expect(codes({ noticeReceivedOn: '2026-03-14' })).toEqual([]);
    const w = passageWarnings({ ...base, noticeReceivedOn: '2026-03-15' }, RULES, '2026-05-01');
    expect(w.map((x) => x.code)).toEqual(['late_notice']);
    expect(w[0].message).toContain('au plus tard le 14/03/2026');
    // arrival on 31 May: the notice was due on 28 February
    expect(
      codes({
        arrival: '2026-05-31',
        departure: '2026-06-07',
        noticeReceivedOn: '2026-02-28',
        mayorInformedOn: '2026-03-31',
      }),
    ).toEqual([]);
    expect(
      codes({
        arrival: '2026-05-31',
        departure: '2026-06-07',
        noticeReceivedOn: '2026-03-01',
        mayorInformedOn: '2026-03-31',
      }),
    ).toEqual(['late_notice']);
  });

  it('warns when the maire was informed less than 2 months ahead, or not yet', () => {
    expect(codes({ mayorInformedOn: '2026-04-15' })).toEqual(['late_mayor_information']);
    expect(codes({ mayorInformedOn: null }, '2026-04-01')).toEqual(['mayor_not_informed']);
    const late = passageWarnings({ ...base, mayorInformedOn: null }, RULES, '2026-04-15');
    expect(late[0].message).toContain('dépassée');
  });

  it('does not require notices of small groups', () => {
    expect(
      codes({ caravansAnnounced: 150, noticeReceivedOn: '2026-06-01', mayorInformedOn: null }),
    ).toEqual([]);
  });

  it('warns on capacity, convention, closures and a missing aire', () => {
    expect(codes({ caravansAnnounced: 220 })).toEqual(['over_capacity']);
    expect(codes({ conventionSigned: false })).toEqual(['convention_missing']);
    expect(
      codes({
        aire: {
          ...base.aire!,
          closures: [{ start: '2026-06-20', end: '2026-06-30', reason: 'fauchage' }],
        },
      }),
    ).toEqual(['aire_closed']);
    // closure starting on the departure day does not hit the stay
    expect(
      codes({
        aire: {
          ...base.aire!,
          closures: [{ start: '2026-06-21', end: '2026-06-30', reason: 'fauchage' }],
        },
      }),
    ).toEqual([]);
    expect(codes({ aire: null })).toEqual(['no_aire']);
    expect(codes({ aire: null, status: 'annule' })).toEqual([]);
  });
});
