import type { Response } from 'superagent';
import { DataSource } from 'typeorm';
import type {
  BureauDto,
  BureauResultDto,
  CandidatureDto,
  CreateScrutinRequest,
  ElectionTotals,
  ScrutinSummary,
} from '../server/src/contracts/elections';
import type { StateEvent } from '../server/src/contracts/realtime';
import { seedDemoElections } from '../server/src/elections/demo-elections';
import { renderMinistryCsv } from '../server/src/elections/ministry-csv';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import { pdfText } from './support/pdf';
import { connected, startTestApp, type TestApp } from './support/test-app';

type User = { id: string; token: string };
type Detail = ScrutinSummary & {
  bureaux: BureauDto[];
  candidatures: CandidatureDto[];
  deadline: { at: string; text: string };
};

function bytes(res: Response, done: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A deterministic pseudo-random sequence (the test is reproducible). */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const person = (
  rank: number,
  sex: 'F' | 'M',
  lastName: string,
  role: 'titulaire' | 'remplacant' = 'titulaire',
) => ({
  rank,
  role,
  sex,
  lastName,
  firstName: sex === 'F' ? 'Claire' : 'Paul',
  birthDate: `19${60 + rank}-03-1${rank % 10}`,
});

describe('elections', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: User;
  let staff2: User;
  let director: User;
  let press: User;
  let communes: { insee: string; name: string }[];

  const as = (u: User) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${u.token}`),
    post: (path: string, body: object) =>
      t.http.post(path).set('Authorization', `Bearer ${u.token}`).send(body),
    put: (path: string, body: object) =>
      t.http.put(path).set('Authorization', `Bearer ${u.token}`).send(body),
  });

  const legislatives = (
    date: string,
    circos: { code: string; communes: string[] }[],
  ): CreateScrutinRequest => ({
    type: 'legislatives',
    label: `Législatives ${date}`,
    date,
    round: 1,
    circonscriptions: circos.map((c) => ({
      ...c,
      label: `Circonscription ${c.code}`,
      kind: 'legislative' as const,
    })),
  });

  const createScrutin = async (body: CreateScrutinRequest): Promise<ScrutinSummary> => {
    const res = await as(staff).post('/api/elections/scrutins', body);
    expect(res.status).toBe(201);
    return res.body as ScrutinSummary;
  };
  const importBureaux = async (id: string, lines: string[]) => {
    const res = await as(staff).post(`/api/elections/scrutins/${id}/bureaux/import`, {
      csv: ['Commune;Code;Libellé;Adresse;Centralisateur;Inscrits;Circonscription', ...lines].join(
        '\n',
      ),
    });
    expect(res.status).toBe(200);
    return res.body as { created: number };
  };
  const deposit = async (
    id: string,
    circo: string,
    panel: number,
    name: string,
    depositedAt: string,
  ) => {
    const res = await as(staff).post(`/api/elections/scrutins/${id}/candidatures`, {
      circonscription: circo,
      kind: 'candidat',
      etiquette: `Mouvement ${name}`,
      nuance: 'DIV',
      panel,
      depositedAt,
      depositor: `${name} Claire`,
      members: [
        person(1, 'F', `${name}-${circo}`),
        { ...person(1, 'M', `Supp-${name}-${circo}`, 'remplacant'), firstName: 'Marc' },
      ],
    });
    expect(res.status).toBe(201);
    return res.body as CandidatureDto;
  };
  const detail = async (id: string) =>
    (await as(staff).get(`/api/elections/scrutins/${id}`)).body as Detail;
  const totals = async (id: string) =>
    (await as(staff).get(`/api/elections/scrutins/${id}/totals`)).body as ElectionTotals;
  const entry = (inscrits: number, voix: Record<string, number>, extra: object = {}) => {
    const exprimes = Object.values(voix).reduce((a, b) => a + b, 0);
    return { inscrits, votants: exprimes + 7, blancs: 5, nuls: 2, exprimes, voix, ...extra };
  };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    [staff, staff2, director, press] = await Promise.all([
      t.userWithToken(['cabinet_staff'], { displayName: 'Agent Saisie' }),
      t.userWithToken(['cabinet_staff'], { displayName: 'Agent Vérif' }),
      t.userWithToken(['director']),
      t.userWithToken(['press']),
    ]);
    communes = (await ds.query('SELECT insee, name FROM commune ORDER BY insee')) as {
      insee: string;
      name: string;
    }[];
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++)
      await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => t.close());

  describe('results night on a département-wide scrutin (gate closed: polling day ahead)', () => {
    let scrutin: ScrutinSummary;
    let d: Detail;
    let cands: Record<string, CandidatureDto[]>;
    const bureauOf = (i: number) => d.bureaux[i];

    beforeAll(async () => {
      const half = Math.floor(communes.length / 2);
      scrutin = await createScrutin(
        legislatives('2027-06-13', [
          { code: '6301', communes: communes.slice(0, half).map((c) => c.insee) },
          { code: '6302', communes: communes.slice(half).map((c) => c.insee) },
        ]),
      );
      // 900 bureaux: two per commune, one more in the first communes
      const lines: string[] = [];
      let n = 0;
      for (let round = 0; n < 900; round++)
        for (const [i, c] of communes.entries()) {
          if (n >= 900) break;
          if (round > 0 && i >= 900 - communes.length) break;
          lines.push(
            `${c.insee};${round + 1};Bureau ${round + 1};Mairie;${round === 0 ? 'oui' : 'non'};${800 + ((i * 37 + round * 11) % 700)}`,
          );
          n++;
        }
      expect(await importBureaux(scrutin.id, lines)).toEqual({
        created: 900,
        updated: 0,
        skipped: [],
      });
      const at = '2027-05-10T10:00:00+02:00';
      cands = {
        '6301': [
          await deposit(scrutin.id, '6301', 1, 'DURAND', at),
          await deposit(scrutin.id, '6301', 2, 'PETIT', at),
          await deposit(scrutin.id, '6301', 3, 'LEROY', at),
        ],
        '6302': [
          await deposit(scrutin.id, '6302', 1, 'MOREAU', at),
          await deposit(scrutin.id, '6302', 2, 'GIRARD', at),
        ],
      };
      d = await detail(scrutin.id);
      expect(d.bureaux).toHaveLength(900);
      expect(d.deadline.at).toBe('2027-05-21T16:00:00.000Z');
    });

    it('lists the scrutin with its bureaux and candidatures (CONTRACT shape)', async () => {
      expect(d).toMatchObject({
        id: scrutin.id,
        type: 'legislatives',
        round: 1,
        bureauxCount: 900,
        published: false,
      });
      expect(d.bureaux[0]).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          communeInsee: '63001',
          code: '0001',
          inscrits: expect.any(Number),
        }),
      );
      expect(d.candidatures.map((c) => c.label)).toContain('DURAND-6301 Claire');
      expect(d.candidatures[0].provisionalReceipt?.number).toMatch(/^P-2027-[0-9A-F]{4}-\d{4}$/);
      const list = await as(director).get('/api/elections/scrutins');
      expect(list.status).toBe(200);
      expect((list.body as ScrutinSummary[]).map((s) => s.id)).toContain(scrutin.id);
    });

    it('lets the director read but not write, and keeps the press out', async () => {
      expect(
        (
          await as(director).post(
            '/api/elections/scrutins',
            legislatives('2027-06-13', [{ code: '1', communes: ['63113'] }]),
          )
        ).status,
      ).toBe(403);
      expect((await as(press).get(`/api/elections/scrutins/${scrutin.id}`)).status).toBe(403);
      expect((await as(press).get(`/api/elections/scrutins/${scrutin.id}/totals`)).status).toBe(
        403,
      );
    });

    it('rejects each blocking check with a message naming the bureau and the numbers', async () => {
      const b = bureauOf(0);
      const [a, p, l] = cands[b.circonscription].map((c) => c.id);
      const url = `/api/elections/scrutins/${scrutin.id}/bureaux/${b.id}/results`;
      const name = `Bureau 63001-0001 (${communes[0].name}, Bureau 1)`;
      const cases: [object, string][] = [
        [
          { ...entry(b.inscrits, { [a]: 200, [p]: 100, [l]: 50 }), votants: 360 },
          `${name} : votants (360) ≠ blancs (5) + nuls (2) + exprimés (350) = 357`,
        ],
        [
          { ...entry(b.inscrits, { [a]: 200, [p]: 100, [l]: 50 }), exprimes: 351, votants: 358 },
          `${name} : somme des voix (350) ≠ exprimés (351)`,
        ],
        [
          { ...entry(b.inscrits, { [a]: b.inscrits, [p]: 100, [l]: 50 }) },
          `${name} : votants (${b.inscrits + 157}) > inscrits (${b.inscrits})`,
        ],
      ];
      for (const [body, message] of cases) {
        const res = await as(staff).put(url, body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation');
        expect((res.body.details as { message: string }[]).map((x) => x.message)).toContainEqual(
          message,
        );
      }
      const negative = await as(staff).put(url, {
        ...entry(b.inscrits, { [a]: 200, [p]: 100, [l]: 50 }),
        blancs: -1,
      });
      expect(negative.status).toBe(400);
      expect(negative.body.details).toContainEqual({ path: 'blancs', message: 'not negative' });
      const fraction = await as(staff).put(url, {
        ...entry(b.inscrits, { [a]: 200, [p]: 100, [l]: 50 }),
        nuls: 1.5,
      });
      expect(fraction.status).toBe(400);
      // nothing was written
      expect((await totals(scrutin.id)).arrived).toBe(0);
    });

    it('enforces four eyes: the enterer cannot validate without a logged contre-appel', async () => {
      const [b1, b2] = [bureauOf(1), bureauOf(2)];
      const voixFor = (b: BureauDto) =>
        Object.fromEntries(cands[b.circonscription].map((c, i) => [c.id, 100 + i]));
      const base = `/api/elections/scrutins/${scrutin.id}/bureaux`;
      expect(
        (await as(staff).put(`${base}/${b1.id}/results`, entry(b1.inscrits, voixFor(b1)))).status,
      ).toBe(200);
      const self = await as(staff).post(`${base}/${b1.id}/results/validate`, {});
      expect(self.status).toBe(403);
      expect(self.body.message).toMatch(/quatre yeux/);
      const other = await as(staff2).post(`${base}/${b1.id}/results/validate`, {});
      expect(other.status).toBe(200);
      expect(other.body).toMatchObject({ status: 'valide', validatedByName: 'Agent Vérif' });

      // alone on the desk: a contre-appel logged by the enterer allows the validation
      expect(
        (await as(staff).put(`${base}/${b2.id}/results`, entry(b2.inscrits, voixFor(b2)))).status,
      ).toBe(200);
      const cb = await as(staff).post(`${base}/${b2.id}/results/callback`, {
        note: 'Rappel du maire à 20 h 12, chiffres confirmés',
      });
      expect(cb.body.status).toBe('contre_appele');
      const ok = await as(staff).post(`${base}/${b2.id}/results/validate`, {});
      expect(ok.status).toBe(200);
      expect((ok.body as BureauResultDto).history.map((h) => h.to)).toEqual([
        'saisi',
        'contre_appele',
        'valide',
      ]);
      // a re-entry clears the validation and the callback
      const again = await as(staff).put(
        `${base}/${b2.id}/results`,
        entry(b2.inscrits, voixFor(b2)),
      );
      expect(again.body).toMatchObject({ status: 'saisi', callback: null, validatedAt: null });
      expect((await as(staff).post(`${base}/${b2.id}/results/validate`, {})).status).toBe(403);
    });

    it('flags a bureau « erreur » when a warning has no comment, and keeps it out of the totals', async () => {
      const b = bureauOf(3);
      const voix = Object.fromEntries(cands[b.circonscription].map((c) => [c.id, 50]));
      const url = `/api/elections/scrutins/${scrutin.id}/bureaux/${b.id}/results`;
      const res = await as(staff).put(url, entry(b.inscrits, voix, { emargements: 10 }));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('erreur');
      expect(res.body.warnings[0]).toMatch(/émargements \(10\) ≠ enveloppes/);
      const tot = await totals(scrutin.id);
      expect(tot.errors).toBe(1);
      const commented = await as(staff).put(
        url,
        entry(b.inscrits, voix, { emargements: 10, comment: 'Mention portée au PV' }),
      );
      expect(commented.body.status).toBe('saisi');
    });

    it('pushes the new totals to a connected socket after one bureau is entered', async () => {
      const socket = t.socket(director.token);
      await connected(socket);
      const b = bureauOf(10);
      const voix = Object.fromEntries(cands[b.circonscription].map((c, i) => [c.id, 300 - i * 10]));
      const before = await totals(scrutin.id);
      const event = new Promise<StateEvent<'election.totalsUpdated'>>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('no election.totalsUpdated for the bureau')),
          5000,
        );
        socket.on('election.totalsUpdated', (e) => {
          if (!e.bureauIds.includes(b.id)) return;
          clearTimeout(timer);
          resolve(e);
        });
      });
      expect(
        (
          await as(staff).put(
            `/api/elections/scrutins/${scrutin.id}/bureaux/${b.id}/results`,
            entry(b.inscrits, voix),
          )
        ).status,
      ).toBe(200);
      const e = await event;
      expect(e.seq).toEqual(expect.any(Number));
      expect(e.scrutinId).toBe(scrutin.id);
      expect(e.bureauIds).toEqual([b.id]);
      expect(e.totals.arrived).toBe(before.arrived + 1);
      expect(e.totals.exprimes).toBe(
        before.exprimes + Object.values(voix).reduce((x, y) => x + y, 0),
      );
      expect(e.communes).toEqual([expect.objectContaining({ insee: b.communeInsee })]);
      const race = e.totals.races.find((r) => r.circonscription === b.circonscription)!;
      const first = race.candidates.find(
        (c) => c.candidatureId === cands[b.circonscription][0].id,
      )!;
      const firstBefore = before.races
        .find((r) => r.circonscription === b.circonscription)!
        .candidates.find((c) => c.candidatureId === first.candidatureId)!;
      expect(first.voix).toBe(firstBefore.voix + 300);
      socket.disconnect();
    });

    it('aggregates 900 bureaux: the totals equal the sum of the inputs', async () => {
      const rand = lcg(63);
      const rows = d.bureaux.map((b) => {
        const list = cands[b.circonscription];
        const voix = list.map(() => rand(Math.floor(b.inscrits / (list.length + 1))));
        const exprimes = voix.reduce((a, x) => a + x, 0);
        const blancs = rand(20);
        const nuls = rand(10);
        return {
          b,
          voix,
          row: {
            communeInsee: b.communeInsee,
            communeName: b.communeName,
            bureauCode: b.code,
            inscrits: b.inscrits,
            votants: exprimes + blancs + nuls,
            blancs,
            nuls,
            exprimes,
            candidates: list.map((c, i) => ({
              panel: c.panel!,
              nuance: c.nuance,
              lastName: 'X',
              firstName: 'Y',
              sex: 'F',
              voix: voix[i],
              elected: '',
            })),
          },
        };
      });
      const csv = renderMinistryCsv(rows.map((r) => r.row)).toString('utf8');
      const res = await as(staff).post(`/api/elections/scrutins/${scrutin.id}/import`, { csv });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ imported: 900, flagged: 0, skipped: [] });

      const tot = await totals(scrutin.id);
      expect(tot.bureaux).toBe(900);
      expect(tot.arrived).toBe(900);
      const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
      expect(tot.inscrits).toBe(sum((r) => r.b.inscrits));
      expect(tot.votants).toBe(sum((r) => r.row.votants));
      expect(tot.blancs).toBe(sum((r) => r.row.blancs));
      expect(tot.nuls).toBe(sum((r) => r.row.nuls));
      expect(tot.exprimes).toBe(sum((r) => r.row.exprimes));
      for (const race of tot.races) {
        const inRace = rows.filter((r) => r.b.circonscription === race.circonscription);
        expect(race.bureaux).toBe(inRace.length);
        for (const [i, c] of cands[race.circonscription].entries()) {
          const expected = inRace.reduce((a, r) => a + r.voix[i], 0);
          expect(race.candidates.find((x) => x.candidatureId === c.id)!.voix).toBe(expected);
        }
      }
      // the import wrote what a manual entry would: statuses and history
      expect(tot.byStatus.saisi).toBe(900);
    });

    it('gate: the export and the published totals are refused before closing time', async () => {
      const exp = await as(staff).get(`/api/elections/scrutins/${scrutin.id}/export`);
      expect(exp.status).toBe(409);
      expect(exp.body.message).toMatch(/L\.52-2/);
      expect((await as(press).get(`/api/elections/scrutins/${scrutin.id}/published`)).status).toBe(
        409,
      );
      // nor on the public page, which needs no account
      expect((await t.http.get(`/api/public/elections/${scrutin.id}/results`)).status).toBe(409);
      expect((await t.http.get(`/api/public/elections/${scrutin.id}/results.html`)).status).toBe(
        409,
      );
      expect(d.publicationAt).toBe('2027-06-13T18:00:00.000Z');
    });
  });

  describe('ministry file round trip on a closed scrutin', () => {
    const circos = () => [
      { code: '6303', communes: communes.slice(0, 12).map((c) => c.insee) },
      { code: '6304', communes: communes.slice(12, 20).map((c) => c.insee) },
    ];
    const setUp = async () => {
      const s = await createScrutin(legislatives('2026-06-14', circos()));
      await importBureaux(
        s.id,
        communes
          .slice(0, 20)
          .flatMap((c, i) => [
            `${c.insee};1;Bureau 1;;oui;${900 + i}`,
            `${c.insee};2;Bureau 2;;non;${700 + i}`,
          ]),
      );
      const at = '2026-05-01T10:00:00+02:00';
      for (const circo of ['6303', '6304'])
        for (const [p, n] of ['BLANC', 'NOIR', 'ROUGE'].entries())
          await deposit(s.id, circo, p + 1, n, at);
      return { s, d: await detail(s.id) };
    };
    let a: Awaited<ReturnType<typeof setUp>>;
    let exported: string;

    beforeAll(async () => {
      a = await setUp();
      for (const [i, b] of a.d.bureaux.entries()) {
        const list = a.d.candidatures.filter((c) => c.circonscription === b.circonscription);
        const voix = Object.fromEntries(list.map((c, k) => [c.id, 40 + ((i * 7 + k * 13) % 90)]));
        expect(
          (
            await as(staff).put(
              `/api/elections/scrutins/${a.s.id}/bureaux/${b.id}/results`,
              entry(b.inscrits, voix),
            )
          ).status,
        ).toBe(200);
      }
      const res = await as(staff)
        .get(`/api/elections/scrutins/${a.s.id}/export`)
        .buffer(true)
        .parse(bytes);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      exported = (res.body as Buffer).toString('utf8');
    });

    it('export → import into a copy of the scrutin gives identical totals', async () => {
      const b = await setUp();
      const res = await as(staff).post(`/api/elections/scrutins/${b.s.id}/import`, {
        csv: exported,
      });
      expect(res.status).toBe(200);
      expect(res.body.imported).toBe(40);
      const [ta, tb] = [await totals(a.s.id), await totals(b.s.id)];
      const strip = (x: ElectionTotals) =>
        x.races.map((r) => ({
          ...r,
          candidates: r.candidates.map(({ candidatureId: _, ...rest }) => rest),
        }));
      expect(strip(tb)).toEqual(strip(ta));
      expect({ ...tb, races: [], scrutinId: '', computedAt: '' }).toEqual({
        ...ta,
        races: [],
        scrutinId: '',
        computedAt: '',
      });
      expect((await as(press).get(`/api/elections/scrutins/${a.s.id}/published`)).status).toBe(200);
      // past the gate, the public page shows the results without an account
      const page = await t.http.get(`/api/public/elections/${a.s.id}/results.html`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      const top = [...ta.races[0].candidates].sort((x, y) => y.voix - x.voix)[0];
      expect(page.text).toContain(top.voix.toLocaleString('fr-FR'));
    });

    it('rejects a file with 5 bad lines with a report naming them, importing nothing', async () => {
      const c = await setUp();
      const lines = exported.split('\r\n');
      const cells = (n: number) => lines[n].split(';');
      const set = (n: number, i: number, v: string) => {
        const x = cells(n);
        x[i] = v;
        lines[n] = x.join(';');
      };
      set(2, 6, String(Number(cells(2)[6]) + 1)); // votants ≠ blancs + nuls + exprimés
      set(5, 4, '0099'); // unknown bureau
      set(9, 24, '9999'); // Σ voix ≠ exprimés
      set(14, 19, '7'); // unknown panel
      set(21, 13, 'douze'); // not a number
      const res = await as(staff).post(`/api/elections/scrutins/${c.s.id}/import`, {
        csv: lines.join('\r\n'),
      });
      expect(res.status).toBe(400);
      const details = res.body.details as { path: string; message: string }[];
      expect(details.map((x) => x.path)).toEqual([
        'line.3',
        'line.6',
        'line.10',
        'line.15',
        'line.22',
      ]);
      expect(details[0].message).toMatch(/^Bureau \d{5}-\d{4} \(.+\) : votants \(\d+\) ≠ blancs/);
      expect(details[1].message).toMatch(/^Bureau \d{5}-0099 : inconnu pour ce scrutin/);
      expect(details[2].message).toMatch(/somme des voix \([\d ]+\) ≠ exprimés/);
      expect(details[3].message).toMatch(/panneau 7 inconnu/);
      expect(details[4].message).toMatch(/blancs « douze »/);
      expect((await totals(c.s.id)).arrived).toBe(0);
      // the explicit choice: import the valid rows only
      const partial = await as(staff).post(`/api/elections/scrutins/${c.s.id}/import`, {
        csv: lines.join('\r\n'),
        onlyValid: true,
      });
      expect(partial.status).toBe(200);
      expect(partial.body.imported).toBe(35);
      expect((await totals(c.s.id)).arrived).toBe(35);
    });
  });

  describe('candidatures', () => {
    let s: ScrutinSummary;
    beforeAll(async () => {
      s = await createScrutin({
        type: 'partielle',
        system: 'municipales',
        label: 'Municipale partielle de Royat',
        date: '2027-03-14',
        round: 1,
        circonscriptions: [
          {
            code: '63308',
            label: 'Royat',
            kind: 'commune',
            communes: ['63308'],
            seats: 7,
            population: 4500,
          },
        ],
      });
    });
    const list = (sexes: string, prefix: string) =>
      [...sexes].map((x, i) => person(i + 1, x as 'F' | 'M', `${prefix}${i + 1}`));
    const depositList = (
      members: object[],
      depositedAt = '2027-02-20T10:00:00+01:00',
      title = 'Royat demain',
    ) =>
      as(staff).post(`/api/elections/scrutins/${s.id}/candidatures`, {
        circonscription: '63308',
        kind: 'liste',
        title,
        depositedAt,
        depositor: 'Mandataire',
        nuance: 'LDIV',
        members,
      });

    it('refuses a late deposit with the reason (18 h, 3rd Thursday before)', async () => {
      const res = await depositList(list('FMFMFMF', 'TARD'), '2027-02-25T18:00:01+01:00');
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        {
          path: 'depositedAt',
          message:
            'Dépôt hors délai : déposée le jeudi 25 février 2027 à 18:00, clôture le jeudi 25 février 2027 à 18:00 (18 h le 3e jeudi avant le scrutin)',
        },
      ]);
    });

    it('refuses broken parity, a wrong size and a double candidacy; accepts a good list', async () => {
      const parity = await depositList(list('FMMFMFM', 'PAR'));
      expect(parity.status).toBe(400);
      expect(parity.body.details[0].message).toMatch(/^Parité : rangs 2 et 3/);
      const size = await depositList(list('FMFMFMFMFM', 'TAILLE'));
      expect(size.body.details).toEqual([
        {
          path: 'members',
          message: 'Taille de liste : 10 candidats pour 7 sièges (de 7 à 9 admis)',
        },
      ]);
      const good = await depositList(list('FMFMFMF', 'BON'));
      expect(good.status).toBe(201);
      const twice = await depositList(
        [...list('FMFMFM', 'AUTRE'), person(7, 'F', 'BON7')],
        undefined,
        'Royat ensemble',
      );
      expect(twice.status).toBe(400);
      expect(twice.body.details).toEqual([
        {
          path: 'members',
          message:
            'Double candidature : BON7 Claire (né(e) le 1967-03-17) figure déjà sur « Royat demain »',
        },
      ]);
    });

    it('issues numbered receipts as PDF, refuses with the 24 h appeal window', async () => {
      const c = (await depositList(list('MFMFMFM', 'REC'), undefined, 'Royat avenir'))
        .body as CandidatureDto;
      const pdf = await as(director)
        .get(`/api/elections/scrutins/${s.id}/candidatures/${c.id}/receipt?kind=provisoire`)
        .buffer(true)
        .parse(bytes);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.body as Buffer);
      expect(text).toContain(c.provisionalReceipt!.number);
      expect(text).toContain('Royat avenir');
      expect(
        (
          await as(staff).get(
            `/api/elections/scrutins/${s.id}/candidatures/${c.id}/receipt?kind=definitif`,
          )
        ).status,
      ).toBe(409);

      const refused = await as(staff).post(
        `/api/elections/scrutins/${s.id}/candidatures/${c.id}/refuse`,
        { motive: 'Mandat du 4e candidat non signé' },
      );
      expect(refused.status).toBe(200);
      const r = (refused.body as CandidatureDto).refusal!;
      expect(new Date(r.appealUntil).getTime() - new Date(r.at).getTime()).toBe(24 * 3600_000);
      expect(
        (await as(staff).post(`/api/elections/scrutins/${s.id}/candidatures/${c.id}/register`, {}))
          .status,
      ).toBe(409);
      const annulled = await as(staff).post(
        `/api/elections/scrutins/${s.id}/candidatures/${c.id}/appeal`,
        {
          lodgedAt: new Date().toISOString(),
          outcome: 'annulee',
        },
      );
      expect(annulled.body).toMatchObject({
        status: 'enregistree',
        definitiveReceipt: { number: expect.stringMatching(/^D-2027-/) },
      });
    });
  });

  it('bureaux import: all-or-nothing with a report (line, column, problem)', async () => {
    const s = await createScrutin(
      legislatives('2027-06-13', [{ code: '6305', communes: ['63113', '63014'] }]),
    );
    const res = await as(staff).post(`/api/elections/scrutins/${s.id}/bureaux/import`, {
      csv: [
        'Commune;Code;Libellé;Inscrits',
        '63113;1;École Jules-Ferry;1200',
        '63001;1;Mairie;300',
        '63014;x!;Salle;2a',
        '63113;0001;Doublon;5',
      ].join('\n'),
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { path: 'line.3.commune', message: 'commune 63001 is not concerned by this scrutin' },
      { path: 'line.4.code', message: '« x! » is not a bureau code' },
      { path: 'line.4.inscrits', message: '« 2a » is not a whole number' },
      { path: 'line.5.code', message: 'same bureau as line 2' },
    ]);
    expect((await detail(s.id)).bureaux).toEqual([]);
  });

  it('turnout: entry with warnings and aggregation by commune and département', async () => {
    const s = await createScrutin(
      legislatives('2027-06-13', [{ code: '6305', communes: ['63113'] }]),
    );
    await importBureaux(s.id, [
      '63113;1;Bureau 1;;oui;1000;6305',
      '63113;2;Bureau 2;;non;500;6305',
    ]);
    const [b1, b2] = (await detail(s.id)).bureaux;
    const put = (b: BureauDto, slot: string, votants: number) =>
      as(staff).put(`/api/elections/scrutins/${s.id}/bureaux/${b.id}/turnout`, { slot, votants });
    expect((await put(b1, '12:00', 250)).body.warnings).toEqual([]);
    expect((await put(b1, '17:00', 200)).body.warnings).toEqual([
      'Bureau 63113-0001 (Clermont-Ferrand, Bureau 1) : votants à 17:00 (200) < votants à 12:00 (250)',
    ]);
    expect((await put(b2, '12:00', 100)).status).toBe(200);
    expect((await put(b2, '15:00', 100)).status).toBe(400);
    const report = await as(director).get(
      `/api/elections/scrutins/${s.id}/turnout?level=departement`,
    );
    expect(report.body.rows).toEqual([
      {
        key: '63',
        label: 'Puy-de-Dôme',
        inscrits: 1500,
        bureaux: 2,
        slots: {
          '12:00': { votants: 350, reported: 2, pct: 23.33, previousPct: null },
          '17:00': { votants: 200, reported: 1, pct: 20, previousPct: null },
        },
      },
    ]);
  });

  it('cantons: from the commune, or from the CSV for a split commune; participation by canton', async () => {
    const [{ canton_codes: clermont }] = (await ds.query(
      `SELECT canton_codes FROM commune WHERE insee = '63113'`,
    )) as {
      canton_codes: string[];
    }[];
    const [{ canton_codes: aubiere }] = (await ds.query(
      `SELECT canton_codes FROM commune WHERE insee = '63014'`,
    )) as {
      canton_codes: string[];
    }[];
    expect(clermont.length).toBeGreaterThan(1);
    expect(aubiere).toHaveLength(1);
    const s = await createScrutin(
      legislatives('2027-06-13', [{ code: '6301', communes: ['63113', '63014'] }]),
    );
    const header = 'Commune;Code;Libellé;Inscrits;Canton';
    const bad = await as(staff).post(`/api/elections/scrutins/${s.id}/bureaux/import`, {
      csv: [
        header,
        `63113;1;École;1000;${aubiere[0] === clermont[0] ? clermont[1] : aubiere[0]}`,
      ].join('\n'),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('line.2.canton');
    const ok = await as(staff).post(`/api/elections/scrutins/${s.id}/bureaux/import`, {
      csv: [
        header,
        `63113;1;École;1000;${clermont[0]}`,
        '63113;2;Gymnase;500;',
        '63014;1;Mairie;800;',
      ].join('\n'),
    });
    expect(ok.status).toBe(200);
    const d = await detail(s.id);
    expect(d.bureaux.map((b) => [b.communeInsee, b.code, b.canton])).toEqual([
      ['63014', '0001', aubiere[0]],
      ['63113', '0001', clermont[0]],
      ['63113', '0002', null],
    ]);
    for (const [b, v] of [
      [d.bureaux[0], 200],
      [d.bureaux[1], 300],
      [d.bureaux[2], 100],
    ] as const)
      await as(staff).put(`/api/elections/scrutins/${s.id}/bureaux/${b.id}/turnout`, {
        slot: '12:00',
        votants: v,
      });
    const report = await as(director).get(`/api/elections/scrutins/${s.id}/turnout?level=canton`);
    const rows = (
      report.body as {
        rows: { key: string; label: string; slots: Record<string, { votants: number }> }[];
      }
    ).rows;
    const byKey = (a: (string | number)[], b: (string | number)[]) =>
      String(a[0]).localeCompare(String(b[0]));
    expect(rows.map((r) => [r.key, r.slots['12:00'].votants]).sort(byKey)).toEqual(
      [
        [aubiere[0], 200],
        [clermont[0], 300],
        ['?', 100],
      ].sort(byKey),
    );
    expect(rows.find((r) => r.key === '?')!.label).toBe('Canton non renseigné');
  });

  it('municipales 2026 shape: commune-level export with seats, read back into a copy', async () => {
    const make = async () => {
      const s = await createScrutin({
        type: 'partielle',
        system: 'municipales',
        label: 'Municipale partielle de Chanat-la-Mouteyre',
        date: '2026-03-15',
        round: 1,
        circonscriptions: [
          {
            code: '63080',
            label: 'Chanat-la-Mouteyre',
            kind: 'commune',
            seats: 15,
            population: 1100,
          },
        ],
      });
      await importBureaux(s.id, ['63080;1;Mairie;;oui;850']);
      for (const [n, title] of ['Vivre à Chanat', 'Chanat autrement'].entries()) {
        const members = Array.from({ length: 15 }, (_, k) =>
          person(k + 1, k % 2 ? 'M' : 'F', `L${n}M${k}`),
        );
        const res = await as(staff).post(`/api/elections/scrutins/${s.id}/candidatures`, {
          circonscription: '63080',
          kind: 'liste',
          title,
          depositedAt: '2026-02-20T10:00:00+01:00',
          depositor: 'Mandataire',
          members,
        });
        expect(res.status).toBe(201);
      }
      return detail(s.id);
    };
    const a = await make();
    expect(a.circonscriptions[0].communes).toEqual(['63080']);
    const [l1, l2] = a.candidatures;
    const put = await as(staff).put(
      `/api/elections/scrutins/${a.id}/bureaux/${a.bureaux[0].id}/results`,
      entry(850, { [l1.id]: 380, [l2.id]: 220 }),
    );
    expect(put.status).toBe(200);
    const res = await as(staff)
      .get(`/api/elections/scrutins/${a.id}/export?format=communes`)
      .buffer(true)
      .parse(bytes);
    expect(res.status).toBe(200);
    const [header, line] = (res.body as Buffer)
      .toString('utf8')
      .replace('\uFEFF', '')
      .split('\r\n');
    expect(header.split(';').slice(18, 31)).toEqual([
      'Numéro de liste 1',
      'Nuance liste 1',
      'Libellé abrégé de liste 1',
      'Libellé de liste 1',
      'Nom tête de liste 1',
      'Prénom tête de liste 1',
      'Sexe tête de liste 1',
      'Voix 1',
      '% Voix/inscrits 1',
      '% Voix/exprimés 1',
      'Elu 1',
      'Sièges au CM 1',
      'Sièges au CC 1',
    ]);
    // 15 seats: bonus 8 to the majority list, 7 at the highest average: 380 190 127 95 76 | 220 110 → 5 and 2
    const cells = line.split(';');
    expect([
      cells[2],
      cells[18],
      cells[21],
      cells[25],
      cells[28],
      cells[29],
      cells[31 + 3],
      cells[31 + 11],
    ]).toEqual(['63080', '1', 'Vivre à Chanat', '380', 'Oui', '13', 'Chanat autrement', '2']);
    expect(cells[30]).toBe('');
    const b = await make();
    const imported = await as(staff).post(`/api/elections/scrutins/${b.id}/import`, {
      csv: (res.body as Buffer).toString('utf8'),
    });
    expect(imported.status).toBe(200);
    const [ta, tb] = [await totals(a.id), await totals(b.id)];
    expect(tb.races[0].candidates.map((c) => [c.label, c.voix, c.seats])).toEqual(
      ta.races[0].candidates.map((c) => [c.label, c.voix, c.seats]),
    );
    expect(tb.exprimes).toBe(ta.exprimes);
  });

  it('demo data: législatives on the 5 circonscriptions with bureaux in every commune, and a by-election', async () => {
    const seeded = await ds.transaction((m) =>
      seedDemoElections(m, new Date('2026-11-28T15:00:00Z')),
    );
    expect(seeded.scrutins).toBe(3);
    expect(await ds.transaction((m) => seedDemoElections(m, new Date()))).toEqual({
      scrutins: 0,
      bureaux: 0,
    });
    const list = (await as(director).get('/api/elections/scrutins')).body as ScrutinSummary[];
    const t1 = list.find((s) => s.label.startsWith('Élections législatives — 1er tour'))!;
    const t2 = list.find((s) => s.label.startsWith('Élections législatives — 2nd tour'))!;
    expect(t1.circonscriptions.map((c) => c.code)).toEqual([
      '6301',
      '6302',
      '6303',
      '6304',
      '6305',
    ]);
    const [communesWithBureaux] = (await ds.query(
      'SELECT count(DISTINCT commune_insee)::int AS n FROM election_bureau WHERE scrutin_id = $1',
      [t1.id],
    )) as { n: number }[];
    expect(communesWithBureaux.n).toBe(communes.length);
    const tot1 = await totals(t1.id);
    expect(tot1.validated).toBe(tot1.bureaux);
    expect(tot1.races).toHaveLength(5);
    for (const race of tot1.races)
      expect(race.candidates.filter((c) => c.qualified).length).toBeGreaterThanOrEqual(2);
    const tot2 = await totals(t2.id);
    expect(tot2.arrived).toBeGreaterThan(0);
    expect(tot2.arrived).toBeLessThan(tot2.bureaux);
    expect(tot2.races.every((r) => r.candidates.length === 2)).toBe(true);
    const partielle = list.find(
      (s) => s.type === 'partielle' && s.label.endsWith('(démonstration)'),
    )!;
    expect(partielle).toMatchObject({
      system: 'municipales',
      status: 'candidatures',
      bureauxCount: 1,
    });
  });
});
