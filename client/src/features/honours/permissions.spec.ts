import type { PublicUser } from '@contracts/auth';
import type { Role } from '@contracts/roles';
import { honoursPermissionsOf } from './permissions';

const user = (roles: Role[]) =>
  ({ id: 'u', email: 'u@test', displayName: 'U', roles }) as PublicUser;

describe('honours permissions', () => {
  it.each([
    [['cabinet_staff'], true, true],
    [['admin'], true, true],
    [['director'], true, false],
    [['viewer'], false, false],
    [['sidpc', 'press'], false, false],
  ] as [Role[], boolean, boolean][])('%j reads %s, edits %s', (roles, canRead, canEdit) =>
    expect(honoursPermissionsOf(user(roles))).toEqual({ canRead, canEdit }),
  );
  it('gives nothing without a session', () =>
    expect(honoursPermissionsOf(null)).toEqual({ canRead: false, canEdit: false }));
});
