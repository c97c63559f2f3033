import type { ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../contracts/honours';
import type { Role } from '../contracts/roles';

/** Roles that see honours dossiers (personal data); admin always passes `@Roles`. */
export const HONOURS_READ_ROLES: Role[] = ['cabinet_staff', 'director'];
/** Roles that instruct dossiers, run promotions and ceremonies. */
export const HONOURS_WRITE_ROLES: Role[] = ['cabinet_staff'];

/**
 * Who moves a dossier: the Cabinet's staff (`staff`: cabinet_staff, admin), or Vigie itself
 * when a promotion's arrêté is generated or published (`promotion`). The director reads only.
 */
export type DossierActor = 'staff' | 'promotion';

/** Every allowed transition and who may make it, in one table. */
export const DOSSIER_TRANSITIONS: Readonly<
  Record<DossierStatus, Partial<Record<DossierStatus, readonly DossierActor[]>>>
> = {
  depose: {
    incomplet: ['staff'],
    complet: ['staff'],
    rejete: ['staff'],
    classe_sans_suite: ['staff'],
  },
  incomplet: { complet: ['staff'], classe_sans_suite: ['staff'] },
  complet: { incomplet: ['staff'], en_instruction: ['staff'], classe_sans_suite: ['staff'] },
  en_instruction: {
    avis: ['staff'],
    incomplet: ['staff'],
    ajourne: ['staff'],
    rejete: ['staff'],
    classe_sans_suite: ['staff'],
  },
  avis: { retenu: ['staff'], ajourne: ['staff'], rejete: ['staff'], classe_sans_suite: ['staff'] },
  retenu: { avis: ['staff'], ajourne: ['staff'], arrete: ['promotion'] },
  arrete: { publie: ['promotion'] },
  publie: { notifie: ['staff'] },
  notifie: { remis: ['staff'] },
  // an adjourned dossier is examined again for a later promotion
  ajourne: { complet: ['staff'] },
  remis: {},
  rejete: {},
  classe_sans_suite: {},
};

/** Exits that must say why (the motif is shown to the director and kept in the history). */
export const NOTE_REQUIRED: readonly DossierStatus[] = ['rejete', 'ajourne', 'classe_sans_suite'];

/** States in which a dossier is still pending or awarded: a second one for the same person is a duplicate. */
export const LIVE_STATUSES: readonly DossierStatus[] = [
  'depose',
  'incomplet',
  'complet',
  'en_instruction',
  'avis',
  'retenu',
  'arrete',
  'publie',
  'notifie',
  'remis',
  'ajourne',
];

/** States counted against a promotion's contingent. */
export const RETAINED_STATUSES: readonly DossierStatus[] = [
  'retenu',
  'arrete',
  'publie',
  'notifie',
  'remis',
];

/** Final states (the retention period runs from them). */
export const FINAL_STATUSES: readonly DossierStatus[] = [
  'remis',
  'rejete',
  'ajourne',
  'classe_sans_suite',
];

export type DossierTransitionCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'invalid_transition' | 'forbidden' | 'validation';
      message: string;
      details: ErrorDetail[];
    };

export function dossierActor(user: AuthUser): DossierActor | null {
  return user.roles.includes('admin') || user.roles.includes('cabinet_staff') ? 'staff' : null;
}

export function allowedDossierTransitions(
  from: DossierStatus,
  actor: DossierActor | null,
): DossierStatus[] {
  if (!actor) return [];
  return (Object.entries(DOSSIER_TRANSITIONS[from]) as [DossierStatus, readonly DossierActor[]][])
    .filter(([, actors]) => actors.includes(actor))
    .map(([to]) => to);
}

export function checkDossierTransition(
  from: DossierStatus,
  to: DossierStatus,
  actor: DossierActor,
  note?: string | null,
): DossierTransitionCheck {
  const actors = DOSSIER_TRANSITIONS[from][to];
  if (!actors) {
    const allowed = allowedDossierTransitions(from, actor);
    return {
      ok: false,
      code: 'invalid_transition',
      message: `A dossier cannot go from ${from} to ${to}`,
      details: [
        { path: 'from', message: from },
        { path: 'to', message: to },
        {
          path: 'allowed',
          message: allowed.length ? allowed.join(', ') : 'none: the dossier is closed',
        },
      ],
    };
  }
  if (!actors.includes(actor)) {
    return {
      ok: false,
      code: 'forbidden',
      message: `« ${DOSSIER_STATUS_LABELS[to]} » is set by the promotion's arrêté, not by hand`,
      details: [{ path: 'to', message: `${to} is set by the promotion` }],
    };
  }
  if (NOTE_REQUIRED.includes(to) && !note?.trim()) {
    return {
      ok: false,
      code: 'validation',
      message: 'A motif is required',
      details: [
        { path: 'note', message: `the motif of « ${DOSSIER_STATUS_LABELS[to]} » is required` },
      ],
    };
  }
  return { ok: true };
}
