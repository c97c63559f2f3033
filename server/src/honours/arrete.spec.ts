import { ruleSetSchema } from '../contracts/honours';
import { arreteLine, type ArreteRecipient, buildArrete, byName } from './arrete';
import { RULE_SET_SEEDS } from './rules.seed';

const travail = ruleSetSchema.parse(RULE_SET_SEEDS.find((s) => s.distinction === 'travail')!.rules);
const person = (lastName: string, firstName: string, echelon = 'argent'): ArreteRecipient => ({
  civility: 'Mme',
  lastName,
  firstName,
  echelon,
  communeName: 'Riom',
});

describe('arrêté in the RAA format', () => {
  it('writes one line per person as the recueil does', () => {
    expect(
      arreteLine({
        civility: 'M.',
        lastName: 'Dupré',
        firstName: 'Jean',
        echelon: 'argent',
        occupation: 'technicien',
        employer: 'Ateliers des Dômes',
        employerCity: 'Clermont-Ferrand',
        communeName: 'Aubière',
      }),
    ).toBe('M. DUPRÉ Jean, technicien, ATELIERS DES DÔMES, CLERMONT-FERRAND, demeurant à Aubière');
    expect(arreteLine(person('Roux', 'Anne'))).toBe('Mme ROUX Anne, demeurant à Riom');
  });

  it('sorts names the French way: accents and case ignored, then first names', () => {
    const names = [
      person('Élie', 'Zoé'),
      person('Eloy', 'Anne'),
      person('de Lattre', 'Marc'),
      person('Dupont', 'Ève'),
      person('Dupont', 'Adèle'),
    ];
    expect([...names].sort(byName).map((p) => `${p.lastName} ${p.firstName}`)).toEqual([
      'de Lattre Marc',
      'Dupont Adèle',
      'Dupont Ève',
      'Élie Zoé',
      'Eloy Anne',
    ]);
  });

  it('has one article per échelon in rank order, numbered lines, and the execution article last', () => {
    const model = buildArrete(travail, '2027-07-14', '2027-0042', '2027-07-01', [
      person('Vialle', 'Paul', 'or'),
      person('Aubert', 'Lise', 'argent'),
      person('Martin', 'Éric', 'or'),
      person('Bonnet', 'Jo', 'argent'),
    ]);
    expect(model.title).toBe(
      "ARRÊTÉ n° 2027-0042 accordant la médaille d'honneur du travail à l'occasion de la promotion du 14 juillet 2027",
    );
    expect(model.visas[0]).toContain('48-852');
    expect(
      model.articles.map((a) => [
        a.heading,
        a.lines.map((l) => `${l.rank}. ${l.recipient.lastName}`),
      ]),
    ).toEqual([
      [
        "Article 1 : La médaille d'honneur du travail ARGENT est décernée à :",
        ['1. Aubert', '2. Bonnet'],
      ],
      [
        "Article 2 : La médaille d'honneur du travail OR est décernée à :",
        ['1. Martin', '2. Vialle'],
      ],
    ]);
    expect(model.closing[0]).toMatch(/^Article 3 : Le directeur de cabinet/);
  });
});
