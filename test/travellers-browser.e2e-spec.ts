import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { seedDemoTravellers } from '../server/src/travellers/demo-travellers';
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

/** The gens du voyage screens in real Chromium, on the Puy-de-Dôme demo data. */
describe('browser: gens du voyage', () => {
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
    if (app.status === 'fulfilled') t = app.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    for (const started of [app, chromium]) if (started.status === 'rejected') throw started.reason;
    const ds = t.app.get(DataSource);
    expect(await ds.transaction((m) => seedDemoTravellers(m, new Date()))).toEqual({ aires: 21 });
    // idempotent
    expect(await ds.transaction((m) => seedDemoTravellers(m, new Date()))).toEqual({ aires: 0 });
    context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1400, height: 1000 },
    });
    page = await context.newPage();
  }, 90_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('shows every tab with the demo data, without console errors or serious axe violations', async () => {
    const user = await t.userWithToken(['cabinet_staff'], { displayName: 'Claire Agent' });
    const problems = await watchPageProblems(
      page,
      (text, url) => /\/favicon\.(ico|svg)$/.test(url) && text.includes('404'),
    );
    await page.goto(`${t.url}/connexion`);
    await page.getByLabel('Adresse électronique').fill(user.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await waitForPath(page, '/cabinet');

    const violations: Record<string, string[]> = {};
    const check = async (name: string) => {
      violations[name] = seriousViolations(await runAxe(page));
    };

    await page.goto(`${t.url}/cabinet/gens-du-voyage`);
    await waitForText(page.getByRole('heading', { level: 1 }), 'Accueil des gens du voyage');
    await page.getByTestId('travellers-schema-epci').first().waitFor();
    expect(await page.getByTestId('travellers-schema-epci').count()).toBe(8);
    await waitForText(
      page.getByTestId('travellers-schema-epci').first(),
      "CA Agglo Pays d'Issoire",
      {
        contains: true,
      },
    );
    await check('schéma');

    await page.getByRole('tab', { name: 'Aires et occupation' }).click();
    await waitForPath(page, '/cabinet/gens-du-voyage/aires');
    await page.getByTestId('travellers-aire').first().waitFor();
    expect(await page.getByTestId('travellers-aire').count()).toBe(21);
    await waitForText(page.getByTestId('travellers-aires'), 'Aire d’accueil des Gravanches', {
      contains: true,
    });
    await check('aires');

    await page.getByRole('tab', { name: 'Grands passages' }).click();
    // the demo seeds last and next summer: the current year is always one of them
    await page.getByTestId('travellers-passage').first().waitFor();
    expect(await page.getByTestId('travellers-passage').count()).toBe(8);
    await check('grands passages');
    await page.screenshot({ path: 'test-results/travellers-passages.png', fullPage: true });

    await page.getByRole('tab', { name: 'Stationnements illicites' }).click();
    const ongoing = page.locator(
      '[data-testid="travellers-settlement"][data-status="mise_en_demeure"]',
    );
    await waitForText(ongoing, 'Pont-du-Château', { contains: true });
    await ongoing.getByRole('button').click();
    await waitForText(page.getByTestId('travellers-settlement-status'), 'Mise en demeure notifiée');
    await waitForText(page.getByTestId('travellers-deadlines'), 'Fin du délai d’exécution', {
      contains: true,
    });
    expect(
      await page.locator('[data-testid="travellers-preconditions"] li[data-met="true"]').count(),
    ).toBe(4);
    await check('procédure');
    await page.screenshot({ path: 'test-results/travellers-procedure.png', fullPage: true });

    await page.getByRole('tab', { name: 'Carte' }).click();
    await waitForText(page.getByTestId('travellers-map-settlements'), 'Pont-du-Château', {
      contains: true,
    });
    await page.locator('.vigie-gdv-map .leaflet-container').waitFor();
    await check('carte');
    await page.screenshot({ path: 'test-results/travellers-map.png' });

    expect(violations).toEqual({
      schéma: [],
      aires: [],
      'grands passages': [],
      procédure: [],
      carte: [],
    });
    expect(await problems.list()).toEqual([]);
  }, 120_000); // one walk through five tabs, each checked by axe: slow on a shared machine
});
