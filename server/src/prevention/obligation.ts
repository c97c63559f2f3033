/**
 * CLSPD obligation (code de la sécurité intérieure L132-4, lowered to 5,000 inhabitants by the
 * loi 2021-646): which communes must have a CLSPD, or be covered by a CISPD, and whether they are.
 * Pure: thresholds come from the versioned rule table.
 */
import type { BodyKind, ObligationRow } from '../contracts/prevention';

export interface ObligationInput {
  populationThreshold: number;
  coordinatorThreshold: number;
  qpvRequires: boolean;
}

export interface CommuneInput {
  insee: string;
  name: string;
  population: number;
}

export interface BodyInput {
  id: string;
  kind: BodyKind;
  name: string;
  communes: string[];
  active: boolean;
  coordinatorName: string | null;
}

/** Communes bound by the obligation, most populated first: « above » means strictly more. */
export function obligationRows(
  rule: ObligationInput,
  communes: CommuneInput[],
  qpvCommunes: Set<string>,
  bodies: BodyInput[],
): ObligationRow[] {
  const active = bodies.filter((b) => b.active && b.kind !== 'CDPD');
  const rows: ObligationRow[] = [];
  for (const c of communes) {
    const reasons: ObligationRow['reasons'] = [];
    if (c.population > rule.populationThreshold) reasons.push('population');
    if (rule.qpvRequires && qpvCommunes.has(c.insee)) reasons.push('qpv');
    if (reasons.length === 0) continue;
    const covering = active.filter((b) => b.communes.includes(c.insee));
    const clspd = covering.filter((b) => b.kind === 'CLSPD');
    rows.push({
      insee: c.insee,
      name: c.name,
      population: c.population,
      reasons,
      coveredBy: covering.map((b) => ({ id: b.id, kind: b.kind, name: b.name })),
      status: covering.length ? 'covered' : 'missing',
      coordinatorMissing:
        c.population > rule.coordinatorThreshold &&
        clspd.length > 0 &&
        clspd.every((b) => !b.coordinatorName),
    });
  }
  return rows.sort((a, b) => b.population - a.population || a.insee.localeCompare(b.insee));
}
