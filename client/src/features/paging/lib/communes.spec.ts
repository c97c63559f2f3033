/// <reference types="jest" />
import { indexCommunes, normalizeName, searchCommunes, type CommuneOption } from './communes';

const c = (
  insee: string,
  name: string,
  population: number,
  postcodes: string[],
): CommuneOption => ({
  insee,
  name,
  population,
  arrondissement: '631',
  arrondissementName: 'Clermont-Ferrand',
  postcodes,
});
const index = indexCommunes([
  c('63113', 'Clermont-Ferrand', 147000, ['63000', '63100']),
  c('63338', 'Saint-Éloy-les-Mines', 3600, ['63700']),
  c('63026', 'Aydat', 2300, ['63970']),
  c('63124', 'Cournon-d’Auvergne', 20000, ['63800']),
]);

describe('commune search', () => {
  it('ignores accents, case, hyphens and reads « St » as « Saint »', () => {
    expect(normalizeName('Saint-Éloy-les-Mines')).toBe('saint eloy les mines');
    expect(searchCommunes(index, 'st eloy').map((x) => x.insee)).toEqual(['63338']);
  });
  it('finds by INSEE code or postcode', () => {
    expect(searchCommunes(index, '63026').map((x) => x.name)).toEqual(['Aydat']);
    expect(searchCommunes(index, '63100').map((x) => x.name)).toEqual(['Clermont-Ferrand']);
  });
  it('puts prefixes before words inside the name', () => {
    expect(searchCommunes(index, 'au').map((x) => x.name)).toEqual(['Cournon-d’Auvergne']);
    expect(searchCommunes(index, 'c').map((x) => x.name)).toEqual([
      'Clermont-Ferrand',
      'Cournon-d’Auvergne',
    ]);
  });
});
