import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoSeeder } from '../server/src/demo/demo.seeder';
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

/** The interventions and fire-rescue screens in Chromium, on the demo data, checked with axe. */
describe('browser: interventions des élus and incendie et secours', () => {
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
    await t.app.get(DemoSeeder).seed();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'fr-FR' });
    page = await context.newPage();
    problems = await watchPageProblems(page, (_text, url) => url.endsWith('/favicon.ico'));
  });
  afterEach(() => context?.close());

  /** Signs in; Cabinet staff land on the Cabinet's modules, the others on the COD console. */
  async function login(email: string, home = '/console'): Promise<void> {
    await page.goto(`${t.url}/connexion`);
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await waitForPath(page, home);
  }

  it('shows the register, an intervention and the dashboard to the Cabinet, axe clean', async () => {
    await login('cabinet@vigie.test', '/cabinet');
    await page.goto(`${t.url}/cabinet/interventions`);
    await waitForText(page.getByRole('heading', { level: 1 }), 'Interventions des élus');
    const rows = page.getByTestId('interventions-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(10);
    await waitForText(page.getByTestId('interventions-table'), 'En retard', { contains: true });
    const found: Record<string, string[]> = { register: seriousViolations(await runAxe(page)) };

    await rows.first().getByRole('link').click();
    await page.getByTestId('intervention-detail').waitFor();
    await waitForText(page.getByRole('heading', { level: 3, name: 'Historique' }), 'Historique');
    found.detail = seriousViolations(await runAxe(page));

    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByTestId('interventions-dashboard').waitFor();
    await page.getByTestId('stat-open').waitFor();
    expect(Number(await page.getByTestId('stat-open').textContent())).toBeGreaterThan(0);
    found.dashboard = seriousViolations(await runAxe(page));

    expect(found).toEqual({ register: [], detail: [], dashboard: [] });
    expect(await problems.list()).toEqual([]);
  });

  it('shows a liaison officer only the interventions routed to their service', async () => {
    await login('sdis@vigie.test');
    await page.goto(`${t.url}/cabinet/interventions`);
    const table = page.getByTestId('interventions-table');
    await table.locator('tbody tr').first().waitFor();
    const services = await table.locator('tbody tr td:nth-child(7)').allTextContents();
    expect(services.length).toBeGreaterThan(0);
    expect(new Set(services)).toEqual(
      new Set(["Service départemental d'incendie et de secours (SDIS 63)"]),
    );
    expect(await page.getByRole('link', { name: 'Nouvelle intervention' }).count()).toBe(0);
    expect(await problems.list()).toEqual([]);
  });

  it('shows the fire stations, the sector coverage and the document alerts, axe clean', async () => {
    await login('directeur@vigie.test');
    await page.goto(`${t.url}/cabinet/secours`);
    await waitForText(page.getByRole('heading', { level: 1 }), 'Incendie et secours');
    const rows = page.getByTestId('cis-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(58);
    await waitForText(page.getByTestId('document-alerts'), 'CoTRRiM', { contains: true });
    const found: Record<string, string[]> = { cis: seriousViolations(await runAxe(page)) };

    await page.getByRole('link', { name: 'Secteurs de premier appel' }).click();
    await waitForText(page.getByTestId('sectors'), '463 communes couvertes sur 463', {
      contains: true,
    });
    found.sectors = seriousViolations(await runAxe(page));

    await page.getByRole('link', { name: 'Statistiques' }).click();
    await waitForText(page.getByRole('table'), 'Secours à personne', { contains: true });
    found.stats = seriousViolations(await runAxe(page));

    expect(found).toEqual({ cis: [], sectors: [], stats: [] });
    expect(await problems.list()).toEqual([]);
  });
});
