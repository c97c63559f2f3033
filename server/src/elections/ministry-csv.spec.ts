import { parseMinistryCsv, renderMinistryCsv } from './ministry-csv';

const row = {
  communeInsee: '63113',
  communeName: 'Clermont-Ferrand',
  bureauCode: '0001',
  inscrits: 1000,
  votants: 612,
  blancs: 10,
  nuls: 2,
  exprimes: 600,
  candidates: [
    {
      panel: 1,
      nuance: 'ENS',
      lastName: 'DURAND',
      firstName: 'Anne',
      sex: 'F',
      voix: 350,
      elected: '',
    },
    {
      panel: 2,
      nuance: null,
      lastName: 'PETIT',
      firstName: 'Luc',
      sex: 'M',
      voix: 250,
      elected: '',
    },
  ],
};

describe('ministry CSV (2024 wide shape)', () => {
  it('writes the 2024 header, decimal commas and a 9-column block per candidate', () => {
    const text = renderMinistryCsv([row]).toString('utf8');
    const [header, line] = text.replace('\uFEFF', '').split('\r\n');
    expect(header.split(';')).toHaveLength(19 + 2 * 9);
    expect(header).toContain(
      'Numéro de panneau 1;Nuance candidat 1;Nom candidat 1;Prénom candidat 1;Sexe candidat 1;Voix 1;% Voix/inscrits 1;% Voix/exprimés 1;Elu 1',
    );
    expect(line).toBe(
      '63;Puy-de-Dôme;63113;Clermont-Ferrand;0001;1000;612;61,20%;388;38,80%;600;60,00%;98,04%;10;1,00%;1,63%;2;0,20%;0,33%;1;ENS;DURAND;Anne;F;350;35,00%;58,33%;;2;;PETIT;Luc;M;250;25,00%;41,67%;',
    );
  });

  it('reads back what it writes', () => {
    const { rows, problems } = parseMinistryCsv(renderMinistryCsv([row]).toString('utf8'));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        communeInsee: '63113',
        bureauCode: '0001',
        inscrits: 1000,
        votants: 612,
        blancs: 10,
        nuls: 2,
        exprimes: 600,
        voix: [
          { panel: 1, voix: 350 },
          { panel: 2, voix: 250 },
        ],
      },
    ]);
  });

  it('reads the 2017–2022 headers (department + 3-digit commune code, N°Panneau blocks)', () => {
    const text = [
      'Code du département;Code de la commune;Code du b.vote;Inscrits;Votants;Blancs;Nuls;Exprimés;N°Panneau;Sexe;Nom;Prénom;Nuance;Voix;% Voix/Ins;% Voix/Exp;N°Panneau;Sexe;Nom;Prénom;Nuance;Voix;% Voix/Ins;% Voix/Exp',
      '63;113;1;1 000;612;10;2;600;1;F;DURAND;Anne;ENS;350;35,00;58,33;2;M;PETIT;Luc;;250;25,00;41,67',
    ].join('\n');
    const { rows, problems } = parseMinistryCsv(text);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      communeInsee: '63113',
      bureauCode: '0001',
      inscrits: 1000,
      voix: [
        { panel: 1, voix: 350 },
        { panel: 2, voix: 250 },
      ],
    });
  });

  it('reports bad numbers with the line and the bureau', () => {
    const text = renderMinistryCsv([row]).toString('utf8').replace(';612;61,20%', ';6x2;61,20%');
    expect(parseMinistryCsv(text).problems).toEqual([
      {
        path: 'line.2',
        message: 'Bureau 63113-0001 : votants « 6x2 » n’est pas un entier positif',
      },
    ]);
  });
});
