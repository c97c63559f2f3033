import { addDays, addMonths, daysBetween, isCalendarDate, mondayOf, parisDate } from './calendar';
import { dueState, pendingReminders, reminderSchedule, type ReminderKind } from './due-dates';
import { ruleInForce } from './rules';
import { defineWorkflow } from './state-machine';

const flow = defineWorkflow<'open' | 'sent' | 'closed', 'staff' | 'service'>({
  labels: { open: 'Ouvert', sent: 'Transmis', closed: 'Clos' },
  transitions: {
    open: { sent: ['staff'], closed: ['staff'] },
    sent: { open: ['staff', 'service'], closed: ['staff'] },
    closed: {},
  },
});

describe('defineWorkflow', () => {
  it.each([
    ['open', 'sent', 'staff', { ok: true }],
    ['sent', 'open', 'service', { ok: true }],
    ['open', 'sent', 'service', { ok: false, code: 'forbidden' }],
    ['closed', 'open', 'staff', { ok: false, code: 'invalid_transition' }],
    ['open', 'open', 'staff', { ok: false, code: 'invalid_transition' }],
  ] as const)('%s → %s by %s', (from, to, actor, expected) => {
    expect(flow.check(from, to, actor)).toMatchObject(expected);
  });

  it('lists the moves of an actor and the open states', () => {
    expect(flow.allowed('sent', 'service')).toEqual(['open']);
    expect(flow.allowed('sent', 'staff')).toEqual(['open', 'closed']);
    expect(flow.allowed('closed', 'staff')).toEqual([]);
    expect(flow.openStates).toEqual(['open', 'sent']);
    expect(flow.isFinal('closed')).toBe(true);
  });
});

describe('calendar', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-12-30', 3, '2027-01-02'],
  ])('%s + %i days = %s', (date, n, expected) => expect(addDays(date, n)).toBe(expected));

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-06-15', 60, '2031-06-15'],
  ])('%s + %i months = %s', (date, n, expected) => expect(addMonths(date, n)).toBe(expected));

  it('reads the Paris day of an instant across midnight and time changes', () => {
    expect(parisDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29'); // UTC+1
    expect(parisDate(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14'); // UTC+2
    expect(parisDate(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });

  it('counts days, finds Mondays and validates dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-2-3')).toBe(false);
  });
});

describe('due-date reminders', () => {
  const plan = { daysBefore: [3] };
  /** Noon in Paris on a calendar day. */
  const on = (date: string) => new Date(`${date}T10:00:00Z`);

  it('schedules J-3, the due date and the day after', () => {
    expect(reminderSchedule('2026-03-02', plan)).toEqual([
      { kind: 'before:3', on: '2026-02-27' },
      { kind: 'due', on: '2026-03-02' },
      { kind: 'overdue', on: '2026-03-03' },
    ]);
  });

  it.each<[string, ReminderKind[], ReminderKind[]]>([
    ['2026-02-26', [], []],
    ['2026-02-27', [], ['before:3']],
    ['2026-02-28', ['before:3'], []],
    ['2026-03-02', ['before:3'], ['due']],
    ['2026-03-02', ['before:3', 'due'], []],
    ['2026-03-03', ['before:3', 'due'], ['overdue']],
    // scheduler down for days: only the latest reminder, never a stale J-3
    ['2026-03-05', [], ['overdue']],
    ['2026-03-05', ['overdue'], []],
  ])('on %s having sent %j: %j', (day, sent, expected) => {
    expect(pendingReminders('2026-03-02', on(day), plan, sent)).toEqual(expected);
  });

  it('counts days in Paris: 23:30 UTC on the eve is already the due day', () => {
    expect(
      pendingReminders('2026-03-02', new Date('2026-03-01T23:30:00Z'), plan, ['before:3']),
    ).toEqual(['due']);
    expect(dueState('2026-03-02', new Date('2026-03-01T22:30:00Z'), plan)).toBe('due_soon');
    expect(dueState('2026-03-02', new Date('2026-03-01T23:30:00Z'), plan)).toBe('due_today');
    expect(dueState('2026-03-02', on('2026-03-03'), plan)).toBe('overdue');
    expect(dueState('2026-03-02', on('2026-02-20'), plan)).toBe('on_time');
  });
});

describe('ruleInForce', () => {
  const rows = [
    { effectiveFrom: '2020-01-01', days: 15 },
    { effectiveFrom: '2026-07-01', days: 10 },
  ];
  it.each([
    ['2019-12-31', undefined],
    ['2026-06-30', 15],
    ['2026-07-01', 10],
  ])('on %s: %s days', (on, days) => expect(ruleInForce(rows, on)?.days).toBe(days));
});
