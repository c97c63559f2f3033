import { CELLULE_LABELS, CELLULES, type Cellule } from '@contracts/crisis';
import type { ServiceRef } from './api';
import { tc } from './i18n';

/** The COD's cellules then one liaison desk per service of the directory. */
export function celluleOptions(
  services: readonly ServiceRef[],
): { value: Cellule; label: string }[] {
  return [
    ...CELLULES.map((c) => ({ value: c as Cellule, label: CELLULE_LABELS[c] })),
    ...services
      .filter((s) => /^[A-Z0-9_-]{2,20}$/.test(s.code))
      .map((s) => ({ value: `liaison:${s.code}` as Cellule, label: tc.logbook.liaison(s.code) })),
  ];
}

/** « Cellule situation », « Liaison SDIS63 » (the service code: short enough for a timeline). */
export function celluleLabel(cellule: string): string {
  if (cellule in CELLULE_LABELS) return CELLULE_LABELS[cellule as keyof typeof CELLULE_LABELS];
  if (cellule.startsWith('liaison:')) return tc.logbook.liaison(cellule.slice('liaison:'.length));
  return cellule;
}
