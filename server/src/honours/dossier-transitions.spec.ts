import type { AuthUser } from '../common/auth-user';
import { DOSSIER_STATUSES } from '../contracts/honours';
import type { Role } from '../contracts/roles';
import {
  allowedDossierTransitions,
  checkDossierTransition,
  DOSSIER_TRANSITIONS,
  dossierActor,
} from './dossier-transitions';

const user = (roles: Role[]): AuthUser => ({
  id: 'u',
  email: 'u@test',
  displayName: 'U',
  roles,
  serviceId: null,
});

describe('dossier state machine', () => {
  it('follows déposé → … → remis with the documented exits', () => {
    const edges = DOSSIER_STATUSES.flatMap((from) =>
      Object.keys(DOSSIER_TRANSITIONS[from]).map((to) => `${from}>${to}`),
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        'depose>incomplet',
        'incomplet>complet',
        'complet>incomplet',
        'complet>en_instruction',
        'en_instruction>avis',
        'avis>retenu',
        'retenu>arrete',
        'arrete>publie',
        'publie>notifie',
        'notifie>remis',
        'avis>rejete',
        'avis>ajourne',
        'en_instruction>classe_sans_suite',
      ]),
    );
    for (const closed of ['remis', 'rejete', 'classe_sans_suite'] as const)
      expect(Object.keys(DOSSIER_TRANSITIONS[closed])).toEqual([]);
  });

  it.each([
    ['depose', 'complet', 'staff', undefined, true, undefined],
    ['depose', 'retenu', 'staff', undefined, false, 'invalid_transition'],
    ['complet', 'avis', 'staff', undefined, false, 'invalid_transition'],
    ['avis', 'retenu', 'staff', undefined, true, undefined],
    ['retenu', 'arrete', 'staff', undefined, false, 'forbidden'],
    ['retenu', 'arrete', 'promotion', undefined, true, undefined],
    ['arrete', 'publie', 'staff', undefined, false, 'forbidden'],
    ['publie', 'notifie', 'staff', undefined, true, undefined],
    ['notifie', 'remis', 'staff', undefined, true, undefined],
    ['avis', 'rejete', 'staff', undefined, false, 'validation'],
    ['avis', 'rejete', 'staff', '  ', false, 'validation'],
    ['avis', 'rejete', 'staff', 'condamnation', true, undefined],
    ['en_instruction', 'ajourne', 'staff', 'avis du maire attendu', true, undefined],
    ['ajourne', 'complet', 'staff', undefined, true, undefined],
    ['remis', 'depose', 'staff', undefined, false, 'invalid_transition'],
  ] as const)('%s → %s by %s (note %s): %s', (from, to, actor, note, ok, code) => {
    const check = checkDossierTransition(from, to, actor, note);
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.code).toBe(code);
  });

  it('gives the staff and admin the buttons, the director and the others none', () => {
    expect(dossierActor(user(['cabinet_staff']))).toBe('staff');
    expect(dossierActor(user(['admin']))).toBe('staff');
    for (const role of ['director', 'viewer', 'sidpc', 'press'] as const)
      expect(dossierActor(user([role]))).toBeNull();
    expect(allowedDossierTransitions('avis', 'staff')).toEqual([
      'retenu',
      'ajourne',
      'rejete',
      'classe_sans_suite',
    ]);
    expect(allowedDossierTransitions('retenu', 'staff')).toEqual(['avis', 'ajourne']);
    expect(allowedDossierTransitions('avis', null)).toEqual([]);
  });

  it('names what is allowed when refusing', () => {
    expect(checkDossierTransition('depose', 'avis', 'staff')).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: 'A dossier cannot go from depose to avis',
      details: [
        { path: 'from', message: 'depose' },
        { path: 'to', message: 'avis' },
        { path: 'allowed', message: 'incomplet, complet, rejete, classe_sans_suite' },
      ],
    });
  });
});
