import { touchesOverview } from './overview-events';

describe('touchesOverview', () => {
  it.each([
    ['cod.changed', true],
    ['incident.updated', true],
    ['task.overdue', true],
    ['page.updated', true],
    ['decision.answered', true],
    ['sitrep.validated', true],
    ['logbook.promoted', true],
    ['logbook.appended', false],
    ['position.changed', false],
    ['feature.created', false],
    ['page.received', true],
  ] as const)('%s → %s', (type, expected) => expect(touchesOverview(type)).toBe(expected));
});
