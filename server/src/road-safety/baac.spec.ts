import { accidentSeverity, readBaac, vehicleCategory } from './baac';

const H = {
  caracteristiques:
    '"Num_Acc";"jour";"mois";"an";"hrmn";"lum";"dep";"com";"agg";"int";"atm";"col";"adr";"lat";"long"',
  lieux: '"Num_Acc";"catr";"voie";"surf";"vma"',
  vehicules: '"Num_Acc";"id_vehicule";"num_veh";"catv"',
  usagers: '"Num_Acc";"id_usager";"id_vehicule";"num_veh";"catu";"grav";"sexe";"an_nais"',
};

function files(over: Partial<Record<keyof typeof H, string[]>> = {}) {
  const base = {
    caracteristiques: [
      '"202300000001";"7";"5";"2023";"06:00";"1";"63";"63113";"2";"1";"1";"3";"RUE X";"45,77";"3,08"',
      '"202300000002";"8";"5";"2023";"17:30";"5";"75";"75101";"2";"1";"1";"3";"RUE Y";"48,86";"2,33"',
      '"202300000003";"31";"12";"2023";"23:59";"3";"63";"63430";"1";"1";"1";"3";"D 2089";"45,85";"3,54"',
    ],
    lieux: [
      '"202300000001";"4";"RUE X";"1";"50"',
      '"202300000002";"4";"RUE Y";"1";"30"',
      '"202300000003";"3";"D 2089";"2";"80"',
    ],
    vehicules: [
      '"202300000001";"155 680 557";"A01";"07"',
      '"202300000001";"155 680 558";"B01";"33"',
      '"202300000002";"155 680 559";"A01";"07"',
      '"202300000003";"155 680 560";"A01";"07"',
    ],
    usagers: [
      '"202300000001";"1";"155 680 557";"A01";"1";"1";"1";"1980"',
      '"202300000001";"2";"155 680 558";"B01";"1";"3";"1";"1999"',
      '"202300000001";"3";"155 680 557";"A01";"3";"4";"2";"1950"',
      '"202300000002";"4";"155 680 559";"A01";"1";"2";"1";"1970"',
      '"202300000003";"5";"155 680 560";"A01";"1";"2";"2";""',
    ],
    ...over,
  };
  return Object.fromEntries(
    Object.entries(base).map(([k, rows]) => [k, [H[k as keyof typeof H], ...rows].join('\n')]),
  ) as Record<keyof typeof H, string>;
}

describe('BAAC reader', () => {
  it('keeps département 63 and links the four files by Num_Acc', () => {
    const read = readBaac(files(), '63');
    expect(read.fileProblems).toEqual([]);
    expect(read.accidentProblems.size).toBe(0);
    expect(read.otherDepartments).toBe(1);
    expect(
      read.accidents.map((a) => [
        a.numAcc,
        a.severity,
        a.killed,
        a.hospitalised,
        a.slightlyInjured,
        a.unharmed,
      ]),
    ).toEqual([
      ['202300000001', 'grave', 0, 1, 1, 1],
      ['202300000003', 'mortel', 1, 0, 0, 0],
    ]);
    const [first] = read.accidents;
    expect(first).toMatchObject({
      lat: 45.77,
      lon: 3.08,
      catr: 4,
      vma: 50,
      day: '2023-05-07',
      time: '06:00',
      agg: 2,
    });
    expect(first.users.map((u) => u.category)).toEqual(['vl', 'moto', 'pieton']);
  });

  it.each([
    [
      'a bad severity',
      { usagers: ['"202300000001";"1";"155 680 557";"A01";"1";"9";"1";"1980"'] },
      'usagers.line.2.grav',
      'unknown code 9',
    ],
    [
      'a 30 February',
      {
        caracteristiques: [
          '"202300000001";"30";"2";"2023";"06:00";"1";"63";"63113";"2";"1";"1";"3";"RUE X";"45,77";"3,08"',
        ],
      },
      'caracteristiques.line.2.jour',
      'no such day',
    ],
    [
      'a time of 25 h',
      {
        caracteristiques: [
          '"202300000001";"7";"5";"2023";"25:00";"1";"63";"63113";"2";"1";"1";"3";"RUE X";"45,77";"3,08"',
        ],
      },
      'caracteristiques.line.2.hrmn',
      'not a time',
    ],
    [
      'a commune of another département',
      {
        caracteristiques: [
          '"202300000001";"7";"5";"2023";"06:00";"1";"63";"03185";"2";"1";"1";"3";"RUE X";"45,77";"3,08"',
        ],
      },
      'caracteristiques.line.2.com',
      'not an INSEE code',
    ],
    [
      'a latitude outside France',
      {
        caracteristiques: [
          '"202300000001";"7";"5";"2023";"06:00";"1";"63";"63113";"2";"1";"1";"3";"RUE X";"95,77";"3,08"',
        ],
      },
      'caracteristiques.line.2.lat',
      'not a coordinate',
    ],
    [
      'a user of an unknown vehicle',
      { usagers: ['"202300000001";"1";"999 999 999";"Z01";"1";"1";"1";"1980"'] },
      'usagers.line.2.id_vehicule',
      'no such vehicle',
    ],
    [
      'an unknown vehicle category',
      { vehicules: ['"202300000001";"155 680 557";"A01";"77"'] },
      'vehicules.line.2.catv',
      'unknown code 77',
    ],
  ])('reports %s at its line and column', (_, over, path, message) => {
    const read = readBaac(files(over), '63');
    const problems = [...read.accidentProblems.values()].flat();
    expect(problems).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('reports lines naming no accident, duplicate accidents and missing columns as file problems', () => {
    expect(
      readBaac(files({ lieux: ['"209900000001";"4";"X";"1";"50"'] }), '63').fileProblems,
    ).toContainEqual({
      path: 'lieux.line.2.Num_Acc',
      message: expect.stringContaining('no such accident'),
    });
    const dup = files();
    dup.caracteristiques +=
      '\n"202300000001";"7";"5";"2023";"06:00";"1";"63";"63113";"2";"1";"1";"3";"RUE X";"45,77";"3,08"';
    expect(readBaac(dup, '63').fileProblems).toContainEqual({
      path: 'caracteristiques.line.5.Num_Acc',
      message: 'same accident as line 2',
    });
    const noGrav = files();
    noGrav.usagers = noGrav.usagers.replace('"grav";', '');
    expect(readBaac(noGrav, '63').fileProblems).toEqual([
      { path: 'usagers.line.1.grav', message: 'missing column' },
    ]);
    const unclosed = files();
    unclosed.vehicules += '\n"202300000003";"155 680 561';
    expect(readBaac(unclosed, '63').fileProblems).toEqual([
      { path: 'vehicules.line.6', message: 'a quoted cell is never closed' },
    ]);
  });

  it('accepts the 2022 key name Accident_Id in caracteristiques', () => {
    const f = files();
    f.caracteristiques = f.caracteristiques.replace('"Num_Acc"', '"Accident_Id"');
    expect(readBaac(f, '63').accidents).toHaveLength(2);
  });

  it.each([
    [[1, 4, 3], 'grave'],
    [[1, 2], 'mortel'],
    [[4, 1], 'leger'],
    [[1], 'indemne'],
  ])('severity of %j is %s', (gravs, severity) => expect(accidentSeverity(gravs)).toBe(severity));

  it.each([
    [7, 'vl'],
    [33, 'moto'],
    [1, 'velo'],
    [80, 'velo'],
    [50, 'edp'],
    [14, 'pl'],
    [38, 'transport_commun'],
    [99, 'autre'],
  ])('catv %i is %s', (catv, category) => expect(vehicleCategory(catv)).toBe(category));
});
