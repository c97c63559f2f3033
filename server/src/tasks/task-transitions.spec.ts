import type { AuthUser } from '../common/auth-user';
import { TASK_STATUSES } from '../contracts/crisis';
import type { Role } from '../contracts/roles';
import {
  allowedTaskTransitions,
  checkTaskTransition,
  TASK_TRANSITIONS,
  type TaskTarget,
  taskActor,
  taskScope,
} from './task-transitions';

const TARGETS: TaskTarget[] = ['acknowledged', 'in_progress', 'done', 'cancelled'];
const user = (roles: Role[], serviceId: string | null = null): AuthUser => ({
  id: 'u',
  email: 'u@test',
  displayName: 'U',
  roles,
  serviceId,
});

describe('task state machine', () => {
  it('allows exactly the documented transitions', () => {
    const allowed = TASK_STATUSES.flatMap((from) =>
      TARGETS.filter((to) => TASK_TRANSITIONS[from][to]).map((to) => `${from}>${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'requested>acknowledged',
        'requested>cancelled',
        'acknowledged>in_progress',
        'acknowledged>cancelled',
        'in_progress>done',
        'in_progress>cancelled',
      ].sort(),
    );
  });

  it('lets the liaison officer move a task forward but not cancel it', () => {
    expect(checkTaskTransition('requested', 'acknowledged', 'liaison')).toEqual({ ok: true });
    expect(checkTaskTransition('acknowledged', 'in_progress', 'liaison')).toEqual({ ok: true });
    expect(checkTaskTransition('in_progress', 'done', 'liaison')).toEqual({ ok: true });
    expect(checkTaskTransition('requested', 'cancelled', 'liaison')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(checkTaskTransition('in_progress', 'cancelled', 'cod')).toEqual({ ok: true });
  });

  it('refuses skipping the acknowledgement and leaving a closed state, naming what is allowed', () => {
    expect(checkTaskTransition('requested', 'in_progress', 'cod')).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: 'A task cannot go from requested to in_progress',
      details: [
        { path: 'from', message: 'requested' },
        { path: 'to', message: 'in_progress' },
        { path: 'allowed', message: 'acknowledged, cancelled' },
      ],
    });
    expect(checkTaskTransition('requested', 'done', 'liaison')).toMatchObject({
      code: 'invalid_transition',
      details: expect.arrayContaining([{ path: 'allowed', message: 'acknowledged' }]),
    });
    for (const from of ['done', 'cancelled'] as const) {
      for (const to of TARGETS)
        expect(checkTaskTransition(from, to, 'cod')).toMatchObject({
          ok: false,
          code: 'invalid_transition',
        });
    }
    expect(checkTaskTransition('acknowledged', 'acknowledged', 'cod')).toMatchObject({
      code: 'invalid_transition',
    });
  });

  it('lists the transitions an actor may make', () => {
    expect(allowedTaskTransitions('acknowledged', 'cod')).toEqual(['in_progress', 'cancelled']);
    expect(allowedTaskTransitions('acknowledged', 'liaison')).toEqual(['in_progress']);
    expect(allowedTaskTransitions('done', 'cod')).toEqual([]);
  });
});

describe('who acts on and sees a task', () => {
  it('makes COD roles act as the COD, and a liaison officer only on their own service', () => {
    for (const role of ['admin', 'director', 'sidpc', 'cod_operator'] as const)
      expect(taskActor(user([role]), 's1')).toBe('cod');
    expect(taskActor(user(['service_liaison'], 's1'), 's1')).toBe('liaison');
    expect(taskActor(user(['service_liaison'], 's2'), 's1')).toBeNull();
    expect(taskActor(user(['service_liaison']), 's1')).toBeNull();
    expect(taskActor(user(['service_liaison', 'cod_operator'], 's2'), 's1')).toBe('cod');
    for (const role of ['viewer', 'press', 'cabinet_staff'] as const)
      expect(taskActor(user([role]), 's1')).toBeNull();
  });

  it('restricts a liaison officer to their service unless another crisis role lets them see everything', () => {
    expect(taskScope(user(['service_liaison'], 's1'))).toEqual({ serviceId: 's1' });
    expect(taskScope(user(['service_liaison']))).toEqual({ serviceId: null });
    expect(taskScope(user(['service_liaison', 'viewer'], 's1'))).toBeUndefined();
    expect(taskScope(user(['cod_operator']))).toBeUndefined();
    expect(taskScope(user(['admin']))).toBeUndefined();
    // no crisis role at all: nothing (the routes refuse them anyway)
    expect(taskScope(user(['cabinet_staff']))).toEqual({ serviceId: null });
  });
});
