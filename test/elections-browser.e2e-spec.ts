import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BureauDto, CandidatureDto, ScrutinSummary } from '../server/src/contracts/elections';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import {
  assertClientBuilt,
  launchBrowser,
  type PageProblems,
  runAxe,
  seriousViolations,
  waitForPath,
  waitForText,
  watchPageProblems,
} from './support/browser';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

type User = { id: string; email: string; token: string };

/**
 * Election night in Debian's Chromium: an agent enters a bureau in one browser, the director's
 * board in a second browser shows it without reloading; axe on the elections screens.
 */
describe('browser: elections', () => {
  let t: TestApp;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let staff: User;
  let director: User;
  let scrutin: ScrutinSummary;
  let bureaux: BureauDto[];
  let candidatures: CandidatureDto[];

  beforeAll(async () => {
    assertClientBuilt();
    const [app, chromium] = await Promise.allSettled([
      startTestApp({ SERVE_CLIENT: true }),
      launchBrowser(),
    ]);
    if (app.status === 'fulfilled') t = app.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    for (const started of [app, chromium]) if (started.status === 'rejected') throw started.reason;
    [staff, director] = await Promise.all([
      t.userWithToken(['cabinet_staff'], { displayName: 'Agent Saisie' }),
      t.userWithToken(['director'], { displayName: 'Damien Roche' }),
    ]);
    const post = async <T>(path: string, body: object, status = 201): Promise<T> => {
      const res = await t.http.post(path).set('Authorization', `Bearer ${staff.token}`).send(body);
      if (res.status !== status)
        throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as T;
    };
    scrutin = await post<ScrutinSummary>('/api/elections/scrutins', {
      type: 'legislatives',
      label: 'Législatives partielles de la 2e circonscription',
      date: '2027-06-13',
      round: 1,
      circonscriptions: [
        {
          code: '6302',
          label: '2e circonscription',
          kind: 'legislative',
          communes: ['63014', '63032', '63124'],
        },
      ],
    });
    await post(
      `/api/elections/scrutins/${scrutin.id}/bureaux/import`,
      {
        csv: [
          'Commune;Code;Libellé;Inscrits',
          '63014;1;Mairie;1200',
          '63032;1;Mairie;900',
          '63124;1;Salle des fêtes;700',
        ].join('\n'),
      },
      200,
    );
    for (const [i, name] of ['DURAND', 'PETIT'].entries())
      await post(`/api/elections/scrutins/${scrutin.id}/candidatures`, {
        circonscription: '6302',
        kind: 'candidat',
        panel: i + 1,
        nuance: i ? 'UG' : 'ENS',
        depositedAt: '2027-05-10T10:00:00+02:00',
        depositor: name,
        members: [
          {
            rank: 1,
            role: 'titulaire',
            sex: 'F',
            lastName: name,
            firstName: 'Anne',
            birthDate: '1970-01-01',
          },
          {
            rank: 1,
            role: 'remplacant',
            sex: 'M',
            lastName: `${name}-SUPP`,
            firstName: 'Marc',
            birthDate: '1971-01-01',
          },
        ],
      });
    const detail = await t.http
      .get(`/api/elections/scrutins/${scrutin.id}`)
      .set('Authorization', `Bearer ${staff.token}`);
    ({ bureaux, candidatures } = detail.body as {
      bureaux: BureauDto[];
      candidatures: CandidatureDto[];
    });
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++)
      await new Promise((r) => setTimeout(r, 100));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    contexts = [];
  });

  /** A signed-in browser of its own for `user`, on `path`, with the socket connected. */
  async function open(user: User, path: string): Promise<{ page: Page; problems: PageProblems }> {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1400, height: 1000 },
    });
    contexts.push(context);
    const page = await context.newPage();
    const problems = await watchPageProblems(
      page,
      (text, url) => /\/favicon\.(ico|svg)$/.test(url) && text.includes('404'),
    );
    const login = await context.request.post(`${t.url}/api/auth/login`, {
      data: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.status()).toBe(200);
    await page.goto(`${t.url}${path}`);
    await waitForText(page.getByTestId('connection-indicator'), 'Connecté');
    return { page, problems };
  }

  it('an entry in one browser updates the board in another; axe clean', async () => {
    const base = `/cabinet/elections/${scrutin.id}`;
    const board = await open(director, `${base}/soiree`);
    await waitForText(board.page.getByTestId('elections-board-arrived'), '0 / 3 bureaux arrivés');
    await board.page.getByTestId('elections-board-map').locator('.leaflet-container').waitFor();
    const boardViolations = seriousViolations(await runAxe(board.page));

    const [b] = bureaux.filter((x) => x.communeInsee === '63014');
    const entry = await open(staff, `${base}/saisie?bureau=${b.id}`);
    const form = entry.page.getByTestId('elections-entry-form');
    await form.waitFor();
    const entryViolations = seriousViolations(await runAxe(entry.page));
    await form.getByLabel('Votants', { exact: true }).fill('812');
    await form.getByLabel('Blancs', { exact: true }).fill('9');
    await form.getByLabel('Nuls', { exact: true }).fill('3');
    await form.getByLabel('Exprimés', { exact: true }).fill('800');
    const [durand, petit] = candidatures;
    await form.getByLabel(`1. ${durand.label} (ENS)`).fill('430');
    await form.getByLabel(`2. ${petit.label} (UG)`).fill('370');
    await form.getByRole('button', { name: 'Enregistrer la saisie' }).click();
    await waitForText(
      entry.page.getByText('Saisie enregistrée', { exact: false }),
      'Saisie enregistrée : Saisi.',
    );

    // the director's board, not reloaded, follows
    await waitForText(board.page.getByTestId('elections-board-arrived'), '1 / 3 bureaux arrivés');
    await waitForText(
      board.page.getByTestId('elections-race-6302').getByTestId('elections-voix').first(),
      '430',
    );
    await waitForText(board.page.locator('[data-status="arrived"]'), 'Tous arrivés (1)');
    await waitForPath(board.page, `${base}/soiree`);

    // a blocking check: the server's refusal is shown with the bureau and the numbers
    await form.getByLabel('Exprimés', { exact: true }).fill('801');
    await form.getByLabel('Votants', { exact: true }).fill('813');
    await form.getByRole('button', { name: 'Enregistrer la saisie' }).click();
    await waitForText(
      entry.page.getByTestId('elections-problems'),
      'somme des voix (800) ≠ exprimés (801)',
      { contains: true },
    );

    const list = await open(staff, '/cabinet/elections');
    await list.page.getByTestId('elections-scrutins').waitFor();
    const listViolations = seriousViolations(await runAxe(list.page));

    expect({ board: boardViolations, entry: entryViolations, list: listViolations }).toEqual({
      board: [],
      entry: [],
      list: [],
    });
    expect(await board.problems.list()).toEqual([]);
    expect(await list.problems.list()).toEqual([]);
  }, 90_000);
});
