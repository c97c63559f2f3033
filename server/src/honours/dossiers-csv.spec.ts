import { parseCsv } from '../directory/csv';
import { frenchDate, readImportHeader, readImportRow } from './dossiers-csv';

describe('import of a form export', () => {
  it.each([
    ['02/04/1975', '1975-04-02'],
    ['2/4/1975', '1975-04-02'],
    ['1975-04-02', '1975-04-02'],
    ['1975-04-02T10:00:00+02:00', '1975-04-02'],
    ['31/02/1968', null],
    ['demain', null],
    ['', null],
  ])('reads the date %s as %s', (raw, iso) => expect(frenchDate(raw)).toBe(iso));

  const file = (rows: string[]) => {
    const parsed = parseCsv(rows.join('\r\n'));
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed;
  };

  it('matches headers without accents or case, and numbered service periods', () => {
    const parsed = file([
      'CIVILITE;nom;Prenom;Date de naissance;Code INSEE;Echelon;Employeur 1;Date de début 1;Date de fin 1;Quotité 1;Employeur 2;Début 2',
      'Mme;Vernet;Anne;12/03/1970;63430;Grand or;Coutellerie;01/09/1980;31/12/1999;80 %;Mairie;01/01/2000',
    ]);
    const { columns, problems } = readImportHeader(parsed.header);
    expect(problems).toEqual([]);
    const row = readImportRow(parsed.records[0], columns, { distinction: 'travail' }, (v) =>
      v === '63430' ? v : null,
    );
    expect(row.problems).toEqual([]);
    expect(row.body).toMatchObject({
      distinction: 'travail',
      echelon: 'grand_or',
      channel: 'demarches_simplifiees',
      candidate: {
        civility: 'Mme',
        sex: 'F',
        lastName: 'Vernet',
        birthDate: '1970-03-12',
        communeInsee: '63430',
      },
      servicePeriods: [
        { employer: 'Coutellerie', start: '1980-09-01', end: '1999-12-31', ratio: 0.8 },
        { employer: 'Mairie', start: '2000-01-01' },
      ],
    });
    expect(row.columnOf('servicePeriods.1.start')).toBe('Début 2');
    expect(row.columnOf('candidate.communeInsee')).toBe('Code INSEE');
  });

  it('reports each bad cell with its line and column', () => {
    const parsed = file([
      'Civilité;Nom;Prénom;Date de naissance;Commune;Distinction;Début 1;Quotité 1',
      'Docteur;Vernet;Anne;12/13/1970;Nulle-Part;Médaille en chocolat;hier;150',
    ]);
    const { columns } = readImportHeader(parsed.header);
    const row = readImportRow(parsed.records[0], columns, {}, () => null);
    expect(row.problems).toEqual([
      { line: 2, column: 'Civilité', message: 'expected M. or Mme, got « Docteur »' },
      { line: 2, column: 'Date de naissance', message: 'not a date (JJ/MM/AAAA): « 12/13/1970 »' },
      { line: 2, column: 'Commune', message: 'unknown commune of the Puy-de-Dôme « Nulle-Part »' },
      { line: 2, column: 'Distinction', message: 'unknown distinction « Médaille en chocolat »' },
      { line: 2, column: 'Début 1', message: 'not a date (JJ/MM/AAAA): « hier »' },
      { line: 2, column: 'Quotité 1', message: 'a percentage between 1 and 100, got « 150 »' },
    ]);
  });

  it('uses an explicit mapping and names the missing required columns', () => {
    const parsed = file(['Nom de famille;Prénom;Né le', 'Durand;Luc;01/01/1970']);
    const mapped = readImportHeader(parsed.header, {
      lastName: 'Nom de famille',
      birthDate: 'Né le',
      bogus: 'X',
    });
    expect(mapped.problems).toEqual([
      { line: 1, column: 'bogus', message: expect.stringContaining('unknown field') },
      { line: 1, column: 'Commune', message: 'required column missing' },
    ]);
    expect(mapped.columns.fields).toMatchObject({ lastName: 0, firstName: 1, birthDate: 2 });
  });
});
