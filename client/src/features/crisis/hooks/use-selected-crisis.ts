import type { Crisis } from '@contracts/crisis';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCodState, useCrises } from '../api';

const PARAM = 'crise';
const NO_CRISES: Crisis[] = [];

export interface SelectedCrisis {
  crisis: Crisis | null;
  crises: Crisis[];
  /** Sets `?crise=<id>`: the choice survives a reload and can be shared. */
  select: (id: string) => void;
  isPending: boolean;
  error: Error | null;
  refetch: () => void;
}

/**
 * The crisis the console shows: `?crise=` when it names a known crisis, else the one the COD
 * is activated for, else the latest open one.
 */
export function useSelectedCrisis(): SelectedCrisis {
  const [params, setParams] = useSearchParams();
  const crises = useCrises();
  const cod = useCodState();
  const list = crises.data?.data ?? NO_CRISES;
  const requested = params.get(PARAM);
  // wait for the COD state (unless it failed) so the default does not flip once it arrives
  const codSettled = !cod.isPending;
  const crisis =
    list.find((c) => c.id === requested) ??
    (codSettled
      ? (list.find((c) => c.id === cod.data?.crisisId) ??
        list.find((c) => c.status === 'open') ??
        null)
      : null);

  const select = useCallback(
    (id: string) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(PARAM, id);
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  const { refetch: refetchCrises } = crises;
  const refetch = useCallback(() => void refetchCrises(), [refetchCrises]);

  return {
    crisis,
    crises: list,
    select,
    isPending: crises.isPending || !codSettled,
    error: crises.error,
    refetch,
  };
}
