import {
  computeDeadline,
  type DeadlineRule,
  DeadlineError,
  describeDeadline,
  inForce,
} from './deadlines';
import { parisInstant, parisParts } from './paris-time';

const legislativesR1: DeadlineRule = {
  kind: 'weekday_before_polling',
  weekday: 5,
  nth: 4,
  time: '18:00',
};
const municipalesR1: DeadlineRule = {
  kind: 'weekday_before_polling',
  weekday: 4,
  nth: 3,
  time: '18:00',
};
const regionalesR1: DeadlineRule = {
  kind: 'weekday_before_polling',
  weekday: 1,
  nth: 4,
  time: '12:00',
};
const tuesdayAfter: DeadlineRule = { kind: 'weekday_after_first_round', weekday: 2, time: '18:00' };
const hours24: DeadlineRule = { kind: 'hours_after', hours: 24 };
const hours48: DeadlineRule = { kind: 'hours_after', hours: 48 };
const days3: DeadlineRule = { kind: 'days_after', days: 3 };
const days4At18: DeadlineRule = { kind: 'days_after', days: 4, time: '18:00' };
const tenDaysBefore: DeadlineRule = { kind: 'days_before_polling', days: 10, time: '18:00' };

describe('computeDeadline', () => {
  it.each<
    [string, DeadlineRule, { pollingDate: string; firstRoundDate?: string; from?: string }, string]
  >([
    // législatives 2022 (12 June): deposit closed Friday 20 May 2022 at 18:00 (CEST)
    [
      'législatives 2022, 4th Friday',
      legislativesR1,
      { pollingDate: '2022-06-12' },
      '2022-05-20T16:00:00.000Z',
    ],
    // municipales 2026 (15 March): Thursday 26 February 2026 at 18:00 (CET)
    [
      'municipales 2026, 3rd Thursday',
      municipalesR1,
      { pollingDate: '2026-03-15' },
      '2026-02-26T17:00:00.000Z',
    ],
    // municipales 2020 (15 March): Thursday 27 February 2020 at 18:00
    [
      'municipales 2020, 3rd Thursday',
      municipalesR1,
      { pollingDate: '2020-03-15' },
      '2020-02-27T17:00:00.000Z',
    ],
    // régionales first planned for 13 June 2021: Monday 17 May 2021 at noon
    [
      'régionales 2021, 4th Monday noon',
      regionalesR1,
      { pollingDate: '2021-06-13' },
      '2021-05-17T10:00:00.000Z',
    ],
    // polling day after the spring change, deadline before it: winter offset
    [
      'DST: deadline in winter, polling in summer',
      legislativesR1,
      { pollingDate: '2026-04-19' },
      '2026-03-27T17:00:00.000Z',
    ],
    [
      'DST: both in summer',
      legislativesR1,
      { pollingDate: '2026-04-26' },
      '2026-04-03T16:00:00.000Z',
    ],
    // autumn change on 25 October 2026
    [
      'DST: deadline in summer, polling in winter',
      municipalesR1,
      { pollingDate: '2026-11-08' },
      '2026-10-22T16:00:00.000Z',
    ],
    [
      'DST: deadline just after the autumn change',
      municipalesR1,
      { pollingDate: '2026-11-15' },
      '2026-10-29T17:00:00.000Z',
    ],
    // a holiday does not move a deadline: 14 July 2022 is a Thursday
    [
      'holiday irrelevant (14 juillet)',
      municipalesR1,
      { pollingDate: '2022-07-31' },
      '2022-07-14T16:00:00.000Z',
    ],
    // polling on a Saturday (overseas-style): the 1st Friday before is the day before
    [
      'polling day not a Sunday',
      { kind: 'weekday_before_polling', weekday: 5, nth: 1, time: '18:00' },
      { pollingDate: '2026-06-13' },
      '2026-06-12T16:00:00.000Z',
    ],
    // round two: Tuesday after the first round
    [
      'round two, Tuesday 18:00',
      tuesdayAfter,
      { pollingDate: '2022-06-19', firstRoundDate: '2022-06-12' },
      '2022-06-14T16:00:00.000Z',
    ],
    [
      'round two, municipales 2026',
      tuesdayAfter,
      { pollingDate: '2026-03-22', firstRoundDate: '2026-03-15' },
      '2026-03-17T17:00:00.000Z',
    ],
    // first round on the spring-change Sunday: Tuesday is in summer time
    [
      'round two across DST (29 March 2026)',
      tuesdayAfter,
      { pollingDate: '2026-04-05', firstRoundDate: '2026-03-29' },
      '2026-03-31T16:00:00.000Z',
    ],
    // hour-based delays run in elapsed time, even over a DST night
    [
      '24 h after a refusal',
      hours24,
      { pollingDate: '2026-03-15', from: '2026-02-27T09:30:00.000Z' },
      '2026-02-28T09:30:00.000Z',
    ],
    [
      '24 h over the spring change',
      hours24,
      { pollingDate: '2026-04-05', from: '2026-03-28T15:00:00.000Z' },
      '2026-03-29T15:00:00.000Z',
    ],
    [
      '48 h over the autumn change',
      hours48,
      { pollingDate: '2026-11-08', from: '2026-10-24T08:00:00.000Z' },
      '2026-10-26T08:00:00.000Z',
    ],
    // day-based delays keep the Paris clock time: 16:00 Paris stays 16:00 Paris
    [
      '3 days across the spring change keep the clock',
      days3,
      { pollingDate: '2026-04-05', from: '2026-03-27T15:00:00.000Z' },
      '2026-03-30T14:00:00.000Z',
    ],
    [
      'definitive receipt, 4 days at 18:00',
      days4At18,
      { pollingDate: '2022-06-12', from: '2022-05-16T08:12:00.000Z' },
      '2022-05-20T16:00:00.000Z',
    ],
    [
      '10 days before polling',
      tenDaysBefore,
      { pollingDate: '2026-03-15' },
      '2026-03-05T17:00:00.000Z',
    ],
  ])('%s', (_, rule, anchors, expected) => {
    const at = computeDeadline(rule, {
      ...anchors,
      from: anchors.from ? new Date(anchors.from) : undefined,
    });
    expect(at.toISOString()).toBe(expected);
  });

  it('needs the first round for a round-two rule and the event for a delay', () => {
    expect(() => computeDeadline(tuesdayAfter, { pollingDate: '2022-06-19' })).toThrow(
      DeadlineError,
    );
    expect(() => computeDeadline(hours24, { pollingDate: '2022-06-19' })).toThrow(DeadlineError);
  });

  it('says the rule in the words of the circular', () => {
    expect(describeDeadline(legislativesR1)).toBe('18 h le 4e vendredi avant le scrutin');
    expect(describeDeadline(tuesdayAfter)).toBe('mardi 18 h après le premier tour');
    expect(describeDeadline(hours24)).toBe('dans les 24 heures');
  });
});

describe('parisInstant', () => {
  it.each([
    ['2026-01-10', '18:00', '2026-01-10T17:00:00.000Z'],
    ['2026-07-10', '18:00', '2026-07-10T16:00:00.000Z'],
    // the spring gap: 02:30 does not exist, read one hour later
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
  ])('%s %s', (date, time, iso) => {
    expect(parisInstant(date, time).toISOString()).toBe(iso);
  });

  it('round-trips with parisParts', () => {
    expect(parisParts(parisInstant('2026-10-25', '18:00'))).toEqual({
      date: '2026-10-25',
      time: '18:00',
    });
  });
});

describe('inForce', () => {
  const rows = [
    { effectiveFrom: '2014-01-01', v: 'old' },
    { effectiveFrom: '2025-05-22', v: 'loi 2025-444' },
  ];
  it('takes the latest version effective on the date', () => {
    expect(inForce(rows, '2020-03-15')?.v).toBe('old');
    expect(inForce(rows, '2026-03-15')?.v).toBe('loi 2025-444');
    expect(inForce(rows, '2025-05-22')?.v).toBe('loi 2025-444');
    expect(inForce(rows, '2010-01-01')).toBeUndefined();
  });
});
