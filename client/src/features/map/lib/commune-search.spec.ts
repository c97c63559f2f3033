import { describe, expect, it } from '@jest/globals';
import { normalizeName, searchCommunes, toCommuneEntry } from './commune-search';

const communes = [
  { insee: '63113', name: 'Clermont-Ferrand', population: 147284, postcodes: ['63000', '63100'] },
  { insee: '63124', name: 'Cournon-d’Auvergne', population: 20091, postcodes: ['63800'] },
  { insee: '63284', name: 'Pont-du-Château', population: 12412, postcodes: ['63430'] },
  { insee: '63345', name: 'Saint-Éloy-les-Mines', population: 3716, postcodes: ['63700'] },
  { insee: '63346', name: 'Saint-Étienne-des-Champs', population: 148, postcodes: ['63380'] },
  { insee: '63178', name: 'Issoire', population: 15361, postcodes: ['63500'] },
  { insee: '63014', name: 'Aubière', population: 10516, postcodes: ['63170'] },
  { insee: '63300', name: 'Riom', population: 19349, postcodes: ['63200'] },
  { insee: '63354', name: 'Sainte-Agathe', population: 280, postcodes: ['63120'] },
].map(toCommuneEntry);

const names = (query: string, limit?: number) =>
  searchCommunes(communes, query, limit).map((c) => c.name);

describe('normalizeName', () => {
  it('ignores case, accents, hyphens and apostrophes', () => {
    expect(normalizeName('Cournon-d’Auvergne')).toBe('cournon d auvergne');
    expect(normalizeName('  PONT-DU-CHÂTEAU ')).toBe('pont du chateau');
  });

  it('reads St / Ste as Saint / Sainte', () => {
    expect(normalizeName('St-Éloy les Mines')).toBe('saint eloy les mines');
    expect(normalizeName('Ste Agathe')).toBe('sainte agathe');
  });
});

describe('searchCommunes', () => {
  it('finds a commune without its accents or hyphens', () => {
    expect(names('pont du chateau')).toEqual(['Pont-du-Château']);
    expect(names('AUBIERE')).toEqual(['Aubière']);
  });

  it('puts prefixes before word starts, word starts before substrings', () => {
    // "ri": Riom (prefix) before nothing else; "on": matches inside words only
    expect(names('ri')).toEqual(['Riom']);
    expect(names('auvergne')).toEqual(['Cournon-d’Auvergne']);
    expect(names('etienne')).toEqual(['Saint-Étienne-des-Champs']);
    expect(names('iss')[0]).toBe('Issoire');
  });

  it('ranks equal matches by population', () => {
    // Sainte-Agathe starts with "saint" too: prefix matches, by population
    expect(names('saint')).toEqual([
      'Saint-Éloy-les-Mines',
      'Sainte-Agathe',
      'Saint-Étienne-des-Champs',
    ]);
    expect(names('st e')).toEqual(['Saint-Éloy-les-Mines', 'Saint-Étienne-des-Champs']);
  });

  it('matches INSEE codes by prefix, exact code first, then postcodes', () => {
    expect(names('63113')).toEqual(['Clermont-Ferrand']);
    expect(names('6311')).toEqual(['Clermont-Ferrand']);
    // INSEE prefixes (by population), then postcode prefixes (Aubière 63170, Sainte-Agathe 63120)
    expect(names('631', 10)).toEqual([
      'Clermont-Ferrand',
      'Cournon-d’Auvergne',
      'Issoire',
      'Aubière',
      'Sainte-Agathe',
    ]);
    expect(names('63100')).toEqual(['Clermont-Ferrand']);
  });

  it('returns nothing for an empty query and honours the limit', () => {
    expect(names('   ')).toEqual([]);
    expect(names('-')).toEqual([]);
    expect(names('e', 3)).toHaveLength(3);
  });
});
