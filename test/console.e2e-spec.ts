import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Crisis, Incident, MapFeature, Task } from '../server/src/contracts/crisis';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import {
  assertClientBuilt,
  launchBrowser,
  runAxe,
  seriousViolations,
  waitForPath,
  waitForText,
  watchPageProblems,
  type PageProblems,
} from './support/browser';
import {
  startAgain,
  startTestApp,
  stopTestApp,
  TEST_PASSWORD,
  type TestApp,
} from './support/test-app';

/** Where the suite leaves its artifacts (gitignored). */
const RESULTS_DIR = join(__dirname, '..', 'test-results');
const SCREENSHOT = join(RESULTS_DIR, 'console-cod.png');

type User = { id: string; email: string; token: string };
type Point = [number, number];

const point = ([lon, lat]: Point) => ({ type: 'Point' as const, coordinates: [lon, lat] });
const ring = (points: Point[]) => ({
  type: 'Polygon' as const,
  coordinates: [[...points, points[0]]],
});

/**
 * The COD console (map + panels) in Debian's Chromium against the real server: two operators
 * kept in sync live, drawing a perimeter, a server restart, what each role sees, axe, and a
 * screenshot of an exercise in progress (test-results/console-cod.png).
 */
describe('browser: COD console', () => {
  let t: TestApp;
  let browser: Browser;
  /** The contexts opened by the running test, closed after it. */
  let contexts: BrowserContext[] = [];
  let operatorA: User;
  let operatorB: User;
  let director: User;
  let sidpc: User;
  let viewer: User;

  beforeAll(async () => {
    assertClientBuilt();
    const [app, chromium] = await Promise.allSettled([
      startTestApp({ SERVE_CLIENT: true }),
      launchBrowser(),
    ]);
    // keep whichever started, so afterAll closes it even when the other failed
    if (app.status === 'fulfilled') t = app.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    for (const started of [app, chromium]) if (started.status === 'rejected') throw started.reason;

    [operatorA, operatorB, director, sidpc, viewer] = await Promise.all([
      t.userWithToken(['cod_operator'], { displayName: 'Olivier Martin' }),
      t.userWithToken(['cod_operator'], { displayName: 'Claire Besson' }),
      t.userWithToken(['director'], { displayName: 'Damien Roche' }),
      t.userWithToken(['sidpc'], { displayName: 'Sophie Vidal' }),
      t.userWithToken(['viewer'], { displayName: 'Léo Lecteur' }),
    ]);
    // live events go out through the outbox relay: wait until this process leads it
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++)
      await new Promise((r) => setTimeout(r, 100));
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    contexts = [];
  });

  // ------------------------------------------------------------------------------ helpers

  const api = (user: User) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${user.token}`),
    post: (path: string, body: object = {}) =>
      t.http.post(path).set('Authorization', `Bearer ${user.token}`).send(body),
  });

  /** POSTs and returns the body, failing with the server's answer when it is not `status`. */
  async function created<T>(user: User, path: string, body: object, status = 201): Promise<T> {
    const res = await api(user).post(path, body);
    if (res.status !== status) {
      throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as T;
  }

  const createCrisis = (
    user: User,
    body: { title: string; kind: string; exercise?: boolean; description?: string },
  ) => created<Crisis>(user, '/api/crises', body);

  const createIncident = (user: User, crisisId: string, body: Record<string, unknown>) =>
    created<Incident>(user, '/api/incidents', { crisisId, ...body });

  const favicon404 = (text: string, url: string) =>
    /\/favicon\.(ico|svg)$/.test(url) && text.includes('404');

  interface Screen {
    context: BrowserContext;
    page: Page;
    problems: PageProblems;
  }

  /** A browser context of its own for `user`. */
  async function newScreen(viewport = { width: 1400, height: 900 }): Promise<Screen> {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport,
      // the map jumps instead of flying: what the test sees is where the map ends up
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    const problems = await watchPageProblems(page, favicon404);
    return { context, page, problems };
  }

  /**
   * Signs `user` in (the refresh cookie lands in the context's jar, as after the login form)
   * and opens the console on `crisisId`, live.
   */
  async function openConsole(
    user: User,
    crisisId: string,
    viewport?: { width: number; height: number },
  ): Promise<Screen> {
    const screen = await newScreen(viewport);
    const login = await screen.context.request.post(`${t.url}/api/auth/login`, {
      data: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.status()).toBe(200);
    await screen.page.goto(`${t.url}/console?crise=${crisisId}`);
    await consoleReady(screen.page, crisisId);
    return screen;
  }

  /** The console shows `crisisId`, its incidents are loaded and the socket is connected. */
  async function consoleReady(page: Page, crisisId: string): Promise<void> {
    await waitForPath(page, '/console');
    await waitForText(page.getByTestId('connection-indicator'), 'Connecté');
    await page
      .locator(`[data-testid="console"][data-crisis-id="${crisisId}"]`)
      .waitFor({ timeout: 10_000 });
    await waitForText(page.getByTestId('incident-count'), 'événement', { contains: true });
  }

  const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

  const incidentRow = (page: Page, title: string) =>
    page.getByTestId('incident-row').filter({ hasText: title });

  /** The Leaflet container's box (the map's clickable area). */
  async function mapBox(
    page: Page,
  ): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await page.locator('[data-testid="map"] .leaflet-container').boundingBox();
    if (!box) throw new Error('the map is not displayed');
    return box;
  }

  /**
   * The canvas has no DOM node per marker: an incident is on the map when, the map centred on
   * it (a click on its row), the pointer at the centre raises its tooltip.
   */
  async function expectMarkerAtCentre(page: Page, title: string, timeout = 5_000): Promise<void> {
    const box = await mapBox(page);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const tooltip = page.locator('.leaflet-tooltip.vigie-map-tooltip');
    const deadline = Date.now() + timeout;
    for (;;) {
      // Leaflet's canvas drops a hover within 32 ms of the previous one: settle on the centre
      for (const [x, y] of [
        [cx + 40, cy + 40],
        [cx, cy],
        [cx + 1, cy],
        [cx, cy],
      ]) {
        await page.mouse.move(x, y);
        await page.waitForTimeout(50);
      }
      try {
        await waitForText(tooltip, title, { contains: true, timeout: 1_000 });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
    }
  }

  async function noReloadMark(page: Page): Promise<void> {
    await page.evaluate('window.__vigieSameDocument = true');
  }
  async function expectNotReloaded(page: Page): Promise<void> {
    expect(await page.evaluate('window.__vigieSameDocument === true')).toBe(true);
  }

  // ----------------------------------------------------------------------------- demo data

  interface Demo {
    crisis: Crisis;
    incidents: Incident[];
    features: MapFeature[];
    tasks: Task[];
  }
  let demoPromise: Promise<Demo> | undefined;
  /** « Exercice crue de l’Allier », seeded once through the API (as people would, by role). */
  const demo = () => (demoPromise ??= seedDemo());

  async function seedDemo(): Promise<Demo> {
    const services = (await api(sidpc).get('/api/services')).body as { id: string; code: string }[];
    const serviceId = (code: string) => {
      const service = services.find((s) => s.code === code);
      if (!service)
        throw new Error(`no service ${code} in ${services.map((s) => s.code).join(', ')}`);
      return service.id;
    };
    const sdisLiaison = await t.userWithToken(['service_liaison'], {
      serviceId: serviceId('SDIS63'),
      displayName: 'Cne Samuel Faure',
    });

    const crisis = await createCrisis(sidpc, {
      title: 'Exercice crue de l’Allier',
      kind: 'inondation',
      exercise: true,
      description:
        'Exercice départemental : crue de l’Allier de Brassac-les-Mines à Pont-du-Château, ' +
        'crues de la Dore et de la Durolle à Thiers.',
    });
    await created(
      director,
      '/api/cod/transitions',
      {
        to: 'active_restreint',
        crisisId: crisis.id,
        reason: 'Vigilance rouge crues sur l’Allier, montée rapide des eaux à Issoire',
      },
      200,
    );

    const spec: [string, string, string, string, Point, Record<string, number>?][] = [
      [
        'Quartier du Pont évacué',
        'evacuation',
        'critique',
        'en_cours',
        [3.2569, 45.5462],
        { evacues: 340, heberges: 120 },
      ],
      [
        'Maisons isolées par les eaux, hélitreuillage',
        'inondation',
        'critique',
        'en_cours',
        [3.3277, 45.4118],
        { impliques: 9, urgences_relatives: 2 },
      ],
      ['Quais de l’Allier submergés', 'crue', 'critique', 'signale', [3.2465, 45.7978]],
      [
        'RD 996 coupée au pont de l’Allier',
        'route_coupee',
        'grave',
        'en_cours',
        [3.2712, 45.5521],
        { routes_coupees: 1 },
      ],
      [
        'Camping des Dômes évacué',
        'evacuation',
        'grave',
        'maitrise',
        [3.2231, 45.7405],
        { evacues: 85, heberges: 40 },
      ],
      [
        'Coutellerie inondée, vallée de la Durolle',
        'industriel',
        'grave',
        'en_cours',
        [3.5531, 45.8589],
      ],
      ['Captage d’eau potable hors service', 'coupure_eau', 'grave', 'signale', [3.2457, 45.6437]],
      [
        'Passage souterrain de la gare inondé',
        'inondation',
        'moyenne',
        'en_cours',
        [3.1005, 45.7789],
        { routes_coupees: 1 },
      ],
      [
        'Coupure d’électricité quartier du Moutier',
        'coupure_electricite',
        'moyenne',
        'en_cours',
        [3.5384, 45.8514],
        { foyers_sans_electricite: 1250 },
      ],
      [
        'Glissement de talus sur la RD 229',
        'glissement_terrain',
        'moyenne',
        'signale',
        [3.2092, 45.6159],
        { routes_coupees: 1 },
      ],
      [
        'Véhicule emporté au gué, conducteur secouru',
        'accident_route',
        'faible',
        'maitrise',
        [3.3302, 45.9207],
        { impliques: 1 },
      ],
      ['Cave inondée rue de Ballainvilliers', 'inondation', 'faible', 'clos', [3.0851, 45.7731]],
    ];
    const incidents: Incident[] = [];
    for (const [title, kind, severity, status, at, counters] of spec) {
      incidents.push(
        await createIncident(incidents.length % 2 ? operatorB : operatorA, crisis.id, {
          title,
          kind,
          severity,
          status,
          location: point(at),
          ...(counters ? { counters } : {}),
        }),
      );
    }
    const [evacuated, isolated, , bridge, camping, , water] = incidents;

    const features = [
      await created<MapFeature>(operatorA, `/api/crises/${crisis.id}/features`, {
        type: 'Feature',
        geometry: ring([
          [3.205, 45.725],
          [3.232, 45.728],
          [3.252, 45.765],
          [3.262, 45.806],
          [3.243, 45.812],
          [3.228, 45.772],
          [3.2, 45.738],
        ]),
        properties: {
          kind: 'zone_inondee',
          label: 'Zone inondée — Allier, Cournon / Pont-du-Château',
        },
      }),
      await created<MapFeature>(operatorB, `/api/crises/${crisis.id}/features`, {
        type: 'Feature',
        geometry: ring([
          [3.244, 45.536],
          [3.272, 45.536],
          [3.276, 45.556],
          [3.248, 45.558],
        ]),
        properties: {
          kind: 'zone_evacuation',
          label: 'Zone d’évacuation — Issoire, quartier du Pont',
        },
      }),
    ];

    const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const task = (body: Record<string, unknown>) =>
      created<Task>(operatorA, '/api/tasks', { crisisId: crisis.id, ...body });
    const tasks = [
      await task({
        serviceId: serviceId('SDIS63'),
        title: 'Reconnaissance des berges de l’Allier à Issoire',
        priority: 'urgente',
        dueAt: inHours(-0.5),
        incidentId: evacuated.id,
      }),
      await task({
        serviceId: serviceId('SDIS63'),
        title: 'Hélitreuillage des sinistrés de Brassac-les-Mines',
        priority: 'urgente',
        dueAt: inHours(1),
        incidentId: isolated.id,
      }),
      await task({
        serviceId: serviceId('SDIS63'),
        title: 'Appui à l’évacuation du camping de Cournon',
        priority: 'haute',
        incidentId: camping.id,
      }),
      await task({
        serviceId: serviceId('DDT63'),
        title: 'Expertise du pont de l’Allier (RD 996)',
        priority: 'haute',
        dueAt: inHours(2),
        incidentId: bridge.id,
      }),
      await task({
        serviceId: serviceId('DDT63'),
        title: 'Cartographie des zones inondées potentielles',
        priority: 'normale',
        dueAt: inHours(4),
      }),
    ];
    await created(
      sdisLiaison,
      `/api/tasks/${tasks[1].id}/transitions`,
      { to: 'acknowledged' },
      200,
    );
    await created(sdisLiaison, `/api/tasks/${tasks[1].id}/transitions`, { to: 'in_progress' }, 200);
    await created(operatorA, `/api/tasks/${tasks[3].id}/transitions`, { to: 'acknowledged' }, 200);

    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const log: [User, string, string, string, number?, string?][] = [
      [
        sidpc,
        'information',
        'anticipation',
        'Vigicrues : vigilance rouge sur l’Allier aval, pic attendu à Issoire vers 18 h (5,20 m).',
        95,
      ],
      [
        director,
        'decision',
        'direction',
        'Ouverture du centre d’hébergement au gymnase Jean-Zay d’Issoire (capacité 200 places).',
        80,
      ],
      [
        operatorA,
        'information',
        'situation',
        'Point de situation : 12 événements, 2 critiques ; 340 personnes évacuées à Issoire.',
      ],
      [
        sdisLiaison,
        'action',
        'liaison:SDIS63',
        'Deux équipes SAV engagées à Brassac-les-Mines, hélicoptère Dragon 63 en route.',
        40,
        isolated.id,
      ],
      [
        operatorB,
        'demande',
        'operations',
        'Demande à la DDT : état du pont de l’Allier sur la RD 996 avant réouverture.',
        35,
        bridge.id,
      ],
      [
        operatorA,
        'action',
        'logistique',
        'Convoi de 500 couvertures et lits de camp parti de Clermont vers Issoire.',
      ],
      [
        operatorB,
        'information',
        'communication',
        'Communiqué de presse n° 2 diffusé : consignes aux riverains de l’Allier.',
      ],
      [
        operatorA,
        'information',
        'situation',
        'Captage de Vic-le-Comte hors service : distribution d’eau en bouteilles organisée.',
        20,
        water.id,
      ],
      [
        director,
        'decision',
        'direction',
        'Fermeture des écoles des communes riveraines de l’Allier demain matin.',
      ],
      [
        operatorB,
        'information',
        'operations',
        'Camping des Dômes : évacuation terminée, 85 personnes mises en sécurité.',
        10,
        camping.id,
      ],
    ];
    for (const [user, category, cellule, text, ago, incidentId] of log) {
      await created(user, `/api/crises/${crisis.id}/logbook`, {
        category,
        cellule,
        text,
        ...(ago ? { occurredAt: minutesAgo(ago) } : {}),
        ...(incidentId ? { incidentId } : {}),
      });
    }
    for (const [user, cellule, fn] of [
      [director, 'direction', 'Directeur des opérations'],
      [sidpc, 'anticipation', 'Officier SIDPC'],
      [operatorA, 'situation', 'Chef de salle'],
      [operatorB, 'operations', 'Opérations'],
      [sdisLiaison, 'liaison:SDIS63', 'Officier de liaison SDIS'],
    ] as const) {
      await created(user, '/api/cod/positions', { cellule, function: fn });
    }
    return { crisis, incidents, features, tasks };
  }

  // -------------------------------------------------------------------------------- tests

  it('shows on a second operator’s screen, live and without reload, the incidents and main courante entries of the first', async () => {
    const crisis = await createCrisis(operatorA, {
      title: 'Orages sur l’agglomération clermontoise',
      kind: 'inondation',
    });
    const [a, b] = await Promise.all([
      openConsole(operatorA, crisis.id),
      openConsole(operatorB, crisis.id),
    ]);
    await waitForText(b.page.getByTestId('incident-count'), '0 événement');
    await noReloadMark(b.page);

    // A: « Nouvel événement », a click on the map, the form, save
    await a.page.getByTestId('incident-new').click();
    await a.page.getByTestId('incident-placing').waitFor();
    const box = await mapBox(a.page);
    await a.page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.55);
    const form = a.page.getByTestId('incident-form');
    await form.waitFor();
    expect(await form.locator('input[name="lat"]').inputValue()).toMatch(/^4[56]\.\d+$/);
    expect(await form.locator('input[name="lon"]').inputValue()).toMatch(/^[23]\.\d+$/);
    const fromUi = 'Arbres tombés sur la voie ferrée';
    await form.locator('input[name="title"]').fill(fromUi);
    await form.locator('select[name="kind"]').selectOption('autre');
    await form.locator('select[name="severity"]').selectOption('grave');
    await form.locator('input[name="evacues"]').fill('12');
    await a.page.getByTestId('incident-submit').click();
    await waitForText(a.page.getByTestId('incident-details'), fromUi, { contains: true });

    await waitForText(incidentRow(b.page, fromUi), fromUi, { contains: true, timeout: 5_000 });
    await waitForText(b.page.getByTestId('incident-count'), '1 événement');

    // one created through the API: both screens
    const fromApi = 'Rue inondée avenue de Royat';
    await createIncident(operatorA, crisis.id, {
      title: fromApi,
      kind: 'inondation',
      severity: 'moyenne',
      location: point([3.0608, 45.7728]),
    });
    await waitForText(incidentRow(b.page, fromApi), fromApi, { contains: true, timeout: 5_000 });
    await waitForText(b.page.getByTestId('incident-count'), '2 événements');
    await waitForText(a.page.getByTestId('incident-count'), '2 événements', { timeout: 5_000 });
    // most severe first
    expect(
      await b.page.locator('[data-testid="incident-row"] .vigie-incident__title').allTextContents(),
    ).toEqual([fromUi, fromApi]);

    // on B's map: the row centres the map on the incident, whose marker is there
    for (const title of [fromApi, fromUi]) {
      await incidentRow(b.page, title).click();
      await waitForText(b.page.getByTestId('incident-details'), title, { contains: true });
      await expectMarkerAtCentre(b.page, title);
    }

    // main courante: B has the timeline open, A writes
    await tab(b.page, 'Main courante').click();
    await waitForText(b.page.getByTestId('logbook-count'), 'inscription', { contains: true });
    await tab(a.page, 'Main courante').click();
    const text = 'SNCF : circulation interrompue entre Clermont et Vichy jusqu’à nouvel ordre.';
    await a.page.getByTestId('logbook-category').selectOption('information');
    await a.page.getByTestId('logbook-cellule').selectOption('operations');
    await a.page.getByTestId('logbook-text').fill(text);
    await a.page.getByTestId('logbook-submit').click();
    const entry = b.page.getByTestId('logbook-entry').filter({ hasText: text });
    await waitForText(entry, text, { contains: true, timeout: 5_000 });
    await waitForText(entry, 'Olivier Martin', { contains: true });

    await expectNotReloaded(b.page);
    expect({ a: await a.problems.list(), b: await b.problems.list() }).toEqual({ a: [], b: [] });
  });

  it('saves a drawn perimeter and shows the communes it affects', async () => {
    const crisis = await createCrisis(operatorA, {
      title: 'Fuite de gaz, centre de Clermont',
      kind: 'industriel',
    });
    const { page, problems } = await openConsole(operatorA, crisis.id);

    // over Clermont-Ferrand first
    await page.getByTestId('map-search-input').fill('Clermont');
    await page
      .getByTestId('map-search-option')
      .filter({ hasText: 'Clermont-Ferrand' })
      .first()
      .click();
    await page.waitForTimeout(1_000);

    await page.getByTestId('map-draw-kind').selectOption('perimetre_securite');
    await page.getByTestId('map-draw-polygon').click();
    await waitForText(page.getByTestId('map-draw-status'), 'sommet', { contains: true });
    // around the centre of Clermont-Ferrand and east to Aulnat, clear of the map's own panels
    // (search and drawing tools top left, layers top right, zoom bottom right)
    const box = await mapBox(page);
    const at = (fx: number, fy: number): [number, number] => [
      box.x + box.width * fx,
      box.y + box.height * fy,
    ];
    const corners = [at(0.42, 0.3), at(0.85, 0.3), at(0.85, 0.72), at(0.42, 0.72)];
    for (const [x, y] of corners) {
      await page.mouse.click(x, y);
      await page.waitForTimeout(80);
    }
    await page.mouse.click(...corners[0]); // the first vertex again closes the perimeter

    const impact = page.getByTestId('feature-impact');
    await waitForText(impact, 'communes', { contains: true, timeout: 10_000 });
    await waitForText(impact, 'Clermont-Ferrand', { contains: true });

    const { data } = (await api(operatorB).get(`/api/crises/${crisis.id}/features`)).body as {
      data: MapFeature[];
    };
    expect(data).toHaveLength(1);
    const [feature] = data;
    expect(feature.kind).toBe('perimetre_securite');
    expect(feature.geometry.type).toBe('Polygon');
    const names = feature.affectedCommunes.map((c) => c.name);
    expect(names).toContain('Clermont-Ferrand');
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(feature.affectedPopulation).toBeGreaterThan(100_000);
    // the panel names what the server computed (the 12 most populated)
    const shown = (await impact.textContent()) ?? '';
    expect(shown).toContain(`${names.length} communes`);
    for (const c of [...feature.affectedCommunes]
      .sort((x, y) => y.population - x.population)
      .slice(0, 12))
      expect(shown).toContain(c.name);
    expect(await page.getByTestId('feature-details').getAttribute('data-feature-id')).toBe(
      feature.id,
    );
    expect(await problems.list()).toEqual([]);
  });

  it('shows each role only the controls it may use, and the API refuses the others anyway', async () => {
    const { crisis } = await demo();
    const [viewerScreen, operatorScreen, directorScreen] = await Promise.all([
      openConsole(viewer, crisis.id),
      openConsole(operatorA, crisis.id),
      openConsole(director, crisis.id),
    ]);
    const count = (page: Page, selector: string) => page.locator(selector).count();
    const transitions = '[data-testid^="cod-transition-"]';

    /** Waits for the banner, the list and the map's controls: absent controls are not late. */
    async function settled(page: Page): Promise<void> {
      await page.locator('[data-testid="cod-banner"][data-level="active_restreint"]').waitFor();
      await waitForText(page.getByTestId('incident-count'), '12 événements');
      await page.getByTestId('map-search-input').waitFor();
    }
    await Promise.all([viewerScreen, operatorScreen, directorScreen].map((s) => settled(s.page)));

    // the director (positive control: the selector finds the buttons when they are there)
    expect(await count(directorScreen.page, transitions)).toBe(2);
    await directorScreen.page.getByTestId('cod-transition-active_elargi').waitFor();

    const v = viewerScreen.page;
    expect({
      incidentNew: await count(v, '[data-testid="incident-new"]'),
      codTransitions: await count(v, transitions),
      drawPolygon: await count(v, '[data-testid="map-draw-polygon"]'),
      drawKind: await count(v, '[data-testid="map-draw-kind"]'),
      crisisCreate: await count(v, '[data-testid="crisis-create-open"]'),
    }).toEqual({ incidentNew: 0, codTransitions: 0, drawPolygon: 0, drawKind: 0, crisisCreate: 0 });
    await tab(v, 'Main courante').click();
    await waitForText(v.getByTestId('logbook-count'), 'inscriptions', { contains: true });
    expect(await count(v, '[data-testid="logbook-composer"]')).toBe(0);
    expect(await count(v, '[data-testid="logbook-promote"]')).toBe(0);
    await tab(v, 'Missions').click();
    await v.getByTestId('task-card').first().waitFor();
    expect(await count(v, '[data-testid="task-new"], [data-testid^="task-action-"]')).toBe(0);

    const o = operatorScreen.page;
    expect(await count(o, transitions)).toBe(0);
    await o.getByTestId('incident-new').waitFor();
    await o.getByTestId('map-draw-polygon').waitFor();
    await tab(o, 'Main courante').click();
    await o.getByTestId('logbook-composer').waitFor();
    expect(await count(o, transitions)).toBe(0);

    // the API: a COD transition the director could make (403, not 409), an incident
    const cod = (await api(director).get('/api/cod')).body as {
      level: string;
      allowedTransitions: string[];
    };
    expect(cod.allowedTransitions.length).toBeGreaterThan(0);
    const byOperator = await api(operatorA).post('/api/cod/transitions', {
      to: cod.allowedTransitions[0],
      reason: 'Essai sans habilitation',
    });
    expect([byOperator.status, byOperator.body.code]).toEqual([403, 'forbidden']);
    const byViewer = await api(viewer).post('/api/incidents', {
      crisisId: crisis.id,
      title: 'Signalement d’un lecteur',
      kind: 'autre',
      severity: 'faible',
      location: point([3.08, 45.77]),
    });
    expect(byViewer.status).toBe(403);
    expect(((await api(viewer).get(`/api/cod`)).body as { level: string }).level).toBe(cod.level);
  });

  it('has no serious or critical axe violation on the login page, the console, each panel and the incident form', async () => {
    const { crisis } = await demo();
    const { page, problems } = await newScreen();
    const found: Record<string, string[]> = {};
    const check = async (screen: string) => {
      found[screen] = seriousViolations(await runAxe(page));
    };

    // signed out, the console sends to the login page, which comes back to it
    await page.goto(`${t.url}/console?crise=${crisis.id}`);
    await waitForPath(page, '/connexion');
    await waitForText(page.getByRole('heading', { level: 1 }), 'Connexion à Vigie');
    await check('connexion');
    await page.getByLabel('Adresse électronique').fill(operatorB.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await consoleReady(page, crisis.id);
    await waitForText(page.getByTestId('incident-count'), '12 événements');
    await page.locator('[data-testid="cod-banner"][data-level]').waitFor();
    await check('console — Événements');

    const panels: [string, (p: Page) => Promise<unknown>][] = [
      [
        'Main courante',
        (p) => waitForText(p.getByTestId('logbook-count'), 'inscriptions', { contains: true }),
      ],
      ['Missions', (p) => p.getByTestId('task-card').first().waitFor()],
      ['Bilan', (p) => p.getByTestId('summary-counters').waitFor()],
      ['En salle', (p) => p.getByTestId('positions-count').waitFor()],
    ];
    for (const [name, loaded] of panels) {
      await tab(page, name).click();
      await loaded(page);
      await check(`console — ${name}`);
    }

    await tab(page, 'Événements').click();
    await incidentRow(page, 'Quartier du Pont évacué').click();
    await page.getByTestId('incident-details').waitFor();
    await check('console — incident details');
    await page.getByTestId('incident-new').click();
    await page.getByRole('button', { name: 'Saisir les coordonnées' }).click();
    await page.getByTestId('incident-form').waitFor();
    await check('console — incident form');

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    expect(Object.keys(found)).toHaveLength(8);
    expect(await problems.list()).toEqual([]);
  });

  it('saves a screenshot of the console during an exercise (test-results/console-cod.png)', async () => {
    const { crisis, incidents } = await demo();
    const { page, problems } = await openConsole(operatorA, crisis.id, {
      width: 1600,
      height: 1000,
    });
    await waitForText(page.getByTestId('incident-count'), `${incidents.length} événements`);
    await page.locator('[data-testid="cod-banner"][data-level="active_restreint"]').waitFor();
    await waitForText(page.getByTestId('cod-level'), 'COD activé', { contains: true });
    await page.getByTestId('exercise-band').waitFor();
    await waitForText(page.getByRole('tab', { name: /^Missions/ }), '1', { contains: true });

    // one step closer than the department view, then a step east and one south with the
    // keyboard: Clermont, Thiers and the Allier down to Brassac-les-Mines fill the map
    await page.locator('.leaflet-control-zoom-in').click();
    await page.locator('[data-testid="map"] .leaflet-container').focus();
    for (const key of ['ArrowRight', 'ArrowDown']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(300);
    }
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.mouse.move(5, 5); // no hover, no tooltip
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(700);

    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
    expect(await problems.list()).toEqual([]);
  });

  // The map re-measures its container on layout changes (ResizeObserver in map-view.tsx): after
  // the side panel is widened, centring still uses the real size.
  it(
    'keeps the focused incident at the centre of the map after the side panel is widened',
    async () => {
      const { crisis } = await demo();
      const { page } = await openConsole(operatorA, crisis.id);
      await page.locator('.vigie-workspace__widen').click();
      await page.locator('.vigie-workspace--wide').waitFor();
      await page.waitForTimeout(200);
      const title = 'Captage d’eau potable hors service';
      await incidentRow(page, title).click();
      await waitForText(page.getByTestId('incident-details'), title, { contains: true });
      await expectMarkerAtCentre(page, title, 2_000);
    },
  );

  // last: the app of this file is replaced by a new one
  it('shows « Reconnexion… » while the server is down, then the state reached meanwhile', async () => {
    const crisis = await createCrisis(operatorA, {
      title: 'Coupure électrique, Riom',
      kind: 'autre',
    });
    const { context, page } = await openConsole(operatorB, crisis.id);
    await waitForText(page.getByTestId('incident-count'), '0 événement');
    await noReloadMark(page);
    const banner = page.getByTestId('connection-banner');
    const frozenAt = /données figées à \d{2}:\d{2}/;
    expect(await banner.count()).toBe(0);

    await stopTestApp(t);
    await waitForText(banner, 'Reconnexion…', { contains: true, timeout: 10_000 });
    expect(await banner.getAttribute('data-status')).toBe('reconnecting');
    expect((await banner.textContent()) ?? '').toMatch(frozenAt);
    await waitForText(page.getByTestId('connection-indicator'), 'Reconnexion…');

    // the page's own network drops too, so that what follows happens while it is away for sure
    // (its socket retries with a backoff: the first retry could otherwise beat the REST call)
    await context.setOffline(true);
    await waitForText(banner, 'Hors ligne', { contains: true });
    expect(await banner.getAttribute('data-status')).toBe('offline');
    expect((await banner.textContent()) ?? '').toMatch(frozenAt);

    // back on the same port, database and secrets; an incident is reported meanwhile
    await startAgain(t);
    const title = 'Poste source de Riom hors service';
    await createIncident(operatorA, crisis.id, {
      title,
      kind: 'coupure_electricite',
      severity: 'grave',
      location: point([3.1134, 45.8936]),
      counters: { foyers_sans_electricite: 4200 },
    });
    await page.waitForTimeout(300);
    expect(await incidentRow(page, title).count()).toBe(0);
    expect(await banner.isVisible()).toBe(true);

    await context.setOffline(false);
    await waitForText(incidentRow(page, title), title, { contains: true, timeout: 15_000 });
    await waitForText(page.getByTestId('incident-count'), '1 événement');
    await waitForText(page.getByTestId('connection-indicator'), 'Connecté');
    expect(await banner.count()).toBe(0);
    await expectNotReloaded(page);

    // the session outlived the server: a reload signs in again from the refresh cookie
    await page.reload();
    await consoleReady(page, crisis.id);
    await waitForText(incidentRow(page, title), title, { contains: true });
  });
});
