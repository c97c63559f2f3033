import {
  type Distinction,
  eligibilityRequestSchema,
  type EligibilityRequest,
  type HeldDistinction,
  ruleSetSchema,
} from '../contracts/honours';
import { calendarDiff, formatDuration } from './dates';
import {
  checkEligibility,
  nextPromotion,
  resolvePromotion,
  RuleInputError,
  serviceDays,
} from './eligibility';
import { RULE_SET_SEEDS } from './rules.seed';

const rulesOf = (d: Distinction) =>
  ruleSetSchema.parse(RULE_SET_SEEDS.find((s) => s.distinction === d)!.rules);
const REF = { id: 'r', effectiveFrom: '2000-01-01', toConfirm: [] };

function run(req: EligibilityRequest) {
  return checkEligibility(rulesOf(req.distinction), REF, eligibilityRequestSchema.parse(req));
}
const p = (
  start: string,
  end?: string,
  ratio?: number,
  kind?: 'service' | 'conge_parental' | 'service_national',
) => ({
  start,
  ...(end ? { end } : {}),
  ...(ratio ? { ratio } : {}),
  ...(kind ? { kind } : {}),
});
const h = (distinction: HeldDistinction, echelon: string, date: string) => ({
  distinction,
  echelon,
  date,
});

/** [case, request (without distinction), eligible, words the explanation must contain]. */
type Row = [string, Omit<EligibilityRequest, 'distinction'>, boolean, string];

function table(distinction: Distinction, rows: Row[]) {
  it(`has at least 25 cases for ${distinction}`, () =>
    expect(rows.length).toBeGreaterThanOrEqual(25));
  it.each(rows)(`${distinction}: %s`, (_, req, eligible, words) => {
    const result = run({ ...req, distinction } as EligibilityRequest);
    expect({ eligible: result.eligible, explanation: result.explanation }).toEqual({
      eligible,
      explanation: expect.stringContaining(words),
    });
  });
}

const JUL27 = '2027-07-14';
const JAN28 = '2028-01-01';

describe('dates', () => {
  it.each([
    ['2007-07-14', '2027-07-14', '20 ans'],
    ['2006-03-10', '2027-07-14', '21 ans 4 mois 4 jours'],
    ['2027-01-31', '2027-03-01', '1 mois 1 jour'],
    ['2027-07-14', '2027-07-14', '0 jour'],
    ['2026-07-15', '2027-07-14', '11 mois 29 jours'],
  ])('%s → %s is %s', (from, to, text) =>
    expect(formatDuration(calendarDiff(from, to))).toBe(text),
  );
});

describe('médaille d’honneur du travail', () => {
  table('travail', [
    [
      'argent exactly at 20 years',
      { echelon: 'argent', promotionDate: JUL27, servicePeriods: [p('2007-07-14')] },
      true,
      'argent : 20 ans au 14/07/2027 ≥ 20 ans — éligible',
    ],
    [
      'argent one day short',
      { echelon: 'argent', promotionDate: JUL27, servicePeriods: [p('2007-07-15')] },
      false,
      'argent : 19 ans 11 mois 29 jours au 14/07/2027 < 20 ans — manque 1 jour',
    ],
    [
      'argent 21 years 4 months',
      { echelon: 'argent', promotionDate: JUL27, servicePeriods: [p('2006-03-14')] },
      true,
      'argent : 21 ans 4 mois au 14/07/2027 ≥ 20 ans — éligible',
    ],
    [
      'vermeil 8 months short',
      { echelon: 'vermeil', promotionDate: JUL27, servicePeriods: [p('1998-03-14')] },
      false,
      'vermeil : 29 ans 4 mois au 14/07/2027 < 30 ans — manque 8 mois',
    ],
    [
      'vermeil exactly at 30 years',
      { echelon: 'vermeil', promotionDate: JUL27, servicePeriods: [p('1997-07-14')] },
      true,
      'vermeil : 30 ans au 14/07/2027',
    ],
    [
      'or at 35 years on 1 January',
      { echelon: 'or', promotionDate: JAN28, servicePeriods: [p('1993-01-01')] },
      true,
      'or : 35 ans au 01/01/2028 ≥ 35 ans',
    ],
    [
      'or 1 day short on 1 January',
      { echelon: 'or', promotionDate: JAN28, servicePeriods: [p('1993-01-02')] },
      false,
      'manque 1 jour',
    ],
    [
      'grand or at 40 years',
      { echelon: 'grand_or', promotionDate: JUL27, servicePeriods: [p('1987-07-14')] },
      true,
      'grand or : 40 ans',
    ],
    [
      'grand or 39 years',
      { echelon: 'grand_or', promotionDate: JUL27, servicePeriods: [p('1988-07-14')] },
      false,
      'manque 1 an',
    ],
    [
      'several employers add up',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01', '2009-12-31'), p('2010-01-01', '2019-12-31')],
      },
      true,
      'argent : 20 ans au 14/07/2027',
    ],
    [
      'gaps between employers are not counted',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01', '2009-12-31'), p('2011-01-01', '2020-12-29')],
      },
      false,
      'manque 1 jour',
    ],
    [
      'overlapping employers count once',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2007-07-14'), p('2010-01-01', '2015-12-31')],
      },
      true,
      'argent : 20 ans au',
    ],
    [
      'overlap does not double seniority',
      {
        echelon: 'vermeil',
        promotionDate: JUL27,
        servicePeriods: [p('2007-07-14'), p('2007-07-14')],
      },
      false,
      'vermeil : 20 ans au 14/07/2027 < 30 ans — manque 10 ans',
    ],
    [
      'part-time counts as full time for MHT [verify]',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2007-07-14', undefined, 0.5)],
      },
      true,
      'argent : 20 ans',
    ],
    [
      'service after the promotion date is ignored',
      { echelon: 'argent', promotionDate: JUL27, servicePeriods: [p('2008-07-14', '2030-12-31')] },
      false,
      'argent : 19 ans au 14/07/2027',
    ],
    [
      'period ending the day before the promotion',
      { echelon: 'argent', promotionDate: JUL27, servicePeriods: [p('2007-07-14', '2027-07-13')] },
      true,
      'argent : 20 ans au',
    ],
    [
      'mutilé du travail: 5 years less [verify]',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2012-07-14')],
        reductions: ['mutile_travail'],
      },
      true,
      '15 ans (20 ans moins 5 ans de réduction : mutilé du travail',
    ],
    [
      'reduction not enough',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2013-07-14')],
        reductions: ['mutile_travail'],
      },
      false,
      '< 15 ans',
    ],
    [
      'State civil servant excluded',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('1990-01-01')],
        categories: ['fonctionnaire_etat'],
      },
      false,
      "exclu de cette distinction : fonctionnaire de l'État",
    ],
    [
      'magistrate excluded',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('1990-01-01')],
        categories: ['magistrat'],
      },
      false,
      'exclu de cette distinction : magistrat',
    ],
    [
      'other seniority medal excluded',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('1990-01-01')],
        categories: ['autre_medaille_anciennete'],
      },
      false,
      'autre médaille',
    ],
    [
      'vermeil without argent: échelons may be cumulated',
      { echelon: 'vermeil', promotionDate: JUL27, servicePeriods: [p('1990-01-01')] },
      true,
      'vermeil : 37 ans',
    ],
    [
      'argent already held',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('1990-01-01')],
        held: [h('travail', 'argent', '2015-01-01')],
      },
      false,
      "déjà titulaire de l'échelon argent depuis le 01/01/2015",
    ],
    [
      'vermeil held, argent asked',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('1990-01-01')],
        held: [h('travail', 'vermeil', '2020-07-14')],
      },
      false,
      'déjà titulaire',
    ],
    [
      'filed on the cut-off day stays',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        filedAt: '2027-05-01',
        servicePeriods: [p('2007-07-14')],
      },
      true,
      'au 14/07/2027',
    ],
    [
      'filed after 1 May: moved to 1 January, still eligible',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        filedAt: '2027-05-02',
        servicePeriods: [p('2007-07-14')],
      },
      true,
      'argent : 20 ans 5 mois 18 jours au 01/01/2028',
    ],
    [
      'filed after the cut-off becomes eligible at the next promotion',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        filedAt: '2027-06-01',
        servicePeriods: [p('2007-10-01')],
      },
      true,
      'au 01/01/2028 ≥ 20 ans',
    ],
    [
      'filed after 15 October: moved to 14 July',
      {
        echelon: 'argent',
        promotionDate: JAN28,
        filedAt: '2027-10-16',
        servicePeriods: [p('2008-01-01')],
      },
      true,
      'au 14/07/2028',
    ],
    [
      'no service at all',
      { echelon: 'argent', promotionDate: JUL27 },
      false,
      'argent : 0 jour au 14/07/2027 < 20 ans — manque 20 ans',
    ],
  ]);
});

describe('médaille régionale, départementale et communale', () => {
  table('rdc', [
    [
      'argent at 20 years',
      { echelon: 'argent', promotionDate: JUL27, servicePeriods: [p('2007-07-14')] },
      true,
      'argent : 20 ans au 14/07/2027 ≥ 20 ans — éligible',
    ],
    [
      'argent one day short',
      { echelon: 'argent', promotionDate: JUL27, servicePeriods: [p('2007-07-15')] },
      false,
      'manque 1 jour',
    ],
    [
      'half time for 40 years = 20 years',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('1987-07-14', undefined, 0.5)],
      },
      true,
      'argent : 20 ans au',
    ],
    [
      '80 % for 20 years is 16 years',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2007-07-14', undefined, 0.8)],
      },
      false,
      'manque 4 ans',
    ],
    [
      'part-time then full time',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2003-07-14', '2007-07-13', 0.5), p('2009-07-14')],
      },
      true,
      'argent : 20 ans au',
    ],
    [
      'two part-time jobs at once add up to full time',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2007-07-14', undefined, 0.5), p('2007-07-14', undefined, 0.5)],
      },
      true,
      'argent : 20 ans',
    ],
    [
      'two jobs never count more than full time',
      {
        echelon: 'vermeil',
        promotionDate: JUL27,
        servicePeriods: [p('2007-07-14', undefined, 0.8), p('2007-07-14', undefined, 0.8)],
      },
      false,
      'vermeil : 20 ans',
    ],
    [
      'parental leave capped at 1 year',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2009-07-14'), p('2005-07-14', '2009-07-13', 1, 'conge_parental')],
      },
      false,
      'argent : 19 ans',
    ],
    [
      'parental leave of 1 year counts fully',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2008-07-14'), p('2007-07-14', '2008-07-13', 1, 'conge_parental')],
      },
      true,
      'argent : 20 ans',
    ],
    [
      'national service counts',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2008-07-14'), p('2007-07-14', '2008-07-13', 1, 'service_national')],
      },
      true,
      'argent : 20 ans',
    ],
    [
      'insalubrious services: 5 years less',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2012-07-14')],
        reductions: ['insalubre'],
      },
      true,
      '15 ans (20 ans moins 5 ans de réduction',
    ],
    [
      'insalubrious, one day short',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2012-07-15')],
        reductions: ['insalubre'],
      },
      false,
      'manque 1 jour',
    ],
    [
      'vermeil needs argent first',
      { echelon: 'vermeil', promotionDate: JUL27, servicePeriods: [p('1995-01-01')] },
      false,
      "l'échelon argent doit être détenu auparavant",
    ],
    [
      'vermeil 1 year after argent',
      {
        echelon: 'vermeil',
        promotionDate: JUL27,
        servicePeriods: [p('1995-01-01')],
        held: [h('rdc', 'argent', '2026-07-14')],
      },
      true,
      'argent détenu depuis le 14/07/2026, 1 an requis — respecté',
    ],
    [
      'vermeil less than 1 year after argent',
      {
        echelon: 'vermeil',
        promotionDate: JUL27,
        servicePeriods: [p('1995-01-01')],
        held: [h('rdc', 'argent', '2027-01-01')],
      },
      false,
      '1 an requis après argent (obtenu le 01/01/2027) — manque 5 mois 18 jours',
    ],
    [
      'or needs vermeil, not only argent',
      {
        echelon: 'or',
        promotionDate: JUL27,
        servicePeriods: [p('1990-01-01')],
        held: [h('rdc', 'argent', '2010-01-01')],
      },
      false,
      "l'échelon vermeil doit être détenu auparavant",
    ],
    [
      'or with vermeil and seniority',
      {
        echelon: 'or',
        promotionDate: JUL27,
        servicePeriods: [p('1990-01-01')],
        held: [h('rdc', 'argent', '2010-01-01'), h('rdc', 'vermeil', '2020-01-01')],
      },
      true,
      'or : 37 ans',
    ],
    [
      'or with vermeil but 34 years',
      {
        echelon: 'or',
        promotionDate: JUL27,
        servicePeriods: [p('1993-07-14')],
        held: [h('rdc', 'vermeil', '2024-01-01')],
      },
      false,
      'manque 1 an',
    ],
    [
      '2 years after the Légion d’honneur: respected',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01')],
        held: [h('legion_honneur', 'chevalier', '2025-07-14')],
      },
      true,
      "2 ans depuis Légion d'honneur (chevalier, 14/07/2025) — respecté",
    ],
    [
      'less than 2 years after the ONM',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01')],
        held: [h('ordre_merite', 'chevalier', '2026-05-15')],
      },
      false,
      '2 ans requis après Ordre national du Mérite (chevalier, 15/05/2026) — manque 10 mois 1 jour',
    ],
    [
      'the latest national order counts',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01')],
        held: [
          h('ordre_merite', 'chevalier', '2010-05-15'),
          h('legion_honneur', 'chevalier', '2026-07-14'),
        ],
      },
      false,
      "Légion d'honneur (chevalier, 14/07/2026) — manque 1 an",
    ],
    [
      'MHT held does not block',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01')],
        held: [h('travail', 'argent', '2026-07-14')],
      },
      true,
      'argent : 27 ans',
    ],
    [
      'sitting parliamentarian excluded',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01')],
        categories: ['parlementaire'],
      },
      false,
      'député ou sénateur en exercice',
    ],
    [
      'sapeur-pompier excluded',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01')],
        categories: ['sapeur_pompier'],
      },
      false,
      'sapeur-pompier',
    ],
    [
      'disciplinary sanction excluded',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01')],
        categories: ['sanction_disciplinaire'],
      },
      false,
      'blâme',
    ],
    [
      'argent already held',
      {
        echelon: 'argent',
        promotionDate: JUL27,
        servicePeriods: [p('2000-01-01')],
        held: [h('rdc', 'argent', '2021-01-01')],
      },
      false,
      "déjà titulaire de l'échelon argent",
    ],
    [
      'filed 16 October for 1 January: moved to 14 July',
      {
        echelon: 'argent',
        promotionDate: JAN28,
        filedAt: '2027-10-16',
        servicePeriods: [p('2008-07-14')],
      },
      true,
      'au 14/07/2028',
    ],
    [
      'filed 15 October for 1 January: kept',
      {
        echelon: 'argent',
        promotionDate: JAN28,
        filedAt: '2027-10-15',
        servicePeriods: [p('2008-07-14')],
      },
      false,
      'au 01/01/2028 < 20 ans — manque 6 mois 13 jours',
    ],
  ]);
});

describe("médaille de l'enfance et des familles", () => {
  const kids = (n: number, eldest = '2000-01-01', french = true) =>
    Array.from({ length: n }, (_, i) => ({
      birthDate: `${2000 + (i ? i + Number(eldest.slice(0, 4)) - 2000 : Number(eldest.slice(0, 4)) - 2000)}-${eldest.slice(5)}`,
      french,
    }));
  const MAY = '2027-05-26';
  table('famille', [
    [
      'bronze with 4 children',
      { echelon: 'bronze', promotionDate: MAY, children: kids(4) },
      true,
      'bronze : 4 enfants pris en compte ≥ 4 — éligible',
    ],
    [
      'bronze with 3 children',
      { echelon: 'bronze', promotionDate: MAY, children: kids(3) },
      false,
      'bronze : 3 enfants pris en compte < 4 — manque 1',
    ],
    [
      'bronze with 5 children',
      { echelon: 'bronze', promotionDate: MAY, children: kids(5) },
      true,
      '5 enfants',
    ],
    [
      'argent with 6 children',
      { echelon: 'argent', promotionDate: MAY, children: kids(6) },
      true,
      'argent : 6 enfants pris en compte ≥ 6',
    ],
    [
      'argent with 5 children',
      { echelon: 'argent', promotionDate: MAY, children: kids(5) },
      false,
      'manque 1',
    ],
    [
      'argent with 7 children',
      { echelon: 'argent', promotionDate: MAY, children: kids(7) },
      true,
      '7 enfants',
    ],
    [
      'or with 8 children',
      { echelon: 'or', promotionDate: MAY, children: kids(8, '1995-01-01') },
      true,
      'or : 8 enfants pris en compte ≥ 8',
    ],
    [
      'or with 7 children',
      { echelon: 'or', promotionDate: MAY, children: kids(7) },
      false,
      'manque 1',
    ],
    [
      'or with 10 children',
      { echelon: 'or', promotionDate: MAY, children: kids(10, '1990-01-01') },
      true,
      '10 enfants',
    ],
    [
      'eldest exactly 16 on the promotion date',
      { echelon: 'bronze', promotionDate: MAY, children: kids(4, '2011-05-26') },
      true,
      "l'aîné a 16 ans ou plus au 26/05/2027",
    ],
    [
      'eldest 16 the day after',
      { echelon: 'bronze', promotionDate: MAY, children: kids(4, '2011-05-27') },
      false,
      "l'aîné n'aura 16 ans que le 27/05/2027",
    ],
    [
      'eldest 15',
      { echelon: 'bronze', promotionDate: MAY, children: kids(4, '2012-01-01') },
      false,
      "n'aura 16 ans que le 01/01/2028",
    ],
    [
      'a child who died before 1 is not counted',
      {
        echelon: 'bronze',
        promotionDate: MAY,
        children: [...kids(3), { birthDate: '2010-01-01', deathDate: '2010-06-01' }],
      },
      false,
      '3 enfants pris en compte',
    ],
    [
      'a child who died after 1 is counted',
      {
        echelon: 'bronze',
        promotionDate: MAY,
        children: [...kids(3), { birthDate: '2010-01-01', deathDate: '2015-06-01' }],
      },
      true,
      '4 enfants',
    ],
    [
      'a child who died on the day of its first birthday is counted',
      {
        echelon: 'bronze',
        promotionDate: MAY,
        children: [...kids(3), { birthDate: '2010-01-01', deathDate: '2011-01-01' }],
      },
      true,
      '4 enfants',
    ],
    [
      'foreign children are not counted',
      {
        echelon: 'bronze',
        promotionDate: MAY,
        children: [...kids(2), ...kids(2, '2005-01-01', false)],
      },
      false,
      '2 enfants pris en compte',
    ],
    [
      'children born after the promotion are not counted',
      {
        echelon: 'bronze',
        promotionDate: MAY,
        children: [...kids(3), { birthDate: '2027-06-01' }],
      },
      false,
      '3 enfants',
    ],
    [
      'no children',
      { echelon: 'bronze', promotionDate: MAY },
      false,
      '0 enfant pris en compte < 4 — manque 4',
    ],
    [
      'one child',
      { echelon: 'bronze', promotionDate: MAY, children: kids(1) },
      false,
      '1 enfant pris en compte < 4',
    ],
    [
      'bronze already held, argent asked with 6',
      {
        echelon: 'argent',
        promotionDate: MAY,
        children: kids(6),
        held: [h('famille', 'bronze', '2015-05-31')],
      },
      true,
      '6 enfants',
    ],
    [
      'argent already held',
      {
        echelon: 'argent',
        promotionDate: MAY,
        children: kids(6),
        held: [h('famille', 'argent', '2015-05-31')],
      },
      false,
      "déjà titulaire de l'échelon argent",
    ],
    [
      'or already held, bronze asked',
      {
        echelon: 'bronze',
        promotionDate: MAY,
        children: kids(8),
        held: [h('famille', 'or', '2015-05-31')],
      },
      false,
      'déjà titulaire',
    ],
    [
      'filed after 1 February: next campaign',
      {
        echelon: 'bronze',
        promotionDate: MAY,
        filedAt: '2027-02-02',
        children: kids(4, '2011-06-01'),
      },
      true,
      'au 26/05/2028',
    ],
    [
      'filed on 1 February: kept',
      {
        echelon: 'bronze',
        promotionDate: MAY,
        filedAt: '2027-02-01',
        children: kids(4, '2011-06-01'),
      },
      false,
      "n'aura 16 ans que le 01/06/2027",
    ],
    [
      'bronze with 8 children',
      { echelon: 'bronze', promotionDate: MAY, children: kids(8) },
      true,
      '8 enfants pris en compte ≥ 4',
    ],
  ]);
});

describe('acte de courage et de dévouement', () => {
  const D = '2027-03-10';
  table('courage', [
    [
      'bronze requested a month after',
      { echelon: 'bronze', promotionDate: D, actDate: '2027-02-10', filedAt: '2027-03-10' },
      true,
      'bronze : acte du 10/02/2027, demande du 10/03/2027 dans le délai de 12 mois — recevable',
    ],
    [
      'request exactly 12 months after',
      { echelon: 'bronze', promotionDate: D, actDate: '2026-03-10', filedAt: '2027-03-10' },
      true,
      'recevable',
    ],
    [
      'request 12 months and a day after',
      { echelon: 'bronze', promotionDate: D, actDate: '2026-03-09', filedAt: '2027-03-10' },
      false,
      'au-delà du délai de 12 mois (limite le 09/03/2027)',
    ],
    [
      'request two years after',
      { echelon: 'argent_2', promotionDate: D, actDate: '2025-01-01', filedAt: '2027-03-10' },
      false,
      'au-delà du délai',
    ],
    [
      'act after the request',
      { echelon: 'bronze', promotionDate: D, actDate: '2027-04-01', filedAt: '2027-03-10' },
      false,
      "l'acte du 01/04/2027 est postérieur à la demande",
    ],
    [
      'lettre de félicitations',
      {
        echelon: 'lettre_felicitations',
        promotionDate: D,
        actDate: '2027-01-01',
        filedAt: '2027-01-05',
      },
      true,
      'lettre de félicitations : acte du 01/01/2027',
    ],
    [
      'mention honorable',
      { echelon: 'mention_honorable', promotionDate: D, actDate: '2027-01-01' },
      true,
      'mention honorable : acte du 01/01/2027, demande du 10/03/2027',
    ],
    [
      'argent 2e classe',
      { echelon: 'argent_2', promotionDate: D, actDate: '2026-12-01' },
      true,
      'argent 2e classe',
    ],
    [
      'argent 1re classe',
      { echelon: 'argent_1', promotionDate: D, actDate: '2026-12-01' },
      true,
      'argent 1re classe',
    ],
    [
      'vermeil',
      { echelon: 'vermeil', promotionDate: D, actDate: '2026-12-01' },
      true,
      'vermeil : acte du 01/12/2026',
    ],
    [
      'or (mostly posthumous)',
      { echelon: 'or', promotionDate: D, actDate: '2026-12-01' },
      true,
      'or : acte',
    ],
    [
      'any time of year: no move',
      {
        echelon: 'bronze',
        promotionDate: '2027-08-03',
        actDate: '2027-07-01',
        filedAt: '2027-07-02',
      },
      true,
      'demande du 02/07/2027',
    ],
    [
      'without a filing date the decision date is used',
      { echelon: 'bronze', promotionDate: '2027-08-03', actDate: '2026-08-03' },
      true,
      'demande du 03/08/2027',
    ],
    [
      'without a filing date, too late',
      { echelon: 'bronze', promotionDate: '2027-08-04', actDate: '2026-08-03' },
      false,
      'au-delà du délai',
    ],
    [
      'same day',
      { echelon: 'bronze', promotionDate: D, actDate: D, filedAt: D },
      true,
      'recevable',
    ],
    [
      'bronze held, argent asked: not a career award but allowed',
      {
        echelon: 'argent_2',
        promotionDate: D,
        actDate: '2027-01-01',
        held: [h('courage', 'bronze', '2020-01-01')],
      },
      true,
      'argent 2e classe',
    ],
    [
      'same échelon already held',
      {
        echelon: 'bronze',
        promotionDate: D,
        actDate: '2027-01-01',
        held: [h('courage', 'bronze', '2020-01-01')],
      },
      false,
      "déjà titulaire de l'échelon bronze",
    ],
    [
      'higher échelon held',
      {
        echelon: 'bronze',
        promotionDate: D,
        actDate: '2027-01-01',
        held: [h('courage', 'vermeil', '2020-01-01')],
      },
      false,
      'déjà titulaire',
    ],
    [
      'other distinctions do not matter',
      {
        echelon: 'bronze',
        promotionDate: D,
        actDate: '2027-01-01',
        held: [h('legion_honneur', 'chevalier', '2026-01-01')],
      },
      true,
      'recevable',
    ],
    [
      'service periods do not matter',
      {
        echelon: 'bronze',
        promotionDate: D,
        actDate: '2027-01-01',
        servicePeriods: [p('2020-01-01')],
      },
      true,
      'recevable',
    ],
    [
      'end of February',
      {
        echelon: 'bronze',
        promotionDate: '2028-02-29',
        actDate: '2027-02-28',
        filedAt: '2028-02-28',
      },
      true,
      'recevable',
    ],
    [
      'leap day act, a year later',
      {
        echelon: 'bronze',
        promotionDate: '2029-03-01',
        actDate: '2028-02-29',
        filedAt: '2029-02-28',
      },
      true,
      'recevable',
    ],
    [
      'leap day act, too late',
      {
        echelon: 'bronze',
        promotionDate: '2029-03-01',
        actDate: '2028-02-29',
        filedAt: '2029-03-01',
      },
      false,
      'limite le 28/02/2029',
    ],
    [
      'request a week after',
      {
        echelon: 'mention_honorable',
        promotionDate: D,
        actDate: '2027-03-03',
        filedAt: '2027-03-10',
      },
      true,
      'recevable',
    ],
    [
      'request 13 months after',
      {
        echelon: 'mention_honorable',
        promotionDate: D,
        actDate: '2026-02-10',
        filedAt: '2027-03-10',
      },
      false,
      'au-delà',
    ],
  ]);

  it('refuses a request without the date of the act, and unknown échelons and reductions', () => {
    expect(() => run({ distinction: 'courage', echelon: 'bronze', promotionDate: D })).toThrow(
      RuleInputError,
    );
    try {
      run({
        distinction: 'travail',
        echelon: 'platine',
        promotionDate: JUL27,
        reductions: ['vip'],
      });
      throw new Error('no error');
    } catch (e) {
      expect((e as RuleInputError).details).toEqual([
        {
          path: 'echelon',
          message: 'unknown échelon for travail: expected one of argent, vermeil, or, grand_or',
        },
        {
          path: 'reductions.0',
          message: 'unknown reduction: expected one of mutile_travail, travaux_penibles',
        },
      ]);
    }
  });
});

describe('médaille de la jeunesse, des sports et de l’engagement associatif', () => {
  table('jeunesse_sports', [
    [
      'bronze at 6 years',
      {
        echelon: 'bronze',
        promotionDate: JAN28,
        servicePeriods: [p('2022-01-01', undefined, undefined)],
      },
      true,
      'bronze : 6 ans au 01/01/2028 ≥ 6 ans — éligible',
    ],
    [
      'bronze one day short',
      { echelon: 'bronze', promotionDate: JAN28, servicePeriods: [p('2022-01-02')] },
      false,
      'manque 1 jour',
    ],
    [
      'bronze 5 years 6 months',
      { echelon: 'bronze', promotionDate: JAN28, servicePeriods: [p('2022-07-01')] },
      false,
      'bronze : 5 ans 6 mois au 01/01/2028 < 6 ans — manque 6 mois',
    ],
    [
      'volunteering counts',
      {
        echelon: 'bronze',
        promotionDate: JAN28,
        servicePeriods: [{ ...p('2020-01-01'), kind: 'benevolat' as const }],
      },
      true,
      'bronze : 8 ans',
    ],
    [
      'several associations add up',
      {
        echelon: 'bronze',
        promotionDate: JAN28,
        servicePeriods: [p('2015-01-01', '2017-12-31'), p('2020-01-01', '2022-12-31')],
      },
      true,
      'bronze : 6 ans',
    ],
    [
      'part-time volunteering counts fully',
      {
        echelon: 'bronze',
        promotionDate: JAN28,
        servicePeriods: [p('2022-01-01', undefined, 0.2)],
      },
      true,
      'bronze : 6 ans',
    ],
    [
      'argent without bronze',
      { echelon: 'argent', promotionDate: JAN28, servicePeriods: [p('2010-01-01')] },
      false,
      "l'échelon bronze doit être détenu auparavant",
    ],
    [
      'argent with 4 years in bronze',
      {
        echelon: 'argent',
        promotionDate: JAN28,
        servicePeriods: [p('2010-01-01')],
        held: [h('jeunesse_sports', 'bronze', '2024-01-01')],
      },
      true,
      'bronze détenu depuis le 01/01/2024, 4 ans requis — respecté',
    ],
    [
      'argent 4 years in bronze less a day',
      {
        echelon: 'argent',
        promotionDate: JAN28,
        servicePeriods: [p('2010-01-01')],
        held: [h('jeunesse_sports', 'bronze', '2024-01-02')],
      },
      false,
      '4 ans requis après bronze (obtenu le 02/01/2024) — manque 1 jour',
    ],
    [
      'argent at exactly 10 years',
      {
        echelon: 'argent',
        promotionDate: JAN28,
        servicePeriods: [p('2018-01-01')],
        held: [h('jeunesse_sports', 'bronze', '2023-07-14')],
      },
      true,
      'argent : 10 ans au 01/01/2028',
    ],
    [
      'argent 9 years',
      {
        echelon: 'argent',
        promotionDate: JAN28,
        servicePeriods: [p('2019-01-01')],
        held: [h('jeunesse_sports', 'bronze', '2023-07-14')],
      },
      false,
      'argent : 9 ans au 01/01/2028 < 10 ans — manque 1 an',
    ],
    [
      'or with 5 years in argent',
      {
        echelon: 'or',
        promotionDate: JAN28,
        servicePeriods: [p('2005-01-01')],
        held: [
          h('jeunesse_sports', 'bronze', '2012-01-01'),
          h('jeunesse_sports', 'argent', '2023-01-01'),
        ],
      },
      true,
      'argent détenu depuis le 01/01/2023, 5 ans requis — respecté',
    ],
    [
      'or with 4 years in argent',
      {
        echelon: 'or',
        promotionDate: JAN28,
        servicePeriods: [p('2005-01-01')],
        held: [h('jeunesse_sports', 'argent', '2024-01-01')],
      },
      false,
      '5 ans requis après argent (obtenu le 01/01/2024) — manque 1 an',
    ],
    [
      'or at 15 years exactly',
      {
        echelon: 'or',
        promotionDate: JAN28,
        servicePeriods: [p('2013-01-01')],
        held: [h('jeunesse_sports', 'argent', '2022-07-14')],
      },
      true,
      'or : 15 ans',
    ],
    [
      'or at 14 years',
      {
        echelon: 'or',
        promotionDate: JAN28,
        servicePeriods: [p('2014-01-01')],
        held: [h('jeunesse_sports', 'argent', '2022-07-14')],
      },
      false,
      'manque 1 an',
    ],
    [
      'or without argent (skipping only by exception)',
      {
        echelon: 'or',
        promotionDate: JAN28,
        servicePeriods: [p('2000-01-01')],
        held: [h('jeunesse_sports', 'bronze', '2010-01-01')],
      },
      false,
      "l'échelon argent doit être détenu auparavant",
    ],
    [
      'bronze held, bronze asked',
      {
        echelon: 'bronze',
        promotionDate: JAN28,
        servicePeriods: [p('2000-01-01')],
        held: [h('jeunesse_sports', 'bronze', '2010-01-01')],
      },
      false,
      "déjà titulaire de l'échelon bronze",
    ],
    [
      'argent held, bronze asked',
      {
        echelon: 'bronze',
        promotionDate: JAN28,
        servicePeriods: [p('2000-01-01')],
        held: [h('jeunesse_sports', 'argent', '2010-01-01')],
      },
      false,
      'déjà titulaire',
    ],
    [
      'bronze obtained after the promotion does not count',
      {
        echelon: 'argent',
        promotionDate: JAN28,
        servicePeriods: [p('2000-01-01')],
        held: [h('jeunesse_sports', 'bronze', '2028-07-14')],
      },
      false,
      "l'échelon bronze doit être détenu auparavant",
    ],
    [
      'filed after the 1 May cut-off',
      {
        echelon: 'bronze',
        promotionDate: '2027-07-14',
        filedAt: '2027-05-20',
        servicePeriods: [p('2021-12-01')],
      },
      true,
      'au 01/01/2028',
    ],
    [
      'filed before the cut-off, 7 months short',
      {
        echelon: 'bronze',
        promotionDate: '2027-07-14',
        filedAt: '2027-04-20',
        servicePeriods: [p('2021-12-14')],
      },
      false,
      'manque 5 mois',
    ],
    ['no engagement', { echelon: 'bronze', promotionDate: JAN28 }, false, 'manque 6 ans'],
    [
      'engagement ended long ago still counts',
      { echelon: 'bronze', promotionDate: JAN28, servicePeriods: [p('1990-01-01', '1999-12-31')] },
      true,
      'bronze : 10 ans',
    ],
    [
      'a national order does not block',
      {
        echelon: 'bronze',
        promotionDate: JAN28,
        servicePeriods: [p('2010-01-01')],
        held: [h('ordre_merite', 'chevalier', '2027-11-15')],
      },
      true,
      'éligible',
    ],
    [
      'one period that starts on the promotion day',
      { echelon: 'bronze', promotionDate: JAN28, servicePeriods: [p('2028-01-01')] },
      false,
      '0 jour',
    ],
  ]);
});

describe("médaille d'honneur des sapeurs-pompiers", () => {
  const DEC = '2027-12-04';
  table('sapeurs_pompiers', [
    [
      'bronze at 10 years on 4 December',
      { echelon: 'bronze', promotionDate: DEC, servicePeriods: [p('2017-12-04')] },
      true,
      'bronze : 10 ans au 04/12/2027 ≥ 10 ans — éligible',
    ],
    [
      'bronze one day short',
      { echelon: 'bronze', promotionDate: DEC, servicePeriods: [p('2017-12-05')] },
      false,
      'manque 1 jour',
    ],
    [
      'brevet JSP: +1 year [verify]',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2018-12-04')],
        reductions: ['brevet_jsp'],
      },
      true,
      '9 ans (10 ans moins 1 an de réduction : brevet de jeune sapeur-pompier)',
    ],
    [
      'brevet JSP not enough',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2019-12-04')],
        reductions: ['brevet_jsp'],
      },
      false,
      'manque 1 an',
    ],
    [
      'argent needs bronze',
      { echelon: 'argent', promotionDate: DEC, servicePeriods: [p('2000-01-01')] },
      false,
      "l'échelon bronze doit être détenu auparavant",
    ],
    [
      'argent at 20 years with bronze',
      {
        echelon: 'argent',
        promotionDate: DEC,
        servicePeriods: [p('2007-12-04')],
        held: [h('sapeurs_pompiers', 'bronze', '2018-07-14')],
      },
      true,
      'argent : 20 ans au 04/12/2027',
    ],
    [
      'argent 19 years',
      {
        echelon: 'argent',
        promotionDate: DEC,
        servicePeriods: [p('2008-12-04')],
        held: [h('sapeurs_pompiers', 'bronze', '2018-07-14')],
      },
      false,
      'manque 1 an',
    ],
    [
      'or at 30 years',
      {
        echelon: 'or',
        promotionDate: DEC,
        servicePeriods: [p('1997-12-04')],
        held: [h('sapeurs_pompiers', 'argent', '2018-07-14')],
      },
      true,
      'or : 30 ans',
    ],
    [
      'grand or at 40 years',
      {
        echelon: 'grand_or',
        promotionDate: DEC,
        servicePeriods: [p('1987-12-04')],
        held: [h('sapeurs_pompiers', 'or', '2018-07-14')],
      },
      true,
      'grand or : 40 ans',
    ],
    [
      'grand or without or',
      {
        echelon: 'grand_or',
        promotionDate: DEC,
        servicePeriods: [p('1987-12-04')],
        held: [h('sapeurs_pompiers', 'argent', '2008-07-14')],
      },
      false,
      "l'échelon or doit être détenu auparavant",
    ],
    [
      'volunteer at 50 %: counts fully',
      { echelon: 'bronze', promotionDate: DEC, servicePeriods: [p('2017-12-04', undefined, 0.5)] },
      true,
      'bronze : 10 ans',
    ],
    [
      '3 years after the Légion d’honneur: respected',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2000-01-01')],
        held: [h('legion_honneur', 'chevalier', '2024-12-04')],
      },
      true,
      "3 ans depuis Légion d'honneur",
    ],
    [
      'less than 3 years after the LH',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2000-01-01')],
        held: [h('legion_honneur', 'chevalier', '2025-07-14')],
      },
      false,
      "3 ans requis après Légion d'honneur (chevalier, 14/07/2025) — manque 7 mois 10 jours",
    ],
    [
      'less than 3 years after the ONM',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2000-01-01')],
        held: [h('ordre_merite', 'chevalier', '2027-05-15')],
      },
      false,
      'manque 2 ans 5 mois 11 jours',
    ],
    [
      'less than 3 years after the médaille militaire',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2000-01-01')],
        held: [h('medaille_militaire', 'medaille', '2026-12-04')],
      },
      false,
      'Médaille militaire (medaille, 04/12/2026) — manque 2 ans',
    ],
    [
      'MHT held does not block',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2000-01-01')],
        held: [h('travail', 'argent', '2027-01-01')],
      },
      true,
      'éligible',
    ],
    [
      'service ended 4 years ago',
      { echelon: 'bronze', promotionDate: DEC, servicePeriods: [p('2000-01-01', '2023-12-31')] },
      true,
      'fin de service le 31/12/2023 : moins de 5 ans avant la promotion',
    ],
    [
      'service ended exactly 5 years before',
      { echelon: 'bronze', promotionDate: DEC, servicePeriods: [p('2000-01-01', '2022-12-04')] },
      true,
      'moins de 5 ans',
    ],
    [
      'service ended more than 5 years ago',
      { echelon: 'bronze', promotionDate: DEC, servicePeriods: [p('2000-01-01', '2022-12-03')] },
      false,
      'plus de 5 ans avant la promotion (limite le 03/12/2027)',
    ],
    [
      'service still going on',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2000-01-01', '2022-12-03'), p('2023-01-01')],
      },
      true,
      'bronze : 27 ans 10 mois',
    ],
    [
      'filed 2 October for 4 December: next 14 July',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        filedAt: '2027-10-02',
        servicePeriods: [p('2018-06-01')],
      },
      true,
      'au 14/07/2028',
    ],
    [
      'filed 1 October for 4 December: kept',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        filedAt: '2027-10-01',
        servicePeriods: [p('2018-06-01')],
      },
      false,
      'manque 5 mois 28 jours',
    ],
    [
      'filed after 1 May for 14 July: 4 December',
      {
        echelon: 'bronze',
        promotionDate: '2027-07-14',
        filedAt: '2027-05-02',
        servicePeriods: [p('2017-12-04')],
      },
      true,
      'au 04/12/2027',
    ],
    [
      'bronze already held',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2000-01-01')],
        held: [h('sapeurs_pompiers', 'bronze', '2015-12-04')],
      },
      false,
      "déjà titulaire de l'échelon bronze",
    ],
    [
      'argent held, bronze asked',
      {
        echelon: 'bronze',
        promotionDate: DEC,
        servicePeriods: [p('2000-01-01')],
        held: [h('sapeurs_pompiers', 'argent', '2015-12-04')],
      },
      false,
      'déjà titulaire',
    ],
  ]);
});

describe("Légion d'honneur and ordre national du Mérite proposals", () => {
  const LH = (req: Omit<EligibilityRequest, 'distinction'>) => ({
    ...req,
    distinction: 'legion_honneur' as const,
  });
  const ONM = (req: Omit<EligibilityRequest, 'distinction'>) => ({
    ...req,
    distinction: 'ordre_merite' as const,
  });
  const rows: [string, EligibilityRequest, boolean, string][] = [
    [
      'LH chevalier at 20 years',
      LH({ echelon: 'chevalier', promotionDate: JAN28, servicePeriods: [p('2008-01-01')] }),
      true,
      'chevalier : 20 ans au 01/01/2028 ≥ 20 ans — éligible',
    ],
    [
      'LH chevalier 19 years',
      LH({ echelon: 'chevalier', promotionDate: JAN28, servicePeriods: [p('2009-01-01')] }),
      false,
      'manque 1 an',
    ],
    [
      'LH officier without chevalier',
      LH({ echelon: 'officier', promotionDate: JAN28, servicePeriods: [p('1990-01-01')] }),
      false,
      "l'échelon chevalier doit être détenu auparavant",
    ],
    [
      'LH officier 8 years after the réception',
      LH({
        echelon: 'officier',
        promotionDate: JAN28,
        held: [h('legion_honneur', 'chevalier', '2020-01-01')],
      }),
      true,
      'chevalier détenu depuis le 01/01/2020, 8 ans requis — respecté',
    ],
    [
      'LH officier 7 years after',
      LH({
        echelon: 'officier',
        promotionDate: JAN28,
        held: [h('legion_honneur', 'chevalier', '2021-01-01')],
      }),
      false,
      '8 ans requis après chevalier (obtenu le 01/01/2021) — manque 1 an',
    ],
    [
      'LH commandeur 5 years',
      LH({
        echelon: 'commandeur',
        promotionDate: JAN28,
        held: [h('legion_honneur', 'officier', '2023-01-01')],
      }),
      true,
      '5 ans requis — respecté',
    ],
    [
      'LH commandeur 4 years',
      LH({
        echelon: 'commandeur',
        promotionDate: JAN28,
        held: [h('legion_honneur', 'officier', '2024-01-01')],
      }),
      false,
      'manque 1 an',
    ],
    [
      'LH grand officier 3 years',
      LH({
        echelon: 'grand_officier',
        promotionDate: JAN28,
        held: [h('legion_honneur', 'commandeur', '2025-01-01')],
      }),
      true,
      'respecté',
    ],
    [
      'LH grand-croix 2 years',
      LH({
        echelon: 'grand_croix',
        promotionDate: JAN28,
        held: [h('legion_honneur', 'grand_officier', '2026-01-01')],
      }),
      false,
      '3 ans requis après grand officier',
    ],
    [
      'LH chevalier already held',
      LH({
        echelon: 'chevalier',
        promotionDate: JAN28,
        servicePeriods: [p('1990-01-01')],
        held: [h('legion_honneur', 'chevalier', '2020-01-01')],
      }),
      false,
      'déjà titulaire',
    ],
    [
      'LH: 2 years after ONM respected',
      LH({
        echelon: 'chevalier',
        promotionDate: JAN28,
        servicePeriods: [p('1990-01-01')],
        held: [h('ordre_merite', 'chevalier', '2025-11-15')],
      }),
      true,
      '2 ans depuis Ordre national du Mérite',
    ],
    [
      'LH: less than 2 years after ONM [verify]',
      LH({
        echelon: 'chevalier',
        promotionDate: JAN28,
        servicePeriods: [p('1990-01-01')],
        held: [h('ordre_merite', 'officier', '2026-05-15')],
      }),
      false,
      'manque 4 mois 14 jours',
    ],
    [
      'LH: parliamentarian excluded',
      LH({
        echelon: 'chevalier',
        promotionDate: JAN28,
        servicePeriods: [p('1990-01-01')],
        categories: ['parlementaire'],
      }),
      false,
      'membre du Parlement',
    ],
    [
      'LH: filed after 1 September, moved to 14 July',
      LH({
        echelon: 'chevalier',
        promotionDate: JAN28,
        filedAt: '2027-09-02',
        servicePeriods: [p('2008-06-01')],
      }),
      true,
      'au 14/07/2028',
    ],
    [
      'LH: filed on 1 September, kept',
      LH({
        echelon: 'chevalier',
        promotionDate: JAN28,
        filedAt: '2027-09-01',
        servicePeriods: [p('2008-06-01')],
      }),
      false,
      'manque 5 mois',
    ],
    [
      'ONM chevalier at 10 years',
      ONM({ echelon: 'chevalier', promotionDate: '2027-11-15', servicePeriods: [p('2017-11-15')] }),
      true,
      'chevalier : 10 ans au 15/11/2027 ≥ 10 ans',
    ],
    [
      'ONM chevalier a day short',
      ONM({ echelon: 'chevalier', promotionDate: '2027-11-15', servicePeriods: [p('2017-11-16')] }),
      false,
      'manque 1 jour',
    ],
    [
      'ONM officier 5 years',
      ONM({
        echelon: 'officier',
        promotionDate: '2027-11-15',
        held: [h('ordre_merite', 'chevalier', '2022-11-15')],
      }),
      true,
      'respecté',
    ],
    [
      'ONM officier 4 years',
      ONM({
        echelon: 'officier',
        promotionDate: '2027-11-15',
        held: [h('ordre_merite', 'chevalier', '2023-11-15')],
      }),
      false,
      'manque 1 an',
    ],
    [
      'ONM commandeur 3 years',
      ONM({
        echelon: 'commandeur',
        promotionDate: '2027-05-15',
        held: [h('ordre_merite', 'officier', '2024-05-15')],
      }),
      true,
      'respecté',
    ],
    [
      'ONM commandeur without officier',
      ONM({
        echelon: 'commandeur',
        promotionDate: '2027-05-15',
        held: [h('ordre_merite', 'chevalier', '2010-05-15')],
      }),
      false,
      "l'échelon officier doit être détenu",
    ],
    [
      'ONM: less than 2 years after the LH',
      ONM({
        echelon: 'chevalier',
        promotionDate: '2027-05-15',
        servicePeriods: [p('1990-01-01')],
        held: [h('legion_honneur', 'chevalier', '2026-01-01')],
      }),
      false,
      "2 ans requis après Légion d'honneur (chevalier, 01/01/2026) — manque 7 mois 17 jours",
    ],
    [
      'ONM: filed after 15 July, moved to 15 May',
      ONM({
        echelon: 'chevalier',
        promotionDate: '2027-11-15',
        filedAt: '2027-07-16',
        servicePeriods: [p('2010-01-01')],
      }),
      true,
      'au 15/05/2028',
    ],
    [
      'ONM: not a promotion date',
      ONM({ echelon: 'chevalier', promotionDate: '2027-12-25', servicePeriods: [p('2010-01-01')] }),
      true,
      'au 25/12/2027',
    ],
    [
      'ONM: parliamentarian excluded',
      ONM({
        echelon: 'chevalier',
        promotionDate: '2027-05-15',
        servicePeriods: [p('1990-01-01')],
        categories: ['parlementaire'],
      }),
      false,
      'exclu',
    ],
  ];
  it('has at least 25 cases', () => expect(rows.length).toBeGreaterThanOrEqual(25));
  it.each(rows)('%s', (_, req, eligible, words) => {
    const result = run(req);
    expect({ eligible: result.eligible, explanation: result.explanation }).toEqual({
      eligible,
      explanation: expect.stringContaining(words),
    });
  });
});

describe('promotions and cut-offs', () => {
  const travail = rulesOf('travail');
  it('moves a late dossier to the next promotion with a warning', () => {
    expect(resolvePromotion(travail, JUL27, '2027-05-02')).toEqual({
      date: JAN28,
      cutoff: '2027-10-15',
      warnings: [
        'dossier déposé le 02/05/2027 après la date limite du 01/05/2027 : reporté à la promotion du 01/01/2028',
      ],
    });
    expect(resolvePromotion(travail, JUL27, '2027-05-01')).toEqual({
      date: JUL27,
      cutoff: '2027-05-01',
      warnings: [],
    });
    expect(resolvePromotion(travail, '2027-03-03', undefined).warnings).toEqual([
      "le 03/03/2027 n'est pas une date de promotion de cette distinction (01/01, 14/07)",
    ]);
  });
  it.each([
    ['2027-01-10', '2027-07-14'],
    ['2027-05-01', '2027-07-14'],
    ['2027-05-02', '2028-01-01'],
    ['2027-10-15', '2028-01-01'],
    ['2027-10-16', '2028-07-14'],
    ['2027-12-31', '2028-07-14'],
  ])('a dossier filed on %s joins the promotion of %s', (filed, date) =>
    expect(nextPromotion(travail, filed)?.date).toBe(date),
  );
  it('counts service days with pro rata and overlaps', () => {
    const rdc = rulesOf('rdc');
    expect(serviceDays([p('2027-01-01', '2027-01-10', 0.8)], '2027-07-14', rdc)).toBe(8);
    expect(
      serviceDays(
        [p('2027-01-01', '2027-01-10'), p('2027-01-05', '2027-01-14')],
        '2027-07-14',
        rdc,
      ),
    ).toBe(14);
    expect(
      serviceDays(
        [p('2027-01-01', '2027-01-10', 0.5), p('2027-01-01', '2027-01-10', 0.5)],
        '2027-07-14',
        rdc,
      ),
    ).toBe(10);
    expect(serviceDays([p('2027-07-01')], '2027-07-14', rdc)).toBe(13);
  });
});
