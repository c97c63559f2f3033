import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Crisis } from '../server/src/contracts/crisis';
import type { Decision } from '../server/src/contracts/direction';
import { OutboxRelay } from '../server/src/realtime/outbox-relay';
import {
  assertClientBuilt,
  launchBrowser,
  runAxe,
  seriousViolations,
  waitForPath,
  waitForText,
  watchPageProblems,
} from './support/browser';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

type User = { id: string; email: string; token: string };

/**
 * The direction view on a phone-sized Chromium (360 × 740, touch) against the real server:
 * it shows the state, the director approves in one tap, the operator's console shows it live;
 * axe finds no serious or critical violation; the app is installable (manifest, service worker).
 */
describe('browser: direction view on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let director: User;
  let operator: User;

  beforeAll(async () => {
    assertClientBuilt();
    const [app, chromium] = await Promise.allSettled([startTestApp({ SERVE_CLIENT: true }), launchBrowser()]);
    if (app.status === 'fulfilled') t = app.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    for (const started of [app, chromium]) if (started.status === 'rejected') throw started.reason;
    [director, operator] = await Promise.all([
      t.userWithToken(['director'], { displayName: 'Directeur Dupuy' }),
      t.userWithToken(['cod_operator'], { displayName: 'Opératrice Martin' }),
    ]);
    for (let i = 0; i < 50 && !t.app.get(OutboxRelay).isLeader; i++) await new Promise((r) => setTimeout(r, 100));
  }, 30_000);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await t?.close();
  });

  async function signedIn(user: User, path: string, phone: boolean): Promise<Page> {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1400, height: 900 } }),
    });
    contexts.push(context);
    const login = await context.request.post(`${t.url}/api/auth/login`, { data: { email: user.email, password: TEST_PASSWORD } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${t.url}${path}`);
    await waitForPath(page, path.split('?')[0]);
    return page;
  }

  it('loads the state, approves in one tap, the operator’s console shows the answer, and offline it shows the last known state', async () => {
    const auth = (u: User) => ({ Authorization: `Bearer ${u.token}` });
    const crisis = (await t.http.post('/api/crises').set(auth(operator)).send({ title: 'Crue de l’Allier', kind: 'inondation', exercise: true })).body as Crisis;
    const incident = await t.http
      .post('/api/incidents')
      .set(auth(operator))
      .send({
        crisisId: crisis.id,
        title: 'Camping des Sables inondé',
        kind: 'inondation',
        severity: 'grave',
        location: { type: 'Point', coordinates: [3.26, 45.79] },
        counters: { evacues: 42, heberges: 12 },
      });
    expect(incident.status).toBe(201);
    const decision = (
      await t.http
        .post('/api/decisions')
        .set(auth(operator))
        .send({ crisisId: crisis.id, question: 'Évacuer le camping des Sables ?', options: ['Évacuer maintenant', 'Attendre 18 h'], urgency: 'urgente' })
    ).body as Decision;

    const phone = await signedIn(director, '/direction', true);
    const problems = await watchPageProblems(phone, (text, url) => /\/favicon\.(ico|svg)$/.test(url) && text.includes('404'));
    await waitForText(phone.getByRole('heading', { level: 1 }), 'Direction');
    await waitForText(phone.getByTestId('direction-status'), 'En direct');
    const card = phone.locator(`[data-testid="direction-crisis"][data-crisis-id="${crisis.id}"]`);
    await waitForText(card, 'Crue de l’Allier', { contains: true });
    await waitForText(card.locator('[data-counter="evacues"]'), '42');
    await waitForText(phone.getByTestId('direction-cod'), 'Veille', { contains: true });
    const pending = phone.locator(`[data-testid="decision-card"][data-decision-id="${decision.id}"]`);
    await waitForText(pending, 'Évacuer le camping des Sables ?', { contains: true });

    // nothing wider than the phone
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // installable: the manifest is linked and served, the service worker registers
    expect(await phone.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    const manifest = await phone.context().request.get(`${t.url}/manifest.webmanifest`);
    expect(((await manifest.json()) as { start_url: string }).start_url).toBe('/direction');
    await phone.waitForFunction(`navigator.serviceWorker.getRegistration('/').then((r) => !!(r && r.active))`, undefined, { timeout: 10_000 });

    const violations = seriousViolations(await runAxe(phone));
    expect(violations).toEqual([]);

    // the operator's console, on the crisis
    const desk = await signedIn(operator, `/console?crise=${crisis.id}`, false);
    await waitForText(desk.getByTestId('connection-indicator'), 'Connecté');
    const line = desk.locator(`[data-testid="console-decision"][data-decision-id="${decision.id}"]`);
    await waitForText(line, 'En attente', { contains: true });

    // one tap on the phone
    await pending.getByRole('button', { name: 'Approuver : Évacuer maintenant' }).tap();
    await waitForText(desk.locator(`[data-testid="console-decision"][data-decision-id="${decision.id}"][data-status="approved"]`), 'Approuvée par Directeur Dupuy', {
      contains: true,
    });
    await waitForText(desk.locator(`[data-testid="console-decision"][data-decision-id="${decision.id}"]`), 'Évacuer maintenant', { contains: true });
    // the phone no longer lists it as pending
    await pending.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await problems.list()).toEqual([]);

    // offline: the service worker serves the last known state, with its time, without the server
    await phone.waitForFunction(`caches.open('vigie-data-v1').then((c) => c.match('/api/direction/overview')).then((r) => !!r)`, undefined, {
      timeout: 10_000,
    });
    await phone.context().setOffline(true);
    await phone.goto(`${t.url}/direction`);
    await waitForText(phone.getByRole('status'), 'Hors ligne — dernier état connu le', { contains: true });
    await waitForText(phone.locator('main'), 'Crue de l’Allier', { contains: true });
    expect(seriousViolations(await runAxe(phone))).toEqual([]);
  });
});
