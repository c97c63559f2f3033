import type { AuthUser } from '../common/auth-user';
import type { Distinction, DossierDto, DossierSummary } from '../contracts/honours';
import { foldKey } from '../directory/csv';
import { allowedDossierTransitions, dossierActor } from './dossier-transitions';
import type { HonoursDossier, HonoursDossierTransition } from './honours.entity';

export const REFERENCE_PREFIX: Record<Distinction, string> = {
  travail: 'MHT',
  rdc: 'MHRDC',
  famille: 'MEF',
  courage: 'MACD',
  jeunesse_sports: 'MJSEA',
  sapeurs_pompiers: 'MHSP',
  legion_honneur: 'LH',
  ordre_merite: 'ONM',
};

/** Same person: last name, first name (without accents, case, spaces) and birth date. */
export function personKey(c: { lastName: string; firstName: string; birthDate: string }): string {
  return `${foldKey(c.lastName)}|${foldKey(c.firstName)}|${c.birthDate}`;
}

export function toDossierDto(
  d: HonoursDossier,
  communeName: string | null,
  promotionDate: string | null,
  history: HonoursDossierTransition[],
  user: AuthUser,
): DossierDto {
  return {
    id: d.id,
    reference: d.reference,
    distinction: d.distinction,
    echelon: d.echelon,
    status: d.status,
    candidate: { ...d.candidate, communeName },
    proposer: d.proposer,
    channel: d.channel,
    filedAt: d.filedAt,
    promotionId: d.promotionId,
    promotionDate,
    servicePeriods: d.facts.servicePeriods,
    held: d.facts.held,
    reductions: d.facts.reductions,
    categories: d.facts.categories,
    children: d.facts.children,
    actDate: d.facts.actDate,
    documents: d.documents,
    opinions: d.opinions,
    eligibility: d.eligibility,
    warnings: d.warnings,
    arreteRank: d.arreteRank,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    history: history.map((h) => ({
      from: h.from,
      to: h.to,
      at: h.at.toISOString(),
      by: h.by,
      byName: h.byName,
      note: h.note,
    })),
    allowed: allowedDossierTransitions(d.status, dossierActor(user)),
  };
}

export function toDossierSummary(
  d: HonoursDossier,
  communeName: string | null,
  promotionDate: string | null,
): DossierSummary {
  return {
    id: d.id,
    reference: d.reference,
    distinction: d.distinction,
    echelon: d.echelon,
    status: d.status,
    filedAt: d.filedAt,
    promotionId: d.promotionId,
    promotionDate,
    civility: d.candidate.civility,
    lastName: d.candidate.lastName,
    firstName: d.candidate.firstName,
    sex: d.candidate.sex,
    communeName,
    eligible: d.eligibility.eligible,
  };
}
