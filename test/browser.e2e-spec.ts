import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RealtimeGateway } from '../server/src/realtime/realtime.gateway';
import { rooms } from '../server/src/realtime/rooms';
import {
  assertClientBuilt,
  launchBrowser,
  runAxe,
  seriousViolations,
  waitForPath,
  waitForText,
  watchPageProblems,
} from './support/browser';
import { startTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

/** The built client in real Chromium against the real server (SERVE_CLIENT). */
describe('browser: login, session and realtime status', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

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
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'fr-FR' });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  const indicator = () => page.getByTestId('connection-indicator');

  /** Fills and sends the login form of the current page. */
  async function submitLogin(email: string, password = TEST_PASSWORD): Promise<void> {
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }

  /** Opens the app at `/`, which sends to the login page, and signs in. */
  async function loginThroughPage(email: string): Promise<void> {
    await page.goto(`${t.url}/`);
    await waitForPath(page, '/connexion');
    await submitLogin(email);
    await waitForPath(page, '/console');
    await waitForText(indicator(), 'Connecté');
  }

  it('logs in through the page and sees Connecté', async () => {
    const user = await t.userWithToken(['cod_operator']);
    await page.goto(`${t.url}/`);
    await waitForPath(page, '/connexion');
    await waitForText(page.getByRole('heading', { level: 1 }), 'Connexion à Vigie');

    await submitLogin(user.email);

    await waitForPath(page, '/console');
    await waitForText(page.getByRole('heading', { level: 1 }), 'Console COD');
    await waitForText(indicator(), 'Connecté');
    expect(await indicator().getAttribute('data-status')).toBe('connected');
    await waitForText(page.getByTestId('current-user'), 'Test cod_operator', { contains: true });
  });

  it('shows the French error for a wrong password, and focuses it', async () => {
    const user = await t.userWithToken(['cod_operator']);
    await page.goto(`${t.url}/connexion`);
    await submitLogin(user.email, 'not-the-password');

    const error = page.locator('[data-testid="login-error"]');
    await waitForText(error, 'Identifiants incorrects', { contains: true });
    expect(new URL(page.url()).pathname).toBe('/connexion');
    // the alert takes the focus so screen readers announce it
    expect(
      await error.evaluate(
        (el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement,
      ),
    ).toBe(true);
  });

  it('raises no console error, uncaught exception or CSP violation during the login flow', async () => {
    const user = await t.userWithToken(['cod_operator']);
    const problems = await watchPageProblems(
      page,
      (text, url) => /\/favicon\.(ico|svg)$/.test(url) && text.includes('404'),
    );
    await loginThroughPage(user.email);
    await waitForText(page.getByTestId('current-user'), 'Test cod_operator', { contains: true });
    expect(await problems.list()).toEqual([]);
  });

  it('keeps the session across a reload, and logging out returns to the login page for good', async () => {
    const user = await t.userWithToken(['cod_operator']);
    await loginThroughPage(user.email);

    // the access token lives in memory only: the reload restores it from the refresh cookie
    await page.reload();
    await waitForPath(page, '/console');
    await waitForText(page.getByRole('heading', { level: 1 }), 'Console COD');
    await waitForText(indicator(), 'Connecté');
    await waitForText(page.getByTestId('current-user'), 'Test cod_operator', { contains: true });

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await waitForPath(page, '/connexion');
    await waitForText(page.getByRole('heading', { level: 1 }), 'Connexion à Vigie');

    await page.reload();
    await waitForPath(page, '/connexion');
    await waitForText(page.getByRole('heading', { level: 1 }), 'Connexion à Vigie');
    expect(await page.getByLabel('Adresse électronique').isVisible()).toBe(true);
    expect(await page.getByTestId('connection-indicator').count()).toBe(0);
  });

  it('shows Reconnexion… when the server drops the socket, then Connecté again', async () => {
    const user = await t.userWithToken(['cod_operator']);
    await loginThroughPage(user.email);

    // the gateway hands its Socket.IO server to the relay (no public getter)
    const io = t.app.get(RealtimeGateway).server;
    expect((await io.in(rooms.user(user.id)).fetchSockets()).length).toBe(1);
    io.in(rooms.user(user.id)).disconnectSockets(true);

    await waitForText(indicator(), 'Reconnexion…', { timeout: 5_000 });
    await waitForText(indicator(), 'Connecté', { timeout: 10_000 });
    expect((await io.in(rooms.user(user.id)).fetchSockets()).length).toBe(1);
  });

  it('has no serious or critical axe violation on the login page and the console', async () => {
    const user = await t.userWithToken(['cod_operator']);
    await page.goto(`${t.url}/connexion`);
    await waitForText(page.getByRole('heading', { level: 1 }), 'Connexion à Vigie');
    const onLogin = seriousViolations(await runAxe(page));

    await submitLogin(user.email);
    await waitForPath(page, '/console');
    await waitForText(indicator(), 'Connecté');
    await waitForText(page.getByTestId('current-user'), 'Test cod_operator', { contains: true });
    const onConsole = seriousViolations(await runAxe(page));

    expect({ '/connexion': onLogin, '/console': onConsole }).toEqual({
      '/connexion': [],
      '/console': [],
    });
  });

  it('opens the Cabinet modules and finds a commune in the territorial reference', async () => {
    const user = await t.userWithToken(['cabinet_staff']);
    await page.goto(`${t.url}/connexion`);
    await submitLogin(user.email);
    // Cabinet staff do not read the crisis picture: they land on their modules
    await waitForPath(page, '/cabinet');
    await waitForText(page.getByRole('heading', { level: 1 }), 'Modules du Cabinet');
    const onHub = seriousViolations(await runAxe(page));

    await page.getByRole('link', { name: /Référentiel territorial/ }).click();
    await waitForPath(page, '/cabinet/territoire');
    await page.getByLabel('Commune ou code INSEE').fill('issoire');
    const row = page.getByRole('row', { name: /Issoire 63178/ });
    await waitForText(row, "Commissariat d'Issoire", { contains: true });
    await row.getByRole('button', { name: 'Issoire' }).click();
    await waitForText(page.getByRole('heading', { level: 2 }), 'Élus à informer pour Issoire');
    const onTerritory = seriousViolations(await runAxe(page));
    expect({ '/cabinet': onHub, '/cabinet/territoire': onTerritory }).toEqual({
      '/cabinet': [],
      '/cabinet/territoire': [],
    });
  });
});
