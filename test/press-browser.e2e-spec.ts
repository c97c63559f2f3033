import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertClientBuilt, launchBrowser, type PageProblems, runAxe, seriousViolations, waitForText, watchPageProblems } from './support/browser';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

/**
 * The press office in real Chromium: a press officer drafts and submits a communiqué, the
 * directeur de cabinet validates it in another browser context, the officer publishes it and
 * it appears on the public feed and page. Axe on every screen.
 */
describe('browser: press communiqué from draft to the public feed', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const violations: Record<string, string[]> = {};

  beforeAll(async () => {
    assertClientBuilt();
    const [app, chromium] = await Promise.allSettled([startTestApp({ SERVE_CLIENT: true }), launchBrowser()]);
    if (app.status === 'fulfilled') t = app.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    for (const started of [app, chromium]) if (started.status === 'rejected') throw started.reason;
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  async function signedIn(roles: ('press' | 'director')[], displayName: string): Promise<{ page: Page; problems: PageProblems }> {
    const user = await t.userWithToken(roles, { displayName });
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1300, height: 900 } });
    contexts.push(context);
    const login = await context.request.post(`${t.url}/api/auth/login`, { data: { email: user.email, password: TEST_PASSWORD } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const problems = await watchPageProblems(page, (text, url) => /\/favicon\.(ico|svg)$/.test(url) && text.includes('404'));
    return { page, problems };
  }
  const check = async (page: Page, screen: string) => {
    violations[screen] = seriousViolations(await runAxe(page));
  };
  const status = (page: Page) => page.getByTestId('communique-detail');

  it('draft → submitted → validated by the director in another context → published on the feed', async () => {
    const press = await signedIn(['press'], 'Paula Presse');
    const director = await signedIn(['director'], 'Denis Directeur');
    const title = 'Fermeture du col de la Croix-Morand';

    await press.page.goto(`${t.url}/presse/communiques`);
    await press.page.getByTestId('communique-list').waitFor();
    await check(press.page, 'liste des communiqués');
    await press.page.getByRole('link', { name: 'Nouveau communiqué' }).click();
    await press.page.getByTestId('communique-form').waitFor();
    await press.page.getByLabel('Titre', { exact: true }).fill(title);
    await press.page.getByLabel('Thème', { exact: true }).fill('Routes');
    await press.page.getByRole('textbox', { name: /^Texte/ }).fill('## Consignes\n- **Déviation** par la D983\n- équipements spéciaux obligatoires');
    await check(press.page, 'nouveau communiqué');
    await press.page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await status(press.page).and(press.page.locator('[data-status="brouillon"]')).waitFor();
    await waitForText(press.page.getByTestId('communique-body').locator('strong'), 'Déviation');
    // the press officer is offered neither validation nor publication
    expect(await press.page.getByRole('button', { name: 'Valider' }).count()).toBe(0);
    await press.page.getByRole('button', { name: 'Soumettre à validation' }).click();
    await status(press.page).and(press.page.locator('[data-status="a_valider"]')).waitFor();
    expect(await press.page.getByRole('button', { name: 'Publier' }).count()).toBe(0);
    await check(press.page, 'communiqué à valider (auteur)');

    await director.page.goto(`${t.url}/presse/communiques`);
    await director.page.getByRole('link', { name: title }).click();
    await status(director.page).and(director.page.locator('[data-status="a_valider"]')).waitFor();
    await check(director.page, 'communiqué à valider (directeur)');
    await director.page.getByLabel('Note (facultative)').fill('Validé, diffusion immédiate');
    await director.page.getByRole('button', { name: 'Valider' }).click();
    await status(director.page).and(director.page.locator('[data-status="valide"]')).waitFor();
    await waitForText(director.page.getByTestId('communique-history'), 'Validé, diffusion immédiate', { contains: true });

    await press.page.reload();
    await status(press.page).and(press.page.locator('[data-status="valide"]')).waitFor();
    await press.page.getByRole('button', { name: 'Publier' }).click();
    await status(press.page).and(press.page.locator('[data-status="publie"]')).waitFor();

    const feed = await press.page.context().request.get(`${t.url}/api/public/communiques.atom`);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(`<title>${title}</title>`);
    const publicPage = press.page.context().request;
    expect(await (await publicPage.get(`${t.url}/api/public/communiques.html`)).text()).toContain(title);
    await press.page.goto(`${t.url}/api/public/communiques.html`);
    await waitForText(press.page.getByRole('heading', { level: 2 }).first(), title);
    await check(press.page, 'page publique');

    expect(await press.problems.list()).toEqual([]);
    expect(await director.problems.list()).toEqual([]);
  });

  it('has no serious or critical axe violation on the other press screens', async () => {
    const { page, problems } = await signedIn(['press'], 'Pierre Presse');
    for (const [path, testId] of [
      ['contacts', 'press-contacts'],
      ['demandes', 'press-requests'],
      ['visites', 'press-visits'],
      ['visites/nouvelle', 'visit-form'],
      ['publications', 'press-publications'],
    ] as const) {
      await page.goto(`${t.url}/presse/${path}`);
      await page.getByTestId(testId).waitFor();
      await check(page, path);
    }
    expect(await problems.list()).toEqual([]);
    expect(Object.fromEntries(Object.entries(violations).filter(([, v]) => v.length))).toEqual({});
  });
});
