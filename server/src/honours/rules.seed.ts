/**
 * First version of each distinction's rules, written into `honours_rule_set` at start when the
 * row (distinction, effectiveFrom) is missing. From then on the values live in the database: a
 * change of the texts is a new row with a later effective date, never an edit of this file.
 * `toConfirm` lists the values routine.md marks [verify] or that are our inference.
 */
import type { Distinction, RuleSet } from '../contracts/honours';

export interface RuleSetSeed {
  distinction: Distinction;
  label: string;
  effectiveFrom: string;
  source: string;
  toConfirm: string[];
  rules: RuleSet;
}

const SIGNATURE = 'Pour le préfet et par délégation, le directeur de cabinet';
/** Retention of closed dossiers, in years [inf: no text found, to be set by the DPO]. */
const RETENTION = { remis: 10, rejete: 2, ajourne: 3, classe_sans_suite: 2 };
const PROMOTIONS_JAN_JUL = [
  { date: '01-01', cutoff: '10-15' },
  { date: '07-14', cutoff: '05-01' },
];

export const RULE_SET_SEEDS: RuleSetSeed[] = [
  {
    distinction: 'travail',
    label: 'Décret 84-591 du 4 juillet 1984 modifié',
    effectiveFrom: '2008-01-01',
    source: 'décret 84-591 modifié par 2000-1015 et 2007-1746 ; arrêté du 17 juillet 1984',
    toConfirm: ['reductions.mutile_travail', 'reductions.travaux_penibles', 'partTime'],
    rules: {
      basis: 'seniority',
      authority: 'Arrêté préfectoral (délégation, arrêté du 17 juillet 1984)',
      competence: 'residence',
      echelons: [
        { code: 'argent', rank: 1, years: 20 },
        { code: 'vermeil', rank: 2, years: 30 },
        { code: 'or', rank: 3, years: 35 },
        { code: 'grand_or', rank: 4, years: 40 },
      ],
      successive: false,
      partTime: 'full',
      caps: {},
      reductions: [
        { code: 'mutile_travail', label: 'Mutilé du travail (incapacité > 50 %)', years: 5 },
        { code: 'travaux_penibles', label: 'Travaux pénibles', years: 5 },
      ],
      crossGaps: [],
      exclusions: [
        { code: 'fonctionnaire_etat', label: "fonctionnaire de l'État" },
        { code: 'magistrat', label: 'magistrat' },
        {
          code: 'autre_medaille_anciennete',
          label: "bénéficiaire d'une autre médaille d'ancienneté (agricole, régionale…)",
        },
      ],
      promotions: PROMOTIONS_JAN_JUL,
      contingents: {},
      arrete: {
        title: "accordant la médaille d'honneur du travail à l'occasion de la promotion du {date}",
        visas: [
          "Vu le décret n° 48-852 du 15 mai 1948 instituant la médaille d'honneur du travail ;",
          'Vu le décret n° 84-591 du 4 juillet 1984 modifié par les décrets n° 2000-1015 du 17 octobre 2000 et n° 2007-1746 du 11 décembre 2007 ;',
          "Vu l'arrêté du 17 juillet 1984 portant délégation aux préfets ;",
          'Sur la proposition du directeur de cabinet ;',
        ],
        article: "La médaille d'honneur du travail {ECHELON} est décernée à :",
        signature: SIGNATURE,
      },
      retentionYears: RETENTION,
    },
  },
  {
    distinction: 'rdc',
    label: 'Médaille régionale, départementale et communale',
    effectiveFrom: '2005-07-01',
    source: 'décret 87-594 du 22 juillet 1987 modifié',
    toConfirm: ['crossGaps.0.years', 'caps.conge_parental'],
    rules: {
      basis: 'seniority',
      authority: 'Arrêté préfectoral',
      competence: 'residence',
      echelons: [
        { code: 'argent', rank: 1, years: 20 },
        { code: 'vermeil', rank: 2, years: 30, yearsInPrevious: 1 },
        { code: 'or', rank: 3, years: 35, yearsInPrevious: 1 },
      ],
      successive: true,
      partTime: 'prorata',
      caps: { conge_parental: 1 },
      reductions: [
        {
          code: 'insalubre',
          label: 'Agent des réseaux souterrains des égouts ou des services insalubres',
          years: 5,
        },
      ],
      crossGaps: [{ after: ['legion_honneur', 'ordre_merite'], years: 2 }],
      exclusions: [
        { code: 'parlementaire', label: 'député ou sénateur en exercice' },
        { code: 'sapeur_pompier', label: 'sapeur-pompier (médaille propre)' },
        { code: 'sanction_disciplinaire', label: 'sanction supérieure au blâme depuis 10 ans' },
      ],
      promotions: PROMOTIONS_JAN_JUL,
      contingents: {},
      arrete: {
        title:
          "accordant la médaille d'honneur régionale, départementale et communale à l'occasion de la promotion du {date}",
        visas: [
          'Vu le code des communes, notamment ses articles R. 411-41 et suivants ;',
          "Vu le décret n° 87-594 du 22 juillet 1987 portant création de la médaille d'honneur régionale, départementale et communale, modifié ;",
          'Sur la proposition du directeur de cabinet ;',
        ],
        article:
          "La médaille d'honneur régionale, départementale et communale {ECHELON} est décernée à :",
        signature: SIGNATURE,
      },
      retentionYears: RETENTION,
    },
  },
  {
    distinction: 'famille',
    label: "Médaille de l'enfance et des familles",
    effectiveFrom: '2022-02-22',
    source: 'décret 2022-229 du 22 février 2022',
    toConfirm: ['promotions'],
    rules: {
      basis: 'children',
      authority: 'Arrêté préfectoral',
      competence: 'residence',
      echelons: [
        { code: 'bronze', rank: 1, minChildren: 4 },
        { code: 'argent', rank: 2, minChildren: 6 },
        { code: 'or', rank: 3, minChildren: 8 },
      ],
      successive: false,
      partTime: 'full',
      caps: {},
      reductions: [],
      crossGaps: [],
      exclusions: [],
      eldestMinAge: 16,
      promotions: [{ date: '05-26', cutoff: '02-01' }],
      contingents: {},
      arrete: {
        title: "accordant la médaille de l'enfance et des familles (promotion du {date})",
        visas: [
          "Vu le code de l'action sociale et des familles ;",
          "Vu le décret n° 2022-229 du 22 février 2022 relatif à la médaille de l'enfance et des familles ;",
          "Vu l'avis de la commission de l'union départementale des associations familiales ;",
        ],
        article: "La médaille de l'enfance et des familles, échelon {ECHELON}, est décernée à :",
        signature: SIGNATURE,
      },
      retentionYears: RETENTION,
    },
  },
  {
    distinction: 'courage',
    label: 'Acte de courage et de dévouement',
    effectiveFrom: '1970-04-14',
    source: 'instruction 3918 du 18 septembre 1956 ; circulaire du 14 avril 1970',
    toConfirm: ['maxMonthsAfterAct', 'echelons.vermeil.authority', 'echelons.or.authority'],
    rules: {
      basis: 'act',
      authority: 'Arrêté préfectoral',
      competence: 'lieu_des_faits',
      echelons: [
        { code: 'lettre_felicitations', rank: 1 },
        { code: 'mention_honorable', rank: 2 },
        { code: 'bronze', rank: 3 },
        { code: 'argent_2', rank: 4 },
        { code: 'argent_1', rank: 5 },
        { code: 'vermeil', rank: 6, authority: 'Arrêté ministériel' },
        { code: 'or', rank: 7, authority: 'Arrêté ministériel' },
      ],
      successive: false,
      partTime: 'full',
      caps: {},
      reductions: [],
      crossGaps: [],
      exclusions: [],
      maxMonthsAfterAct: 12,
      promotions: [],
      contingents: {},
      arrete: {
        title: 'accordant la médaille pour acte de courage et de dévouement',
        visas: [
          'Vu le décret du 16 novembre 1901 modifié relatif à la médaille pour acte de courage et de dévouement ;',
          "Vu l'instruction n° 3918 du 18 septembre 1956 et la circulaire du 14 avril 1970 ;",
          "Vu le rapport d'enquête des services de police ou de gendarmerie ;",
        ],
        article:
          'La médaille pour acte de courage et de dévouement, échelon {ECHELON}, est décernée à :',
        signature: SIGNATURE,
      },
      retentionYears: RETENTION,
    },
  },
  {
    distinction: 'jeunesse_sports',
    label: "Médaille de la jeunesse, des sports et de l'engagement associatif",
    effectiveFrom: '2013-12-18',
    source: 'décret 2013-1191 du 18 décembre 2013',
    toConfirm: ['contingents', 'promotions'],
    rules: {
      basis: 'seniority',
      authority: 'Arrêté préfectoral (bronze)',
      competence: 'residence',
      echelons: [
        { code: 'bronze', rank: 1, years: 6 },
        { code: 'argent', rank: 2, years: 10, yearsInPrevious: 4, authority: 'Arrêté ministériel' },
        { code: 'or', rank: 3, years: 15, yearsInPrevious: 5, authority: 'Arrêté ministériel' },
      ],
      successive: true,
      partTime: 'full',
      caps: {},
      reductions: [],
      crossGaps: [],
      exclusions: [],
      promotions: PROMOTIONS_JAN_JUL,
      contingents: { bronze: 39, argent: 15, or: 6 },
      arrete: {
        title:
          "accordant la médaille de la jeunesse, des sports et de l'engagement associatif à l'occasion de la promotion du {date}",
        visas: [
          "Vu le décret n° 2013-1191 du 18 décembre 2013 relatif à la médaille de la jeunesse, des sports et de l'engagement associatif ;",
          "Vu l'avis de la commission départementale ;",
        ],
        article:
          "La médaille de la jeunesse, des sports et de l'engagement associatif, échelon {ECHELON}, est décernée à :",
        signature: SIGNATURE,
      },
      retentionYears: RETENTION,
    },
  },
  {
    distinction: 'sapeurs_pompiers',
    label: "Médaille d'honneur des sapeurs-pompiers",
    effectiveFrom: '2019-01-01',
    source: 'décret 2017-1155 du 10 juillet 2017 modifié',
    toConfirm: ['reductions.brevet_jsp'],
    rules: {
      basis: 'seniority',
      authority: 'Arrêté préfectoral, sur proposition de la hiérarchie',
      competence: 'lieu_d_exercice',
      echelons: [
        { code: 'bronze', rank: 1, years: 10 },
        { code: 'argent', rank: 2, years: 20 },
        { code: 'or', rank: 3, years: 30 },
        { code: 'grand_or', rank: 4, years: 40 },
      ],
      successive: true,
      partTime: 'full',
      caps: {},
      reductions: [{ code: 'brevet_jsp', label: 'Brevet de jeune sapeur-pompier', years: 1 }],
      crossGaps: [{ after: ['legion_honneur', 'ordre_merite', 'medaille_militaire'], years: 3 }],
      exclusions: [],
      maxYearsAfterServiceEnd: 5,
      promotions: [
        { date: '07-14', cutoff: '05-01' },
        { date: '12-04', cutoff: '10-01' },
      ],
      contingents: {},
      arrete: {
        title:
          "accordant la médaille d'honneur des sapeurs-pompiers à l'occasion de la promotion du {date}",
        visas: [
          "Vu le décret n° 2017-1155 du 10 juillet 2017 relatif à la médaille d'honneur des sapeurs-pompiers ;",
          "Vu la proposition du directeur départemental du service d'incendie et de secours ;",
        ],
        article: "La médaille d'honneur des sapeurs-pompiers {ECHELON} est décernée à :",
        signature: SIGNATURE,
      },
      retentionYears: RETENTION,
    },
  },
  {
    distinction: 'legion_honneur',
    label: "Légion d'honneur (proposition)",
    effectiveFrom: '2021-03-03',
    source:
      "code de la Légion d'honneur, de la Médaille militaire et de l'ordre national du Mérite ; décret 2021-240",
    toConfirm: ['echelons.chevalier.years', 'crossGaps.0.years'],
    rules: {
      basis: 'seniority',
      authority: 'Décret du Président de la République (proposition du préfet au ministre)',
      competence: 'proposition',
      echelons: [
        { code: 'chevalier', rank: 1, years: 20 },
        { code: 'officier', rank: 2, yearsInPrevious: 8 },
        { code: 'commandeur', rank: 3, yearsInPrevious: 5 },
        { code: 'grand_officier', rank: 4, yearsInPrevious: 3 },
        { code: 'grand_croix', rank: 5, yearsInPrevious: 3 },
      ],
      successive: true,
      partTime: 'full',
      caps: {},
      reductions: [],
      crossGaps: [{ after: ['ordre_merite'], years: 2 }],
      exclusions: [{ code: 'parlementaire', label: 'membre du Parlement en exercice' }],
      promotions: [
        { date: '01-01', cutoff: '09-01' },
        { date: '07-14', cutoff: '03-01' },
      ],
      contingents: {},
      arrete: {
        title:
          "proposant des nominations dans l'ordre de la Légion d'honneur (promotion du {date})",
        visas: [
          "Vu le code de la Légion d'honneur, de la Médaille militaire et de l'ordre national du Mérite ;",
        ],
        article: "Sont proposés au grade de {ECHELON} de la Légion d'honneur :",
        signature: 'Le préfet',
      },
      retentionYears: RETENTION,
    },
  },
  {
    distinction: 'ordre_merite',
    label: 'Ordre national du Mérite (proposition)',
    effectiveFrom: '2021-03-03',
    source:
      "code de la Légion d'honneur, de la Médaille militaire et de l'ordre national du Mérite",
    toConfirm: ['crossGaps.0.years', 'promotions'],
    rules: {
      basis: 'seniority',
      authority: 'Décret du Président de la République (proposition du préfet au ministre)',
      competence: 'proposition',
      echelons: [
        { code: 'chevalier', rank: 1, years: 10 },
        { code: 'officier', rank: 2, yearsInPrevious: 5 },
        { code: 'commandeur', rank: 3, yearsInPrevious: 3 },
        { code: 'grand_officier', rank: 4, yearsInPrevious: 3 },
        { code: 'grand_croix', rank: 5, yearsInPrevious: 3 },
      ],
      successive: true,
      partTime: 'full',
      caps: {},
      reductions: [],
      crossGaps: [{ after: ['legion_honneur'], years: 2 }],
      exclusions: [{ code: 'parlementaire', label: 'membre du Parlement en exercice' }],
      promotions: [
        { date: '05-15', cutoff: '01-15' },
        { date: '11-15', cutoff: '07-15' },
      ],
      contingents: {},
      arrete: {
        title: "proposant des nominations dans l'ordre national du Mérite (promotion du {date})",
        visas: [
          "Vu le code de la Légion d'honneur, de la Médaille militaire et de l'ordre national du Mérite ;",
        ],
        article: "Sont proposés au grade de {ECHELON} de l'ordre national du Mérite :",
        signature: 'Le préfet',
      },
      retentionYears: RETENTION,
    },
  },
];
