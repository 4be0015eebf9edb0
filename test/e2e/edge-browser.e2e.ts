import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { launchChromium } from '../support/browser.js';
import { until } from '../support/until.js';

/**
 * The Content-Security-Policy in a real browser (Chromium): the web app works under it page after page, signed in
 * or not, with no violation; an injected inline script is refused; the GraphiQL page's own inline script runs and
 * reaches the api (its CDN files are stood in for, as the tests run offline).
 */

const COSTA_RICA = 'Costa Rica: protecting children in travel and tourism 2010-2013';
/** What an injected script would do: add an inline <script> to the page. */
const INJECT_SCRIPT =
  "document.body.append(Object.assign(document.createElement('script'), { textContent: 'globalThis.__injected = true' }))";

/** Every CSP violation the page reports, from the page's own event and from the browser's console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  // Strings, not functions: this file is type-checked without the DOM's types.
  await page.addInitScript(
    "globalThis.__cspViolations = []; document.addEventListener('securitypolicyviolation', (event) => globalThis.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));",
  );
  return async () => [...logged, ...(await page.evaluate<string[]>('globalThis.__cspViolations ?? []'))];
}

async function seeded(api: RunningApi): Promise<void> {
  await until(
    () => api.graphql<{ plans: { totalCount: number } }>('{ plans { totalCount } }'),
    (res) => (res.data?.plans.totalCount ?? 0) >= 2,
    250,
  );
}

describe('the Content-Security-Policy in a browser', () => {
  let dataDir: string;
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = tempDataDir('npa-e2e-edge-browser-');
    api = await startApi({ dataDir, env: { SEED_DEMO: 'true', DEMO_LOGIN: 'true' } });
    await seeded(api);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    removeDir(dataDir);
  });

  it('lets the web app work page after page, anonymous and signed in, with no violation', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    page.setDefaultTimeout(60_000);
    const violations = await watchViolations(page);
    const operations: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql')
        operations.push(String((request.postDataJSON() as { operationName?: string }).operationName));
    });
    try {
      await page.goto(api.url);
      // The index page's inline script runs under the policy: it sends the first page's queries, and the app takes
      // their answers instead of asking again.
      await page.getByRole('link', { name: COSTA_RICA }).waitFor();
      expect(operations).toEqual(['PlatformDate', 'Plans']);
      await page.getByRole('link', { name: COSTA_RICA }).click();
      await page.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
      await page.getByRole('table').filter({ hasText: 'Owner' }).waitFor();
      await page.getByRole('link', { name: "Members implement The Code's six criteria" }).first().click();
      await page.getByRole('region', { name: 'Audit trail' }).waitFor();
      await page.getByRole('region', { name: 'Milestones' }).getByRole('link').first().click();
      await page.getByRole('region', { name: /comment/ }).waitFor();
      expect(await violations()).toEqual([]);

      await page.goto(`${api.url}/sign-in`);
      await page.getByLabel('Participant').selectOption({ label: 'Costa Rica plan coordinator (COORDINATOR)' });
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText(/^Signed in as/).waitFor();
      await page.getByRole('link', { name: 'My workspace' }).click();
      await page.getByRole('link', { name: /comments? to moderate$/ }).click();
      await page.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
      expect(await violations()).toEqual([]);

      // The policy is on: a script injected into the page is refused.
      await page.evaluate(INJECT_SCRIPT);
      expect(await page.evaluate('globalThis.__injected ?? false')).toBe(false);
      expect((await violations()).join('\n')).toMatch(/script-src/);
    } finally {
      await page.close();
    }
  });

  it('lets the GraphiQL page run its inline script and query the api, and nothing more', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    const violations = await watchViolations(page);
    // Stand-ins for GraphiQL's files on its CDN: React renders what the page's inline script asks, with its fetcher.
    const standIns: Record<string, string> = {
      'react.development.js': 'globalThis.React = { createElement: (component, props) => ({ component, props }) };',
      'react-dom.development.js':
        'globalThis.ReactDOM = { render: (element, node) => element.props.fetcher({ query: "{ serverInfo { version } }" }).then((result) => { node.textContent = "answered " + JSON.stringify(result); }) };',
      'graphiql.min.js':
        'globalThis.GraphiQL = function GraphiQL() {}; GraphiQL.createFetcher = (options) => (params) => fetch(options.url, { method: "POST", headers: { "content-type": "application/json", "apollo-require-preflight": "true" }, body: JSON.stringify(params) }).then((response) => response.json());',
      'graphiql.min.css': '#graphiql { color: black }',
    };
    await page.route('https://unpkg.com/**', (route) => {
      const file = new URL(route.request().url()).pathname.split('/').at(-1)!;
      return route.fulfill({
        status: 200,
        contentType: file.endsWith('.css') ? 'text/css' : 'application/javascript',
        body: standIns[file] ?? '',
      });
    });
    try {
      await page.goto(`${api.url}/graphql`);
      await page.getByText(/^answered /).waitFor();
      expect(await page.locator('#graphiql').innerText()).toMatch(/"serverInfo":\{"version":"/);
      expect(await violations()).toEqual([]);
      await page.evaluate(INJECT_SCRIPT);
      expect(await page.evaluate('globalThis.__injected ?? false')).toBe(false);
    } finally {
      await page.close();
    }
  });
});
