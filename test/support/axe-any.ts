import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type RunningApi, startApi, tempDataDir } from './api-process.js';
import { type AxeViolation, screenshot } from './browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe-core violation on the page as it is now, whatever its impact (WCAG 2.x A and AA rules). */
export async function anyViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
}

/** A screenshot, no axe violation of any impact, and, on a phone, nothing wider than the screen. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await anyViolations(page)).toEqual([]);
  const width = page.viewportSize()?.width ?? 1280;
  if (width <= 480) expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

/** The api on a fresh DATA_DIR with the demo seeded and DEMO_LOGIN on. */
export async function seededDemoApi(prefix: string): Promise<{ dataDir: string; api: RunningApi }> {
  const dataDir = tempDataDir(prefix);
  const api = await startApi({ dataDir, env: { SEED_DEMO: 'true', DEMO_LOGIN: 'true' } });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await api.graphql<{ plans: { totalCount: number } }>('{ plans { totalCount } }');
    if ((res.data?.plans.totalCount ?? 0) >= 2) break;
    if (Date.now() > deadline) throw new Error(`the demo was not seeded within 60 s:\n${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { dataDir, api };
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

/** A page at a width, signed in as a demo participant, in a language (chosen with the app's own language menu). */
export async function signedInPage(browser: Browser, api: RunningApi, participant: string, options: { width: number; language: 'en' | 'fr' }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width, height: options.width < 480 ? 740 : 900 }, locale: 'en-GB' });
  page.setDefaultTimeout(10_000);
  await page.goto(`${api.url}/sign-in`);
  await page.getByLabel('Participant').selectOption({ label: participant });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/^Signed in as/).waitFor();
  if (options.language === 'fr') await page.getByLabel('Language').selectOption('fr');
  return page;
}
