/**
 * Consistency checks of one bureau's results (routine.md §3.4). Blocking checks reject the
 * entry; warnings are kept with the entry and need a comment (otherwise the bureau is flagged
 * « erreur », to be called back). Every message names the bureau and the numbers.
 */
import type { ResultEntry } from '../contracts/elections';

export interface CheckedBureau {
  /** `63113-0001` */
  ref: string;
  /** `Clermont-Ferrand, bureau 1 (école Jules-Ferry)` */
  label: string;
  /** Inscrits on the list extract for this scrutin. */
  inscrits: number;
}

export interface ResultCheck {
  errors: { path: string; message: string }[];
  warnings: string[];
}

const n = (v: number) => new Intl.NumberFormat('fr-FR').format(v).replace(/\u202f/g, ' ');

export function checkResult(
  bureau: CheckedBureau,
  entry: Pick<
    ResultEntry,
    'inscrits' | 'votants' | 'blancs' | 'nuls' | 'exprimes' | 'voix' | 'emargements'
  >,
  candidatureIds: readonly string[],
): ResultCheck {
  const name = `Bureau ${bureau.ref} (${bureau.label})`;
  const errors: ResultCheck['errors'] = [];
  const warnings: string[] = [];
  const { inscrits, votants, blancs, nuls, exprimes } = entry;

  const sumBallots = blancs + nuls + exprimes;
  if (votants !== sumBallots)
    errors.push({
      path: 'votants',
      message: `${name} : votants (${n(votants)}) ≠ blancs (${n(blancs)}) + nuls (${n(nuls)}) + exprimés (${n(exprimes)}) = ${n(sumBallots)}`,
    });
  if (votants > inscrits)
    errors.push({
      path: 'votants',
      message: `${name} : votants (${n(votants)}) > inscrits (${n(inscrits)})`,
    });

  const known = new Set(candidatureIds);
  const unknown = Object.keys(entry.voix).filter((id) => !known.has(id));
  for (const id of unknown)
    errors.push({
      path: `voix.${id}`,
      message: `${name} : candidature inconnue dans cette circonscription (${id})`,
    });
  const missing = candidatureIds.filter((id) => entry.voix[id] === undefined);
  for (const id of missing)
    errors.push({
      path: `voix.${id}`,
      message: `${name} : voix manquantes pour une candidature (${id})`,
    });
  const sumVoix = Object.values(entry.voix).reduce((a, b) => a + b, 0);
  if (sumVoix !== exprimes)
    errors.push({
      path: 'voix',
      message: `${name} : somme des voix (${n(sumVoix)}) ≠ exprimés (${n(exprimes)})`,
    });

  if (inscrits !== bureau.inscrits)
    warnings.push(
      `${name} : inscrits saisis (${n(inscrits)}) ≠ inscrits de la liste (${n(bureau.inscrits)})`,
    );
  if (entry.emargements !== undefined && entry.emargements !== votants)
    warnings.push(
      `${name} : émargements (${n(entry.emargements)}) ≠ enveloppes et bulletins (votants ${n(votants)}) — à mentionner au procès-verbal`,
    );
  return { errors, warnings };
}

/**
 * Participation must not go down from one slot to the next nor exceed the inscrits: warnings
 * (a typo is likelier than fraud, but someone must call the mairie).
 */
export function checkTurnout(
  bureau: CheckedBureau,
  slot: string,
  votants: number,
  others: readonly { slot: string; votants: number }[],
): string[] {
  const name = `Bureau ${bureau.ref} (${bureau.label})`;
  const warnings: string[] = [];
  if (votants > bureau.inscrits)
    warnings.push(`${name} : votants à ${slot} (${n(votants)}) > inscrits (${n(bureau.inscrits)})`);
  for (const o of others) {
    if (o.slot < slot && o.votants > votants)
      warnings.push(
        `${name} : votants à ${slot} (${n(votants)}) < votants à ${o.slot} (${n(o.votants)})`,
      );
    if (o.slot > slot && o.votants < votants)
      warnings.push(
        `${name} : votants à ${slot} (${n(votants)}) > votants à ${o.slot} (${n(o.votants)})`,
      );
  }
  return warnings;
}
