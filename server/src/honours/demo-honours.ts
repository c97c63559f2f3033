import type { EntityManager } from 'typeorm';
import { type DossierStatus, eligibilityRequestSchema, ruleSetSchema } from '../contracts/honours';
import { DEMO_FIRST_NAMES_F, DEMO_FIRST_NAMES_M, DEMO_SURNAMES } from '../directory/demo-names';
import { addMonths, fromDay, toDay } from './dates';
import { personKey, REFERENCE_PREFIX } from './dossier-mapping';
import { checkEligibility, nextPromotion } from './eligibility';
import {
  HonoursDossier,
  HonoursDossierTransition,
  HonoursPromotion,
  HonoursRuleSet,
} from './honours.entity';
import { seedHonoursRules } from './rules.service';

/** Fictitious employers of the Puy-de-Dôme (no real company). */
const EMPLOYERS = [
  ['Ateliers des Dômes', 'Clermont-Ferrand', 'technicien de maintenance'],
  ['Laiterie du Livradois', 'Ambert', 'conducteur de ligne'],
  ['Transports Arvernes', 'Riom', 'chauffeur routier'],
  ['Coutellerie du Thiernois', 'Thiers', 'polisseur'],
  ['Clinique des Volcans', 'Beaumont', 'aide-soignant'],
  ['Banque Auvergne Limagne', 'Issoire', 'conseiller clientèle'],
  ['Pneumatiques du Centre', 'Clermont-Ferrand', 'opérateur de production'],
  ['Eaux minérales de Volvic-Sud', 'Volvic', 'agent logistique'],
] as const;

const ECHELONS = ['argent', 'argent', 'argent', 'vermeil', 'vermeil', 'or', 'grand_or'] as const;
const YEARS: Record<string, number> = { argent: 20, vermeil: 30, or: 35, grand_or: 40 };
/** How far the demo dossiers went: most are being instructed, some retained, a few stopped. */
const PATHS: DossierStatus[][] = [
  ['depose'],
  ['depose', 'complet'],
  ['depose', 'complet', 'en_instruction'],
  ['depose', 'complet', 'en_instruction', 'avis'],
  ['depose', 'complet', 'en_instruction', 'avis', 'retenu'],
  ['depose', 'complet', 'en_instruction', 'avis', 'retenu'],
  ['depose', 'incomplet'],
];
const DEMO_AUTHOR = 'Agent du Cabinet (démo)';

/**
 * An open promotion of the médaille d'honneur du travail with 60 fictitious dossiers on real
 * communes, at every stage of instruction (idempotent: does nothing once seeded).
 */
export async function seedDemoHonours(manager: EntityManager, now: Date): Promise<number> {
  await seedHonoursRules(manager);
  const [{ n }] = (await manager.query(
    `SELECT count(*)::int AS n FROM honours_dossier_transition WHERE by_name = $1`,
    [DEMO_AUTHOR],
  )) as [{ n: number }];
  if (n > 0) return 0;
  const today = now.toISOString().slice(0, 10);
  const row = await manager.findOneOrFail(HonoursRuleSet, {
    where: { distinction: 'travail' },
    order: { effectiveFrom: 'DESC' },
  });
  const rules = ruleSetSchema.parse(row.rules);
  const date = nextPromotion(rules, today)!.date;
  await manager.query(
    `INSERT INTO honours_promotion (distinction, date, contingents) VALUES ('travail', $1, '{}') ON CONFLICT DO NOTHING`,
    [date],
  );
  const promotion = await manager.findOneByOrFail(HonoursPromotion, {
    distinction: 'travail',
    date,
  });
  const communes = (await manager.query(
    'SELECT insee FROM commune ORDER BY population DESC LIMIT 60',
  )) as { insee: string }[];
  const year = today.slice(0, 4);
  const prefix = `${REFERENCE_PREFIX.travail}-${year}-`;
  const [{ last }] = (await manager.query(
    `SELECT coalesce(max(substring(reference from '\\d+$')::int), 0) AS last FROM honours_dossier WHERE reference LIKE $1`,
    [`${prefix}%`],
  )) as [{ last: number }];
  for (let i = 0; i < communes.length; i++) {
    const feminine = i % 2 === 0;
    const firstName = (feminine ? DEMO_FIRST_NAMES_F : DEMO_FIRST_NAMES_M)[(i * 7) % 100];
    const lastName = DEMO_SURNAMES[(i * 13) % DEMO_SURNAMES.length];
    const echelon = ECHELONS[i % ECHELONS.length];
    const [employer, employerCity, occupation] = EMPLOYERS[i % EMPLOYERS.length];
    // one in nine misses a few months: the calculator says how many
    const months = YEARS[echelon] * 12 + (i % 9 === 4 ? -5 : 3 + (i % 40));
    const start = addMonths(date, -months);
    const split = addMonths(start, 60 + (i % 30));
    const servicePeriods = [
      { employer: EMPLOYERS[(i + 3) % EMPLOYERS.length][0], start, end: fromDay(toDay(split) - 1) },
      { employer, start: split, ...(i % 5 === 0 ? { ratio: 0.8 } : {}) },
    ];
    const filedAt = addMonths(today, -(i % 4));
    const input = eligibilityRequestSchema.parse({
      distinction: 'travail',
      echelon,
      promotionDate: date,
      servicePeriods,
    });
    const eligibility = checkEligibility(
      rules,
      { id: row.id, effectiveFrom: row.effectiveFrom, toConfirm: row.toConfirm },
      input,
    );
    const path = eligibility.eligible ? PATHS[i % PATHS.length] : PATHS[i % 3];
    const candidate = {
      civility: feminine ? ('Mme' as const) : ('M.' as const),
      sex: feminine ? ('F' as const) : ('H' as const),
      lastName,
      firstName,
      birthDate: `${1958 + (i % 25)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      nationality: 'française',
      communeInsee: communes[i].insee,
      occupation,
      employer,
      employerCity,
    };
    const dossier = await manager.save(
      manager.create(HonoursDossier, {
        reference: `${prefix}${String(Number(last) + i + 1).padStart(5, '0')}`,
        distinction: 'travail',
        echelon,
        status: path.at(-1)!,
        personKey: personKey(candidate),
        candidate,
        communeInsee: candidate.communeInsee,
        lastName,
        proposer: {
          kind: i % 3 === 0 ? 'employeur' : 'candidat',
          ...(i % 3 === 0 ? { name: employer } : {}),
        },
        channel: i % 4 === 0 ? 'papier' : 'demarches_simplifiees',
        filedAt: filedAt > today ? today : filedAt,
        promotionId: promotion.id,
        facts: {
          servicePeriods,
          held: [],
          reductions: [],
          categories: [],
          children: [],
          actDate: null,
        },
        documents: [
          {
            label: "Certificats de travail de l'ensemble des employeurs",
            received: path.length > 1,
          },
          { label: "Copie d'une pièce d'identité", received: true },
        ],
        opinions: path.includes('avis')
          ? [{ kind: 'hierarchie', outcome: 'favorable', author: employer, date: today }]
          : [],
        eligibility,
        warnings: [],
        createdBy: null,
      }),
    );
    let from: DossierStatus | null = null;
    for (const [k, to] of path.entries()) {
      await manager.insert(HonoursDossierTransition, {
        dossierId: dossier.id,
        from,
        to,
        at: new Date(now.getTime() - (path.length - k) * 86_400_000),
        by: null,
        byName: DEMO_AUTHOR,
        note: to === 'incomplet' ? 'certificat de travail manquant' : null,
      });
      from = to;
    }
  }
  return communes.length;
}
