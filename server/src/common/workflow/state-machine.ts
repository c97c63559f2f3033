import type { ErrorDetail } from '../app-error';

/**
 * A dossier's state machine as data: for each state, the states it may go to and which kinds
 * of actor may make that move. Modules define one table (interventions, mises en demeure…) and
 * ask it three questions: may this actor go there, where may they go, is the dossier still open.
 */
export interface WorkflowDefinition<S extends string, A extends string> {
  /** French labels, shown in the history and the UI. */
  labels: Record<S, string>;
  /** Allowed moves: `transitions[from][to]` lists the actors that may make the move. */
  transitions: Record<S, Partial<Record<S, readonly A[]>>>;
}

export type TransitionCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'invalid_transition' | 'forbidden';
      message: string;
      details: ErrorDetail[];
    };

export interface Workflow<S extends string, A extends string> {
  readonly states: readonly S[];
  readonly labels: Record<S, string>;
  /** Targets `actor` may reach from `from` (the UI shows only these buttons). */
  allowed(from: S, actor: A): S[];
  /** Whether the move exists and `actor` may make it, with the reasons when not. */
  check(from: S, to: S, actor: A): TransitionCheck;
  /** A state with no way out closes the dossier. */
  isFinal(state: S): boolean;
  /** States from which some move remains (the dossier is still being worked on). */
  readonly openStates: readonly S[];
}

export function defineWorkflow<S extends string, A extends string>(
  definition: WorkflowDefinition<S, A>,
): Workflow<S, A> {
  const states = Object.keys(definition.transitions) as S[];
  const targets = (from: S) => Object.entries(definition.transitions[from]) as [S, readonly A[]][];
  const isFinal = (state: S) => targets(state).length === 0;
  const allowed = (from: S, actor: A) =>
    targets(from)
      .filter(([, actors]) => actors.includes(actor))
      .map(([to]) => to);
  return {
    states,
    labels: definition.labels,
    allowed,
    isFinal,
    openStates: states.filter((s) => !isFinal(s)),
    check(from, to, actor) {
      const actors = definition.transitions[from][to];
      if (!actors) {
        const possible = allowed(from, actor);
        return {
          ok: false,
          code: 'invalid_transition',
          message: `Cannot go from ${from} to ${to}`,
          details: [
            { path: 'from', message: from },
            { path: 'to', message: to },
            {
              path: 'allowed',
              message: possible.length ? possible.join(', ') : 'none: the dossier is closed',
            },
          ],
        };
      }
      if (!actors.includes(actor)) {
        return {
          ok: false,
          code: 'forbidden',
          message: `This move (${from} → ${to}) is not yours to make`,
          details: [{ path: 'to', message: `${to} requires: ${actors.join(', ')}` }],
        };
      }
      return { ok: true };
    },
  };
}
