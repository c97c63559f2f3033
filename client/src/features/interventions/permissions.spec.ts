import { filtersToQuery } from './api/interventions';
import { interventionPermissionsOf } from './permissions';

describe('interventionPermissionsOf', () => {
  it.each([
    [['cabinet_staff'], { readAll: true, edit: true, service: false }],
    [['director'], { readAll: true, edit: false, service: false }],
    [['service_liaison'], { readAll: false, edit: false, service: true }],
    [['viewer'], { readAll: false, edit: false, service: false }],
  ] as const)('%j', (roles, expected) => {
    expect(interventionPermissionsOf(roles)).toEqual(expected);
  });
});

describe('filtersToQuery', () => {
  it('keeps only the filters set', () => {
    expect(filtersToQuery({})).toBe('');
    expect(filtersToQuery({ status: 'transmise', overdue: true, q: '  INT-2026 ' })).toBe(
      '?status=transmise&overdue=true&q=INT-2026',
    );
  });
});
