import { roomsFor } from './rooms';

describe('roomsFor', () => {
  it('gives a user their own room, one per role, the service room and the common room', () => {
    expect(
      roomsFor({ id: 'u1', email: 'a@b.fr', displayName: 'A', roles: ['service_liaison', 'viewer'], serviceId: 's1' }),
    ).toEqual(['all', 'user:u1', 'role:service_liaison', 'role:viewer', 'service:s1']);
    expect(roomsFor({ id: 'u2', email: 'c@d.fr', displayName: 'C', roles: ['director'], serviceId: null })).toEqual([
      'all',
      'user:u2',
      'role:director',
    ]);
  });
});
