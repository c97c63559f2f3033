import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); never a browser downloaded by Playwright. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The client the app serves with SERVE_CLIENT (built by `npm test` before jest runs). */
export const CLIENT_INDEX = join(__dirname, '..', '..', 'dist', 'client', 'index.html');

/** Throws a clear message when the client has not been built. */
export function assertClientBuilt(): void {
  if (!existsSync(CLIENT_INDEX)) {
    throw new Error(
      `${CLIENT_INDEX} is missing: build the client first ` +
        '(`npx vite build --config client/vite.config.mts`, or `npm test`, which builds before jest).',
    );
  }
}

/** Headless Chromium, quiet on the network (the machine has no other network than loopback). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (\`apt-get install -y chromium\`) ` +
        'or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Waits until the (single) element of `locator` is visible and its text equals `expected`
 * (its DOM text, whitespace-normalised, before any CSS text-transform; with `contains`, includes
 * it). Fails with the last text seen.
 */
export async function waitForText(
  locator: Locator,
  expected: string,
  { timeout = 10_000, contains = false }: { timeout?: number; contains?: boolean } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: string;
  for (;;) {
    try {
      if (await locator.isVisible()) {
        last = normalize((await locator.textContent({ timeout: 1_000 })) ?? '');
        if (contains ? last.includes(expected) : last === expected) return;
      } else {
        last = '<not visible>';
      }
    } catch (e) {
      last = `<${e instanceof Error ? e.message.split('\n')[0] : String(e)}>`;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `${String(locator)}: expected text ${contains ? 'containing' : 'equal to'} ` +
          `"${expected}" within ${timeout} ms, last seen: "${last}"`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the page's path is `pathname` (client-side navigations included). */
export async function waitForPath(page: Page, pathname: string, timeout = 10_000): Promise<void> {
  try {
    await page.waitForURL((url) => url.pathname === pathname, { timeout, waitUntil: 'commit' });
  } catch {
    throw new Error(
      `expected the page at ${pathname} within ${timeout} ms, it is at ${page.url()}`,
    );
  }
}

export interface PageProblems {
  /** Console errors, uncaught exceptions and CSP violations seen so far, one line each. */
  list(): Promise<string[]>;
}

/** Records into `window.__csp` every CSP violation of every document the page loads. */
const CSP_RECORDER = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') +
      ' at ' + e.sourceFile + ':' + e.lineNumber + (e.sample ? ' sample: ' + e.sample : ''));
  });
`;

/**
 * Starts watching a page (call before the first navigation): console errors, uncaught
 * exceptions, and CSP violations (from the console and the `securitypolicyviolation` event of
 * the current document). `ignore` drops console errors that are expected.
 */
export async function watchPageProblems(
  page: Page,
  ignore: (text: string, url: string) => boolean = () => false,
): Promise<PageProblems> {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const { url } = msg.location();
    if (!ignore(msg.text(), url)) problems.push(`console.error: ${msg.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
  await page.addInitScript(CSP_RECORDER);
  return {
    async list() {
      const csp = (await page.evaluate('window.__csp ?? []').catch(() => [])) as string[];
      return [...problems, ...csp.map((v) => `CSP violation: ${v}`)];
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core on the page as it is. The source is evaluated through the DevTools protocol,
 * which the page's CSP (`script-src 'self'`) does not apply to, so no bypass is needed.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core'), 'utf8');
  await page.evaluate(`${axeSource}\n;true`);
  return page.evaluate(`
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      })),
    )
  `) as Promise<AxeViolation[]>;
}

/** The serious and critical violations, one line each, for a failure message. */
export function seriousViolations(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' | ')}`);
}
