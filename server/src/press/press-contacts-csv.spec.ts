import { PRESS_CSV_HEADERS, readHeader, readRow } from './press-contacts-csv';

const header = readHeader([...PRESS_CSV_HEADERS]);
const row = (values: Partial<Record<(typeof PRESS_CSV_HEADERS)[number], string>>) =>
  PRESS_CSV_HEADERS.map((h) => values[h] ?? '');
const good = { Nom: 'Claire Fontaine', Média: 'La Montagne', 'Type de média': 'Presse écrite', 'Consentement RGPD': 'oui', 'Date du consentement': '12/01/2026', Courriel: 'c.fontaine@exemple.fr', Rubriques: 'sécurité, agriculture' };

describe('press contacts CSV', () => {
  it('reads a good row', () => {
    const { row: r, problems } = readRow(2, row(good), header.columns);
    expect(problems).toEqual([]);
    expect(r?.input).toMatchObject({ name: 'Claire Fontaine', mediaType: 'presse_ecrite', consent: true, consentAt: '2026-01-12', beats: ['sécurité', 'agriculture'], active: true });
  });

  it.each([
    [{ 'Type de média': 'Pigeon voyageur' }, 'Type de média'],
    [{ 'Consentement RGPD': 'peut-être' }, 'Consentement RGPD'],
    [{ 'Date du consentement': '31/02/2026' }, 'Date du consentement'],
    [{ 'Date du consentement': '' }, 'Date du consentement'], // consent without its date
    [{ Courriel: 'pas-une-adresse' }, 'Courriel'],
    [{ Nom: '' }, 'Nom'],
    [{ Identifiant: '42' }, 'Identifiant'],
  ])('reports %j in column %s', (change, column) => {
    const { row: r, problems } = readRow(7, row({ ...good, ...change }), header.columns);
    expect(r).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ line: 7, column }));
  });

  it('reports unknown and missing columns', () => {
    const h = readHeader(['Nom', 'Média', 'Couleur']);
    expect(h.problems).toEqual(
      expect.arrayContaining([
        { line: 1, column: 'Couleur', message: 'unknown column' },
        { line: 1, column: 'Type de média', message: 'missing column' },
        { line: 1, column: 'Consentement RGPD', message: 'missing column' },
      ]),
    );
  });
});
