import type { Browser, Page } from 'playwright-core';
import {
  assertClientBuilt,
  launchBrowser,
  runAxe,
  seriousViolations,
  waitForText,
  watchPageProblems,
} from './support/browser';
import { startTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

/** A Cabinet agent runs a dossier from intake to the arrêté in the built client. */
describe('browser: honours', () => {
  let t: TestApp;
  let browser: Browser;
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
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const axe = async (where: string) =>
    expect({ where, violations: seriousViolations(await runAxe(page)) }).toEqual({
      where,
      violations: [],
    });

  it('creates a dossier, shows the eligibility explanation, retains it and generates the arrêté', async () => {
    const staff = await t.userWithToken(['cabinet_staff'], { displayName: 'Claire Agent' });
    const context = await browser.newContext({ locale: 'fr-FR' });
    page = await context.newPage();
    const problems = await watchPageProblems(page);
    await page.goto(`${t.url}/connexion`);
    await page.getByLabel('Adresse électronique').fill(staff.email);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname !== '/connexion');

    await page.goto(`${t.url}/cabinet/distinctions/dossiers/nouveau`);
    await waitForText(page.getByRole('heading', { level: 2 }), 'Nouveau dossier');
    await page.getByLabel('Nom', { exact: true }).fill('Chabrier');
    await page.getByLabel('Prénom', { exact: true }).fill('Odile');
    await page.getByLabel('Date de naissance').fill('1975-04-02');
    await page.getByLabel('Commune de résidence').selectOption('63300');
    await page.getByLabel('Fonction').fill('technicienne de laboratoire');
    await page.getByLabel('Employeur', { exact: true }).fill('Laboratoires Volcans');
    await page.getByLabel('Ville de l’employeur').fill('Clermont-Ferrand');
    await page.getByLabel('Promotion demandée (facultatif)').fill('2027-07-14');
    await page.getByLabel('Début (1)').fill('2006-03-14');
    await page.getByRole('button', { name: 'Vérifier l’éligibilité' }).click();
    await waitForText(
      page.getByTestId('eligibility-checks'),
      'argent : 21 ans 4 mois au 14/07/2027 ≥ 20 ans — éligible',
    );
    await axe('dossier form');

    await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
    await waitForText(page.locator('#dossier-title'), 'CHABRIER Odile', {
      contains: true,
    });
    await waitForText(
      page.getByTestId('eligibility-checks'),
      'argent : 21 ans 4 mois au 14/07/2027 ≥ 20 ans — éligible',
    );
    for (const state of ['Complet', 'En instruction', 'Avis', 'Retenu']) {
      await page.getByRole('button', { name: `Passer à « ${state} »` }).click();
      await waitForText(page.getByTestId('dossier-status'), state);
    }
    await axe('dossier detail');

    await page.getByRole('link', { name: '14/07/2027' }).click();
    await waitForText(
      page.getByRole('heading', { level: 2 }),
      "Médaille d'honneur du travail — promotion du 14/07/2027",
    );
    await page.getByRole('button', { name: 'Générer l’arrêté' }).click();
    await waitForText(page.getByTestId('promotion-status'), 'Arrêté n°', { contains: true });
    await page.getByRole('button', { name: 'Arrêté (PDF)' }).waitFor();
    await axe('promotion');
    expect(await problems.list()).toEqual([]);
    await context.close();
  });

  it('shows the director the dossiers without the buttons, and refuses other roles', async () => {
    const director = await t.userWithToken(['director']);
    const viewer = await t.userWithToken(['viewer']);
    for (const [user, expected] of [
      [director, 'Dossiers'],
      [viewer, 'Accès réservé'],
    ] as const) {
      const context = await browser.newContext({ locale: 'fr-FR' });
      page = await context.newPage();
      await page.goto(`${t.url}/connexion`);
      await page.getByLabel('Adresse électronique').fill(user.email);
      await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname !== '/connexion');
      await page.goto(`${t.url}/cabinet/distinctions`);
      if (user === director) {
        await waitForText(page.getByRole('heading', { level: 2 }).first(), expected);
        await page.getByRole('link', { name: /^MHT-/ }).click();
        await waitForText(
          page.getByText('Consultation seule', { exact: false }),
          'Consultation seule : seul le Cabinet fait avancer les dossiers.',
        );
        expect(await page.getByRole('button', { name: /Passer à/ }).count()).toBe(0);
      } else {
        await waitForText(page.locator('.fr-alert__title'), expected);
      }
      await context.close();
    }
  });
});
