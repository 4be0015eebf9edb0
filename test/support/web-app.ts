import { expect } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type RunningApi, removeDir, startApi, tempDataDir } from './api-process.js';
import { WCAG_A_AA, axeViolations, launchChromium, screenshot } from './browser.js';
import { tokenFor } from './tokens.js';
import { until } from './until.js';

/** A screenshot, no axe-core violation of any impact and, on a phone, nothing wider than the screen. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await axeViolations(page, WCAG_A_AA)).toEqual([]);
  const width = page.viewportSize()?.width ?? 1280;
  if (width <= 480) {
    // What sticks out, named by tag, class and text, so a failure says where to look.
    const wider = await page.evaluate<string[]>(`(() => {
      const out = [];
      for (const element of document.querySelectorAll('body *')) {
        const box = element.getBoundingClientRect();
        if (box.right > ${width} + 0.5 && !element.closest('.table-scroll, .chart')) out.push(element.tagName.toLowerCase() + '.' + element.className + ' ' + Math.round(box.right) + 'px "' + (element.textContent || '').slice(0, 40) + '"');
      }
      return out.slice(0, 5);
    })()`);
    expect({ scrollWidth: await page.evaluate<number>('document.documentElement.scrollWidth'), wider }).toEqual({
      scrollWidth: width,
      wider: [],
    });
  }
}

/**
 * Retries an assertion about the page until it holds or 60 s pass: after an action, the page shows its confirmation
 * first and what the api answers next (a list read again) a moment later, longer on a loaded machine.
 */
export async function eventually(check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The api on a fresh DATA_DIR with the demo seeded (to its last comment) and the demo sign-in, and a Chromium. */
export interface DemoApp {
  readonly dataDir: string;
  readonly api: RunningApi;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function openDemoApp(prefix: string): Promise<DemoApp> {
  const dataDir = tempDataDir(prefix);
  const api = await startApi({ dataDir, env: { SEED_DEMO: 'true', DEMO_LOGIN: 'true' } });
  await demoSeeded(api, await tokenFor(dataDir, 'demo-youth-4@panel.example'));
  const browser = await launchChromium();
  return {
    dataDir,
    api,
    browser,
    async close() {
      await browser.close();
      await api.stop();
      // What the api logged as an error while the browser used it: shown with the test's output, so a failure that
      // began on the server says so.
      const errors = api
        .output()
        .split('\n')
        .filter((line) => /"level":(50|60)/.test(line));
      if (errors.length > 0) console.error(`the api logged ${errors.length} error(s):\n${errors.slice(0, 10).join('\n')}`);
      removeDir(dataDir);
    },
  };
}

/** Waits until the demo is seeded: both plans, and the last of its comments (hidden), which the seed writes last. */
async function demoSeeded(api: RunningApi, youthToken: string): Promise<void> {
  await until(
    () => api.graphql<{ myComments: { status: string }[] }>('{ myComments { status } }', {}, youthToken),
    (res) => res.data?.myComments.some((c) => c.status === 'HIDDEN') ?? false,
    250,
  );
}

/** The id of a demo commitment, by its title (a proposed one needs the token of someone who may read it). */
export async function commitmentId(api: RunningApi, title: string, token?: string): Promise<string> {
  const res = await api.graphql<{ plans: { edges: { node: { commitments: { edges: { node: { id: string; title: string } }[] } } }[] } }>(
    '{ plans(first: 5) { edges { node { commitments(first: 10) { edges { node { id title } } } } } } }',
    {},
    token,
  );
  const found = res.data?.plans.edges.flatMap((plan) => plan.node.commitments.edges).find((edge) => edge.node.title === title);
  if (!found) throw new Error(`no demo commitment titled ${title}: ${JSON.stringify(res)}`);
  return found.node.id;
}

/** A browser page at a width, signed in as one of the demo's participants (by the demo sign-in's label), in a language. */
export async function signedInPage(
  browser: Browser,
  api: RunningApi,
  who: string,
  width: 1280 | 360,
  language: 'en' | 'fr' = 'en',
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: width === 360 ? 740 : 900 }, locale: 'en-GB' });
  page.setDefaultTimeout(60_000);
  await page.goto(`${api.url}/sign-in`);
  await page.getByLabel('Participant').selectOption({ label: who });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/^Signed in as/).waitFor();
  if (language !== 'en') await speak(page, language);
  return page;
}

/** Switches the app's language with its own control. */
export async function speak(page: Page, language: 'en' | 'fr'): Promise<void> {
  const label = (await page.locator('html').getAttribute('lang')) === 'fr' ? 'Langue' : 'Language';
  await page.getByLabel(label).selectOption(language);
  // A locator, not a function: the app's Content-Security-Policy forbids the eval a polled function would need.
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}
