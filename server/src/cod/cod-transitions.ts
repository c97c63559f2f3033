import type { ErrorDetail } from '../common/app-error';
import type { CodLevel } from '../contracts/crisis';
import type { Role } from '../contracts/roles';

export type CodTransitionKind = 'pre_alerte' | 'levee_pre_alerte' | 'activation' | 'reconfiguration' | 'desactivation';

interface Rule {
  from: CodLevel;
  to: CodLevel;
  kind: CodTransitionKind;
  roles: Role[];
}

const DIRECTION: Role[] = ['director', 'admin'];
const DUTY: Role[] = ['sidpc', 'director', 'admin'];

/**
 * Every allowed COD transition and who may make it, in one table: the SIDPC duty officer
 * raises or lifts a pré-alerte; only the direction (préfet / directeur de cabinet) activates,
 * reconfigures or stands down the COD.
 */
export const COD_TRANSITIONS: readonly Rule[] = [
  { from: 'veille', to: 'pre_alerte', kind: 'pre_alerte', roles: DUTY },
  { from: 'pre_alerte', to: 'veille', kind: 'levee_pre_alerte', roles: DUTY },
  { from: 'veille', to: 'active_restreint', kind: 'activation', roles: DIRECTION },
  { from: 'veille', to: 'active_elargi', kind: 'activation', roles: DIRECTION },
  { from: 'pre_alerte', to: 'active_restreint', kind: 'activation', roles: DIRECTION },
  { from: 'pre_alerte', to: 'active_elargi', kind: 'activation', roles: DIRECTION },
  { from: 'active_restreint', to: 'active_elargi', kind: 'reconfiguration', roles: DIRECTION },
  { from: 'active_elargi', to: 'active_restreint', kind: 'reconfiguration', roles: DIRECTION },
  { from: 'active_restreint', to: 'veille', kind: 'desactivation', roles: DIRECTION },
  { from: 'active_elargi', to: 'veille', kind: 'desactivation', roles: DIRECTION },
];

export type TransitionCheck =
  | { ok: true; kind: CodTransitionKind }
  | { ok: false; code: 'invalid_transition' | 'forbidden'; message: string; details: ErrorDetail[] };

export function checkCodTransition(from: CodLevel, to: CodLevel, roles: readonly Role[]): TransitionCheck {
  const rule = COD_TRANSITIONS.find((r) => r.from === from && r.to === to);
  if (!rule) {
    const allowed = COD_TRANSITIONS.filter((r) => r.from === from).map((r) => r.to);
    return {
      ok: false,
      code: 'invalid_transition',
      message: `The COD cannot go from ${from} to ${to}`,
      details: [{ path: 'to', message: `allowed from ${from}: ${allowed.join(', ')}` }],
    };
  }
  if (!rule.roles.some((r) => roles.includes(r))) {
    return {
      ok: false,
      code: 'forbidden',
      message: `Only ${rule.roles.join(', ')} may make this transition`,
      details: [{ path: 'to', message: `${rule.kind} requires one of: ${rule.roles.join(', ')}` }],
    };
  }
  return { ok: true, kind: rule.kind };
}

/** Transitions a user may make from a level (the console shows only these buttons). */
export function allowedCodTransitions(from: CodLevel, roles: readonly Role[]): CodLevel[] {
  return COD_TRANSITIONS.filter((r) => r.from === from && r.roles.some((role) => roles.includes(role))).map((r) => r.to);
}

const KIND_TEXT: Record<CodTransitionKind, string> = {
  pre_alerte: 'Passage en pré-alerte',
  levee_pre_alerte: 'Levée de la pré-alerte, retour en veille',
  activation: 'Activation du COD',
  reconfiguration: 'Reconfiguration du COD',
  desactivation: 'Désactivation du COD, retour en veille',
};

const CONFIG_TEXT: Partial<Record<CodLevel, string>> = {
  active_restreint: 'configuration restreinte',
  active_elargi: 'configuration élargie',
};

/** The main courante line written for a transition. */
export function codTransitionText(kind: CodTransitionKind, to: CodLevel, reason: string): string {
  const config = CONFIG_TEXT[to];
  return `${KIND_TEXT[kind]}${config && kind !== 'desactivation' ? ` (${config})` : ''} — motif : ${reason}`;
}
