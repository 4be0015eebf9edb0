import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { repoRoot } from './built.js';

/**
 * Debian's Chromium headless shell (the headless-only build Playwright itself runs by default: the same Blink, without
 * the browser's own interface, at half the CPU), which `npm test` installs with apt-get; the tests fail with this
 * message when it is missing.
 */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium-headless-shell';
/** Debian's full Chromium, the browser people use: the web benchmark measures in it. */
export const FULL_CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/**
 * Screenshots of every page the browser tests visit, taken when `SCREENSHOTS=1` (a full-page screenshot costs the
 * browser as much CPU as the accessibility check beside it, on a machine the test files already share).
 */
export const SCREENSHOTS = join(repoRoot, 'test-output', 'screenshots');
const takeScreenshots = process.env['SCREENSHOTS'] === '1';

export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath))
    throw new Error(
      `${executablePath} is missing: install Debian's chromium and chromium-headless-shell (bash test/support/ensure-chromium.sh), or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath,
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

/** The rule sets axe-core checks: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's own best practices. */
export const AXE_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** WCAG 2.0 and 2.1 at levels A and AA. */
export const WCAG_A_AA: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Every axe-core violation on the page as it is now, of any impact (minor, moderate, serious, critical), with the
 * first few offending elements' selectors to find them by.
 */
export async function axeViolations(page: Page, tags: readonly string[] = AXE_TAGS): Promise<(AxeViolation & { targets: string[] })[]> {
  // Evaluated rather than added as an inline <script>, which the api's Content-Security-Policy refuses.
  if (!(await page.evaluate('typeof globalThis.axe === "object"'))) await page.evaluate(axeSource);
  return page.evaluate(
    async (values) => {
      type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
      const axe = (globalThis as unknown as { axe: { run: (options: unknown) => Promise<Result> } }).axe;
      // Only violations are collected: the passes axe would list by default cost as much again and are not read.
      const result = await axe.run({ runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => String(n.target.join(' '))),
      }));
    },
    [...tags],
  );
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const violations = await axeViolations(page, WCAG_A_AA);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes }));
}

/**
 * How many pixels the page is wider than the window (0 when it fits), and the widest elements that stick out, so a
 * failure says what to fix.
 */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  return page.evaluate<{ overflow: number; culprits: string[] }>(`(() => {
    const width = document.documentElement.clientWidth;
    const overflow = Math.max(0, document.documentElement.scrollWidth - width);
    const culprits = [];
    if (overflow > 0) {
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.right > width + 1 && culprits.length < 5) {
          const classes = typeof element.className === 'string' && element.className ? '.' + element.className.trim().split(/\\s+/).join('.') : '';
          culprits.push(element.tagName.toLowerCase() + classes + ' (right edge ' + Math.round(box.right) + ' px)');
        }
      }
    }
    return { overflow, culprits };
  })()`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!takeScreenshots) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
