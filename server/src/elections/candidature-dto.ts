import type { CandidatureDto } from '../contracts/elections';
import { memberName } from './candidature-checks';
import type { Candidature } from './candidature.entity';

/** « DUPONT Marie », « DUPONT Marie et MARTIN Paul » (binôme) or the list title. */
export function candidatureLabel(c: Pick<Candidature, 'kind' | 'title' | 'members'>): string {
  const titulaires = c.members
    .filter((m) => m.role === 'titulaire')
    .sort((a, b) => a.rank - b.rank);
  if (c.kind === 'liste')
    return c.title ?? (titulaires[0] ? `Liste ${memberName(titulaires[0])}` : 'Liste');
  return titulaires.map(memberName).join(' et ');
}

export const LIVE_CANDIDATURE_STATUSES = ['deposee', 'enregistree'] as const;

export function toCandidatureDto(c: Candidature): CandidatureDto {
  return {
    id: c.id,
    scrutinId: c.scrutinId,
    circonscription: c.circonscription,
    kind: c.kind,
    title: c.title,
    etiquette: c.etiquette,
    nuance: c.nuance,
    panel: c.panel,
    depositedAt: c.depositedAt.toISOString(),
    depositor: c.depositor,
    deadline: c.deadline.toISOString(),
    members: c.members,
    status: c.status,
    provisionalReceipt:
      c.provisionalReceiptNo && c.provisionalReceiptAt
        ? { number: c.provisionalReceiptNo, at: c.provisionalReceiptAt.toISOString() }
        : null,
    definitiveReceipt:
      c.definitiveReceiptNo && c.definitiveReceiptAt
        ? { number: c.definitiveReceiptNo, at: c.definitiveReceiptAt.toISOString() }
        : null,
    refusal:
      c.refusalMotive && c.refusedAt && c.appealUntil && c.courtRulesBy
        ? {
            motive: c.refusalMotive,
            at: c.refusedAt.toISOString(),
            appealUntil: c.appealUntil.toISOString(),
            courtRulesBy: c.courtRulesBy.toISOString(),
          }
        : null,
    appeal: c.appealLodgedAt
      ? {
          lodgedAt: c.appealLodgedAt.toISOString(),
          outcome: c.appealOutcome ?? 'pending',
          note: c.appealNote,
        }
      : null,
    label: candidatureLabel(c),
    version: c.version,
  };
}
