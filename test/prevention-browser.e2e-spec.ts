import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { seedDemoPrevention } from '../server/src/prevention/demo-prevention';
import { seedDemoRoadSafety } from '../server/src/road-safety/demo-road-safety';
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
import { startTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

/** The prevention and road safety screens with the demo data, in real Chromium, checked with axe. */
describe('browser: prevention and road safety', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    assertClientBuilt();
    const [app, chromium] = await Promise.allSettled([
      startTestApp({ SERVE_CLIENT: true }),
      launchBrowser(),
    ]);
    if (app.status === 'fulfilled') t = app.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    for (const started of [app, chromium]) if (started.status === 'rejected') throw started.reason;
    await t.app.get(DataSource).transaction(async (m) => {
      await seedDemoPrevention(m, new Date());
      await seedDemoRoadSafety(m, new Date());
    });
    const staff = await t.userWithToken(['cabinet_staff'], { displayName: 'Agent du Cabinet' });
    context = await browser.newContext({ locale: 'fr-FR' });
    page = await context.newPage();
    problems = await watchPageProblems(page);
    await page.goto(`${t.url}/connexion`);
    await page.getByLabel('Adresse électronique').fill(staff.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname !== '/connexion', { waitUntil: 'commit' });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  /** Client-side navigation (the session lives in memory). */
  async function open(path: string): Promise<void> {
    await page.evaluate(
      `window.history.pushState({}, '', ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent('popstate'));`,
    );
    await waitForPath(page, path);
  }

  it('prevention: the CLSPD obligation and the FIPD call load with the demo data, axe clean', async () => {
    await open('/cabinet/prevention');
    await waitForText(
      page.getByRole('heading', { level: 1 }),
      'Sécurité publique et prévention de la délinquance',
    );
    await waitForText(page.getByTestId('obligation-missing'), 'sans instance', { contains: true });
    await waitForText(
      page.getByRole('cell', { name: 'CLSPD de Clermont-Ferrand' }).first(),
      'CLSPD de Clermont-Ferrand',
    );
    const onBodies = seriousViolations(await runAxe(page));

    await page.getByRole('tab', { name: 'FIPD' }).click();
    await waitForText(page.getByTestId('call-figures'), 'Enveloppe', { contains: true });
    await page
      .getByRole('button', { name: /^Instruire FIPD-/ })
      .first()
      .click();
    await waitForText(page.getByTestId('application-history'), 'Déposé', { contains: true });
    const onFipd = seriousViolations(await runAxe(page));
    expect({ bodies: onBodies, fipd: onFipd }).toEqual({ bodies: [], fipd: [] });
  });

  it('road safety: dashboards and the accident map load with the demo data, axe clean', async () => {
    await open('/cabinet/securite-routiere');
    await waitForText(page.getByRole('heading', { level: 1 }), 'Sécurité routière');
    await waitForText(page.getByTestId('road-totals'), 'Accidents corporels', { contains: true });
    await waitForText(
      page.getByRole('table', { name: 'Par catégorie d’usager' }),
      'Véhicule léger',
      { contains: true },
    );
    const onDashboard = seriousViolations(await runAxe(page));

    await page.getByRole('tab', { name: 'Carte' }).click();
    await waitForText(page.getByTestId('accident-map'), 'accidents localisés', { contains: true });
    await page.locator('.vigie-cluster').first().waitFor({ timeout: 10_000 });
    const onMap = seriousViolations(await runAxe(page));

    await page.getByRole('tab', { name: 'DGO et PDASR' }).click();
    await waitForText(page.getByTestId('calls-pdasr'), 'PDASR', { contains: true });
    const onPdasr = seriousViolations(await runAxe(page));

    expect({ dashboard: onDashboard, map: onMap, pdasr: onPdasr }).toEqual({
      dashboard: [],
      map: [],
      pdasr: [],
    });
    expect(await problems.list()).toEqual([]);
  });
});
