import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { RunningApi } from './api-process.js';
import { screenshot } from './browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** Every axe-core violation on the page as it is now (WCAG 2.x A and AA rules), whatever its impact. */
export async function allViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) }));
  });
}

/** A screenshot, no axe-core violation of any impact and, on a phone, nothing wider than the screen. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await allViolations(page)).toEqual([]);
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
    expect({ scrollWidth: await page.evaluate<number>('document.documentElement.scrollWidth'), wider }).toEqual({ scrollWidth: width, wider: [] });
  }
}

/** Waits until the demo is seeded: both plans, and the last of its comments (hidden), which the seed writes last. */
export async function demoSeeded(api: RunningApi, youthToken: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await api.graphql<{ myComments: { status: string }[] }>('{ myComments { status } }', {}, youthToken);
    if (res.data?.myComments.some((c) => c.status === 'HIDDEN')) return;
    if (Date.now() > deadline) throw new Error(`the demo was not seeded within 90 s:\n${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A browser page at a width, in English, signed in as one of the demo's participants (by the label of the demo sign-in). */
export async function signedInPage(browser: Browser, api: RunningApi, who: string, width: 1280 | 360): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: width === 360 ? 740 : 900 }, locale: 'en-GB' });
  page.setDefaultTimeout(10_000);
  await page.goto(`${api.url}/sign-in`);
  await page.getByLabel('Participant').selectOption({ label: who });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/^Signed in as/).waitFor();
  return page;
}

/** Switches the app's language with its own control. */
export async function speak(page: Page, language: 'en' | 'fr'): Promise<void> {
  const label = (await page.locator('html').getAttribute('lang')) === 'fr' ? 'Langue' : 'Language';
  await page.getByLabel(label).selectOption(language);
  await page.waitForFunction(`document.documentElement.lang === '${language}'`);
}
