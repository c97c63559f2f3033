import { DataSource } from 'typeorm';
import type { DossierDto, EligibilityResult, PromotionDto } from '../server/src/contracts/honours';
import { seedDemoHonours } from '../server/src/honours/demo-honours';
import { pdfPages, pdfText } from './support/pdf';
import { startTestApp, TestApp } from './support/test-app';

type User = { id: string; token: string };

// the 120-dossier promotion runs hundreds of queries: generous on a loaded machine
jest.setTimeout(120_000);

const PROMOTION = '2027-07-14';
const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** A dossier of the médaille d'honneur du travail, filed before the 1 May cut-off. */
function mht(over: Record<string, unknown> = {}, candidate: Record<string, unknown> = {}) {
  return {
    distinction: 'travail',
    echelon: 'argent',
    filedAt: '2027-03-01',
    promotionDate: PROMOTION,
    candidate: {
      civility: 'Mme',
      sex: 'F',
      lastName: 'Chabrier',
      firstName: 'Odile',
      birthDate: '1975-04-02',
      communeInsee: '63300', // Riom
      occupation: 'technicienne de laboratoire',
      employer: 'Laboratoires Volcans',
      employerCity: 'Clermont-Ferrand',
      ...candidate,
    },
    servicePeriods: [{ employer: 'Laboratoires Volcans', start: '2006-03-14' }],
    ...over,
  };
}

describe('honours and medals', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: User;
  let director: User;
  let viewer: User;
  let admin: User;

  const as = (user: User) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${user.token}`),
    post: (path: string, body: object = {}) =>
      t.http.post(path).set('Authorization', `Bearer ${user.token}`).send(body),
    put: (path: string, body: object) =>
      t.http.put(path).set('Authorization', `Bearer ${user.token}`).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(path).set('Authorization', `Bearer ${user.token}`).send(body),
  });
  const binary = (user: User, path: string) =>
    t.http
      .get(path)
      .set('Authorization', `Bearer ${user.token}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const move = (d: { id: string }, to: string, by: User = staff, note?: string) =>
    as(by).post(`/api/honours/dossiers/${d.id}/transitions`, note ? { to, note } : { to });

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    [staff, director, viewer, admin] = await Promise.all([
      t.userWithToken(['cabinet_staff']),
      t.userWithToken(['director']),
      t.userWithToken(['viewer']),
      t.userWithToken(['admin']),
    ]);
  });
  afterAll(() => t.close());

  describe('POST /api/honours/eligibility', () => {
    it('explains an eligible and an ineligible answer from the seeded rule table', async () => {
      const res = await as(staff).post('/api/honours/eligibility', {
        distinction: 'travail',
        echelon: 'argent',
        promotionDate: PROMOTION,
        servicePeriods: [{ employer: 'ACME', start: '2006-03-14' }],
      });
      expect(res.status).toBe(200);
      const body = res.body as EligibilityResult;
      expect(body).toMatchObject({
        eligible: true,
        seniority: { years: 21, months: 4, days: 0 },
        explanation: 'argent : 21 ans 4 mois au 14/07/2027 ≥ 20 ans — éligible',
      });
      expect(body.ruleSet.toConfirm).toContain('reductions.mutile_travail');

      const vermeil = await as(director).post('/api/honours/eligibility', {
        distinction: 'travail',
        echelon: 'vermeil',
        promotionDate: PROMOTION,
        servicePeriods: [{ start: '1998-03-14' }],
      });
      expect(vermeil.body).toMatchObject({
        eligible: false,
        explanation: expect.stringContaining('manque 8 mois'),
      });
    });

    it('answers 400 listing every problem, and 403 to roles without access to honours', async () => {
      const bad = await as(staff).post('/api/honours/eligibility', {
        distinction: 'travail',
        echelon: 'argent',
        promotionDate: '14/07/2027',
        servicePeriods: [{ start: '2010-01-01', end: '2009-01-01', ratio: 2 }],
      });
      expect(bad.status).toBe(400);
      expect(
        (bad.body as { details: { path: string }[] }).details.map((d) => d.path).sort(),
      ).toEqual(['promotionDate', 'servicePeriods.0.end', 'servicePeriods.0.ratio'].sort());
      const unknown = await as(staff).post('/api/honours/eligibility', {
        distinction: 'rdc',
        echelon: 'platine',
        promotionDate: PROMOTION,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'validation', details: [{ path: 'echelon' }] });
      expect(
        (await as(viewer).post('/api/honours/eligibility', { distinction: 'travail' })).status,
      ).toBe(403);
    });
  });

  describe('dossiers', () => {
    let dossier: DossierDto;

    it('creates a dossier with its eligibility, promotion and first history line', async () => {
      const res = await as(staff).post('/api/honours/dossiers', mht());
      expect(res.status).toBe(201);
      dossier = res.body as DossierDto;
      expect(dossier).toMatchObject({
        reference: 'MHT-2027-00001',
        status: 'depose',
        promotionDate: PROMOTION,
        candidate: { communeName: 'Riom', lastName: 'Chabrier' },
        eligibility: {
          eligible: true,
          explanation: 'argent : 21 ans 4 mois au 14/07/2027 ≥ 20 ans — éligible',
        },
        warnings: [],
        history: [{ from: null, to: 'depose', by: staff.id, note: null }],
        allowed: ['incomplet', 'complet', 'rejete', 'classe_sans_suite'],
      });
    });

    it('refuses a duplicate (same person, distinction and échelon) whatever the spelling', async () => {
      const res = await as(staff).post(
        '/api/honours/dossiers',
        mht({}, { lastName: 'CHABRIER', firstName: 'odile' }),
      );
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'conflict',
        details: [{ path: 'candidate', message: expect.stringContaining('MHT-2027-00001') }],
      });
      // another échelon is not a duplicate
      expect(
        (await as(staff).post('/api/honours/dossiers', mht({ echelon: 'vermeil' }))).status,
      ).toBe(201);
    });

    it('moves a dossier filed after the cut-off to the next promotion, with a warning', async () => {
      const res = await as(staff).post(
        '/api/honours/dossiers',
        mht(
          { filedAt: '2027-05-02' },
          { lastName: 'Tardif', firstName: 'Paul', civility: 'M.', sex: 'H' },
        ),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        promotionDate: '2028-01-01',
        warnings: [
          'dossier déposé le 02/05/2027 après la date limite du 01/05/2027 : reporté à la promotion du 01/01/2028',
        ],
        eligibility: { promotionDate: '2028-01-01', eligible: true },
      });
    });

    it('refuses a candidate living outside the Puy-de-Dôme and an invalid body, writing nothing', async () => {
      const before = (await ds.query('SELECT count(*)::int AS n FROM honours_dossier')) as [
        { n: number },
      ];
      const outside = await as(staff).post(
        '/api/honours/dossiers',
        mht({}, { lastName: 'Ailleurs', communeInsee: '75056' }),
      );
      expect(outside.status).toBe(400);
      expect(outside.body).toMatchObject({ details: [{ path: 'candidate.communeInsee' }] });
      const invalid = await as(staff).post(
        '/api/honours/dossiers',
        mht({ echelon: 'argent', distinction: 'medaille' }, { sex: 'X' }),
      );
      expect(invalid.status).toBe(400);
      expect(
        (invalid.body as { details: { path: string }[] }).details.map((d) => d.path).sort(),
      ).toEqual(['candidate.sex', 'distinction'].sort());
      const after = (await ds.query('SELECT count(*)::int AS n FROM honours_dossier')) as [
        { n: number },
      ];
      expect(after[0].n).toBe(before[0].n);
    });

    it('walks the state machine, refuses forbidden jumps and keeps the history; audited', async () => {
      expect((await move(dossier, 'retenu')).status).toBe(409);
      expect((await move(dossier, 'arrete')).body).toMatchObject({ code: 'invalid_transition' });
      for (const to of ['complet', 'en_instruction', 'avis'])
        expect((await move(dossier, to)).status).toBe(200);
      const retained = await move(dossier, 'retenu', staff, 'avis favorable du maire');
      expect(retained.status).toBe(200);
      const body = retained.body as DossierDto;
      expect(body.status).toBe('retenu');
      expect(body.history.map((h) => `${h.from}>${h.to}`)).toEqual([
        'null>depose',
        'depose>complet',
        'complet>en_instruction',
        'en_instruction>avis',
        'avis>retenu',
      ]);
      expect(body.history.at(-1)).toMatchObject({ by: staff.id, note: 'avis favorable du maire' });
      // « arrêté » is set by the promotion's arrêté only
      expect((await move(dossier, 'arrete')).body).toMatchObject({ code: 'forbidden' });
      let audited: { actor_id: string; status: number }[] = [];
      for (let i = 0; i < 40 && audited.length < 5; i++) {
        await new Promise((r) => setTimeout(r, 50));
        audited = (await ds.query(
          `SELECT actor_id, status FROM audit_entry WHERE action = 'POST /api/honours/dossiers/:id/transitions' AND target = $1 ORDER BY id`,
          [`/api/honours/dossiers/${dossier.id}/transitions`],
        )) as { actor_id: string; status: number }[];
      }
      expect(audited.map((a) => a.status)).toEqual([409, 409, 200, 200, 200, 200, 403]);
    });

    it('lets the director read but not act, and hides dossiers from other roles', async () => {
      expect((await as(director).get('/api/honours/dossiers')).status).toBe(200);
      const read = await as(director).get(`/api/honours/dossiers/${dossier.id}`);
      expect(read.body).toMatchObject({ status: 'retenu', allowed: [] });
      expect((await move(dossier, 'avis', director)).status).toBe(403);
      expect(
        (await as(director).post('/api/honours/dossiers', mht({}, { lastName: 'Autre' }))).status,
      ).toBe(403);
      expect((await as(viewer).get('/api/honours/dossiers')).status).toBe(403);
      expect((await as(viewer).get(`/api/honours/dossiers/${dossier.id}`)).status).toBe(403);
      expect((await move(dossier, 'avis', admin)).status).toBe(200);
    });

    it('requires a motif to reject, refuses retaining an ineligible dossier', async () => {
      const young = (
        await as(staff).post(
          '/api/honours/dossiers',
          mht(
            { servicePeriods: [{ start: '2015-01-01' }] },
            { lastName: 'Jeune', firstName: 'Léa' },
          ),
        )
      ).body as DossierDto;
      expect(young.eligibility).toMatchObject({
        eligible: false,
        explanation: expect.stringContaining('manque'),
      });
      for (const to of ['complet', 'en_instruction', 'avis']) await move(young, to);
      const refused = await move(young, 'retenu');
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        details: [
          {
            path: 'eligibility',
            message: expect.stringContaining('not eligible: argent : 12 ans'),
          },
        ],
      });
      expect((await move(young, 'rejete')).body).toMatchObject({
        code: 'validation',
        details: [{ path: 'note' }],
      });
      expect((await move(young, 'rejete', staff, 'ancienneté insuffisante')).body).toMatchObject({
        status: 'rejete',
        allowed: [],
      });
    });
  });

  describe('CSV import', () => {
    const HEADER =
      'Civilité;Nom;Prénom;Date de naissance;Commune;Échelon;Date de dépôt;Employeur 1;Début 1;Fin 1;Quotité 1';
    const FILE = [
      HEADER,
      'Madame;Vernet;Anne;12/03/1970;Thiers;argent;01/03/2027;Coutellerie Thiernoise;01/09/1990;;100',
      'Monsieur;Brunel;Marc;31/02/1968;Issoire;argent;01/03/2027;Aubert et Duval;01/01/1992;;100',
      'Madame;Faure;Lucie;05/06/1972;Ambert;vermeil;01/03/2027;Omerin;01/01/1995;;80 %',
      'Monsieur;Rigaud;Paul;14/11/1966;Paris;argent;01/03/2027;SNCF;01/01/1990;;100',
      'M.;Chassagne;Henri;02/02/1961;63300;grand or;01/03/2027;Limagrain;01/01/1980;31/12/2026;',
      'Mme;CHABRIER;Odile;02/04/1975;Riom;argent;01/03/2027;Laboratoires Volcans;14/03/2006;;',
    ].join('\r\n');
    const count = async () =>
      ((await ds.query('SELECT count(*)::int AS n FROM honours_dossier')) as [{ n: number }])[0].n;

    it('names the 3 bad rows by line and column and imports nothing', async () => {
      const before = await count();
      const res = await as(staff).post('/api/honours/dossiers/import', {
        csv: FILE,
        distinction: 'travail',
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'validation',
        message: 'The file has 3 problems: nothing was imported',
        details: [
          { path: 'line.3.Date de naissance', message: 'not a date (JJ/MM/AAAA): « 31/02/1968 »' },
          { path: 'line.5.Commune', message: 'unknown commune of the Puy-de-Dôme « Paris »' },
          {
            path: 'line.7.Nom',
            message: expect.stringContaining(
              'same person, distinction and échelon as dossier MHT-2027-00001',
            ),
          },
        ],
      });
      expect(await count()).toBe(before);
    });

    it('imports the valid rows only when asked, with the report', async () => {
      const before = await count();
      const res = await as(staff).post('/api/honours/dossiers/import?mode=valid', {
        csv: FILE,
        distinction: 'travail',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        imported: 3,
        skipped: [
          { line: 3, column: 'Date de naissance' },
          { line: 5, column: 'Commune' },
          { line: 7, column: 'Nom' },
        ],
      });
      expect(await count()).toBe(before + 3);
      const faure = (
        (await as(staff).get('/api/honours/dossiers?q=Faure')).body as { id: string }[]
      )[0];
      const dossier = (await as(staff).get(`/api/honours/dossiers/${faure.id}`)).body as DossierDto;
      expect(dossier).toMatchObject({
        channel: 'demarches_simplifiees',
        candidate: { civility: 'Mme', sex: 'F', communeName: 'Ambert' },
        servicePeriods: [{ employer: 'Omerin', start: '1995-01-01', ratio: 0.8 }],
        history: [{ to: 'depose', note: 'importé (démarches en ligne)' }],
      });
      // a second import of the same file finds the duplicates
      const again = await as(staff).post('/api/honours/dossiers/import', {
        csv: FILE,
        distinction: 'travail',
      });
      expect((again.body as { details: unknown[] }).details).toHaveLength(6);
    });

    it('refuses a file without the required columns, and a mapping to a missing column', async () => {
      const res = await as(staff).post('/api/honours/dossiers/import', {
        csv: 'Nom;Prénom\r\nDurand;Luc',
        distinction: 'travail',
        mapping: { birthDate: 'Né le' },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        details: [
          { path: 'line.1.Né le', message: 'mapped column for birthDate not found in the header' },
          { path: 'line.1.Commune', message: 'required column missing' },
        ],
      });
      expect((await as(director).post('/api/honours/dossiers/import', { csv: FILE })).status).toBe(
        403,
      );
    });
  });

  describe('a promotion of 120 dossiers', () => {
    const LAST = [
      'Ébrard',
      'Aubert',
      'Dumas',
      'Chassaing',
      'Bonnefoy',
      'Fayolle',
      'Gauthier',
      'Hérault',
      'Imbert',
      'Jouve',
      'Lacombe',
      'Martin',
      'Nény',
      'Olier',
      'Pradier',
      'Roux',
      'Sauvat',
      'Teyssier',
      'Vialle',
      'Zanetti',
    ];
    const FIRST = ['Agnès', 'Bernard', 'Céline', 'Denis', 'Élise', 'Franck'];
    const ECHELON_START: Record<string, string> = {
      argent: '2006-01-01',
      vermeil: '1996-01-01',
      or: '1991-01-01',
      grand_or: '1986-01-01',
    };
    const people = LAST.flatMap((last, i) =>
      FIRST.map((first, j) => ({
        lastName: last,
        firstName: first,
        civility: j % 2 === 0 ? 'Mme' : 'M.',
        sex: j % 2 === 0 ? 'F' : 'H',
        birthDate: `19${60 + (i % 20)}-0${1 + j}-1${j}`,
        echelon: ['argent', 'vermeil', 'or', 'grand_or'][(i * 6 + j) % 4],
      })),
    );
    let promotion: PromotionDto;
    let ids: string[];

    it('creates the promotion and imports 120 eligible dossiers from a form export', async () => {
      const res = await as(staff).post('/api/honours/promotions', {
        distinction: 'travail',
        date: '2028-07-14',
        contingents: { argent: 25, vermeil: 30, or: 30 },
      });
      expect(res.status).toBe(201);
      promotion = res.body as PromotionDto;
      expect(promotion).toMatchObject({ status: 'ouverte', cutoff: '2028-05-01' });
      const header =
        'Numéro de dossier;Civilité;Nom;Prénom;Date de naissance;Commune;Fonction;Employeur;Ville employeur;Échelon;Date de dépôt;Promotion;Employeur 1;Début 1;Fin 1;Quotité 1';
      const rows = people.map((p, i) =>
        [
          String(1000 + i),
          p.civility,
          p.lastName,
          p.firstName,
          p.birthDate.split('-').reverse().join('/'),
          'Clermont-Ferrand',
          'technicienne de laboratoire',
          'Michelin',
          'Clermont-Ferrand',
          p.echelon === 'grand_or' ? 'Grand or' : p.echelon,
          '01/02/2028',
          '14/07/2028',
          'Michelin',
          ECHELON_START[p.echelon].split('-').reverse().join('/'),
          '',
          '100 %',
        ].join(';'),
      );
      const imported = await as(staff).post('/api/honours/dossiers/import', {
        csv: [header, ...rows].join('\r\n'),
        distinction: 'travail',
      });
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ imported: 120, skipped: [] });
      ids = (
        (await ds.query(
          `SELECT id, (eligibility->>'eligible')::boolean AS eligible FROM honours_dossier WHERE promotion_id = $1`,
          [promotion.id],
        )) as { id: string; eligible: boolean }[]
      ).map((r) => {
        expect(r.eligible).toBe(true);
        return r.id;
      });
      expect(ids).toHaveLength(120);
      for (const to of ['complet', 'en_instruction', 'avis'])
        expect(
          (await as(staff).post('/api/honours/dossiers/transitions', { ids, to })).body,
        ).toEqual({ moved: 120 });
    });

    it('refuses retaining beyond a contingent, all or nothing', async () => {
      const res = await as(staff).post('/api/honours/dossiers/transitions', { ids, to: 'retenu' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'conflict',
        details: [
          {
            path: 'argent.contingent',
            message: 'contingent of 25 for argent exceeded: 0 already retained, 30 more asked',
          },
        ],
      });
      const counts = (await ds.query(
        `SELECT count(*)::int AS n FROM honours_dossier WHERE status = 'retenu' AND promotion_id = $1`,
        [promotion.id],
      )) as [{ n: number }];
      expect(counts[0].n).toBe(0);
    });

    it('generates the arrêté: one article per échelon, everyone in alphabetical order, numbered', async () => {
      expect(
        (
          await as(staff).patch(`/api/honours/promotions/${promotion.id}`, {
            contingents: { argent: 30, vermeil: 30, or: 30, grand_or: 30 },
          })
        ).status,
      ).toBe(200);
      expect(
        (await as(staff).post('/api/honours/dossiers/transitions', { ids, to: 'retenu' })).body,
      ).toEqual({ moved: 120 });
      // lowered after retention: the arrêté is refused
      await as(staff).patch(`/api/honours/promotions/${promotion.id}`, {
        contingents: { argent: 29, vermeil: 30, or: 30, grand_or: 30 },
      });
      const overflow = await as(staff).post(`/api/honours/promotions/${promotion.id}/arrete`);
      expect(overflow.status).toBe(409);
      expect(overflow.body).toMatchObject({
        details: [
          { path: 'argent.contingent', message: '30 dossiers retained for argent, contingent 29' },
        ],
      });
      await as(staff).patch(`/api/honours/promotions/${promotion.id}`, {
        contingents: { argent: 30, vermeil: 30, or: 30, grand_or: 30 },
      });

      const signed = await as(staff).post(`/api/honours/promotions/${promotion.id}/arrete`);
      expect(signed.status).toBe(200);
      const dto = signed.body as PromotionDto;
      expect(dto).toMatchObject({
        status: 'arretee',
        arreteNumber: expect.stringMatching(/^\d{4}-0001$/),
      });
      expect(dto.stats.parity).toEqual({ women: 60, men: 60, womenShare: 50 });
      expect(dto.stats.echelons.map((e) => [e.echelon, e.retained, e.contingent])).toEqual([
        ['argent', 30, 30],
        ['vermeil', 30, 30],
        ['or', 30, 30],
        ['grand_or', 30, 30],
      ]);

      const pdf = await binary(director, `/api/honours/promotions/${promotion.id}/arrete.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
      expect(text).toContain(
        `ARRÊTÉ n° ${dto.arreteNumber} accordant la médaille d'honneur du travail à l'occasion de la promotion du 14 juillet 2028`,
      );
      expect(text).toContain('Vu le décret n° 48-852 du 15 mai 1948');
      const articles = ['ARGENT', 'VERMEIL', 'OR', 'GRAND OR'].map((e) =>
        text.indexOf(`La médaille d'honneur du travail ${e} est décernée à :`),
      );
      articles.forEach((at, i) => {
        expect(at).toBeGreaterThan(-1);
        if (i > 0) expect(at).toBeGreaterThan(articles[i - 1]);
      });
      expect(text.indexOf('Article 1 :')).toBe(articles[0] - 'Article 1 : '.length);
      const ends = [...articles.slice(1), text.indexOf('Article 5 :')];
      expect(ends[3]).toBeGreaterThan(articles[3]);
      ['argent', 'vermeil', 'or', 'grand_or'].forEach((echelon, a) => {
        const expected = people
          .filter((p) => p.echelon === echelon)
          .sort(
            (x, y) =>
              collator.compare(x.lastName, y.lastName) ||
              collator.compare(x.firstName, y.firstName),
          );
        expect(expected).toHaveLength(30);
        let last = articles[a];
        expected.forEach((p, i) => {
          const line = `${i + 1}. ${p.civility} ${p.lastName.toLocaleUpperCase('fr')} ${p.firstName}, technicienne de laboratoire, MICHELIN, CLERMONT-FERRAND, demeurant à Clermont-Ferrand`;
          const at = text.indexOf(line, last);
          expect({ line, found: at > last && at < ends[a] }).toEqual({ line, found: true });
          last = at;
        });
      });

      const docx = await binary(staff, `/api/honours/promotions/${promotion.id}/arrete.docx`);
      expect(docx.status).toBe(200);
      expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      const diplomas = await binary(staff, `/api/honours/promotions/${promotion.id}/diplomas.pdf`);
      expect(await pdfPages(diplomas.body as Buffer)).toHaveLength(120);
      const letters = await pdfText(
        (await binary(staff, `/api/honours/promotions/${promotion.id}/letters.pdf`)).body as Buffer,
      );
      expect(letters.replace(/\s+/g, ' ')).toContain(`par arrêté n° ${dto.arreteNumber}`);

      const states = (await ds.query(
        `SELECT status, count(*)::int AS n, count(arrete_rank)::int AS ranked FROM honours_dossier WHERE promotion_id = $1 GROUP BY 1`,
        [promotion.id],
      )) as { status: string; n: number; ranked: number }[];
      expect(states).toEqual([{ status: 'arrete', n: 120, ranked: 120 }]);
      // signed: no more retaining, a second arrêté is refused
      expect((await as(staff).post(`/api/honours/promotions/${promotion.id}/arrete`)).status).toBe(
        409,
      );
      const published = await as(staff).post(`/api/honours/promotions/${promotion.id}/publish`);
      expect(published.body).toMatchObject({
        status: 'publiee',
        stats: { byStatus: { publie: 120 } },
      });
    });
  });

  it('seeds the demo promotion once: 60 dossiers on real communes, each with its explanation', async () => {
    const now = new Date('2026-11-28T10:00:00Z');
    expect(await seedDemoHonours(ds.manager, now)).toBe(60);
    expect(await seedDemoHonours(ds.manager, now)).toBe(0);
    const rows = (await ds.query(
      `SELECT d.status, d.eligibility->>'explanation' AS explanation, c.name AS commune, p.date::text AS date
       FROM honours_dossier d JOIN commune c ON c.insee = d.commune_insee JOIN honours_promotion p ON p.id = d.promotion_id
       WHERE d.reference LIKE 'MHT-2026-%'`,
    )) as { status: string; explanation: string; commune: string; date: string }[];
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set(['2027-07-14']));
    expect(rows.filter((r) => r.explanation.includes('manque')).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status === 'retenu').length).toBeGreaterThan(0);
    for (const r of rows) expect(r.explanation).toMatch(/^(argent|vermeil|or|grand or) : /);
  });
});
