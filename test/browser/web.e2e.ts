import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { launchChromium, screenshot, seriousViolations } from '../support/browser.js';

const COSTA_RICA = 'Costa Rica: protecting children in travel and tourism 2010-2013';

/** Waits until the seeded demo plans are in the read models. */
async function seeded(api: RunningApi): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await api.graphql<{ plans: { totalCount: number } }>('{ plans { totalCount } }');
    if ((res.data?.plans.totalCount ?? 0) >= 2) return;
    if (Date.now() > deadline) throw new Error(`the demo was not seeded within 60 s:\n${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the web app in a real browser, on the seeded demo', () => {
  let dataDir: string;
  let api: RunningApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dataDir = tempDataDir('npa-browser-');
    api = await startApi({ dataDir, env: { SEED_DEMO: 'true', DEMO_LOGIN: 'true' } });
    await seeded(api);
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'en-GB' });
    page.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    removeDir(dataDir);
  });

  async function expectAccessible(name: string): Promise<void> {
    await screenshot(page, name);
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('lets an NGO analyst browse the plans, open the Costa Rica plan and find its overdue milestones first', async () => {
    await page.goto(api.url);
    await page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
    await page.getByRole('link', { name: COSTA_RICA }).waitFor();
    await expect(page.getByRole('link', { name: /Netherlands NPA/ }).count()).resolves.toBe(1);
    await page.getByText(/milestones? overdue/).first().waitFor();
    await expectAccessible('plans');

    await page.getByRole('link', { name: COSTA_RICA }).click();
    await page.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
    const timeline = page.getByRole('region', { name: 'Deadlines, overdue first' }).getByRole('listitem');
    await timeline.first().waitFor();
    const first = await timeline.first().innerText();
    expect(first).toMatch(/^Overdue/);
    expect(first).toMatch(/Milestone|Task|Commitment/);
    await page.getByRole('table').filter({ hasText: 'Owner' }).waitFor();
    await expectAccessible('plan-dashboard');
  }, 60_000);

  it('shows the dashboard as the plan stood on an earlier date', async () => {
    const url = new URL(page.url());
    url.searchParams.set('asOf', '2011-06-30');
    await page.goto(url.toString());
    await page.getByText('Showing the plan as it stood on 30 June 2011.').waitFor();
    await page.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
    await expectAccessible('plan-dashboard-as-of');
  }, 30_000);

  it('speaks French, with dates and numbers in French', async () => {
    await page.goto(api.url);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
    await page.getByText(/du \d+ \S+ 20\d\d au \d+ \S+ 20\d\d/).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectAccessible('plans-fr');
    await page.getByLabel('Langue').selectOption('en');
  }, 30_000);

  it('fits a 360-pixel-wide phone screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
    try {
      await phone.goto(api.url);
      await phone.getByRole('link', { name: COSTA_RICA }).click();
      await phone.getByRole('region', { name: 'Deadlines, overdue first' }).waitFor();
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      await screenshot(phone, 'plan-dashboard-phone');
    } finally {
      await phone.close();
    }
  }, 30_000);

  it('signs in as a demo participant with DEMO_LOGIN, using only the keyboard', async () => {
    await page.goto(`${api.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible('sign-in');
    await page.getByLabel('Participant').focus();
    await page.getByLabel('Participant').selectOption({ label: 'ECPAT analyst (no role)' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Signed in as ECPAT analyst').waitFor();
  }, 30_000);
});

describe('the demo sign-in when DEMO_LOGIN is off', () => {
  it('is refused by the api', async () => {
    const dataDir = tempDataDir('npa-browser-off-');
    const api = await startApi({ dataDir });
    try {
      expect(await (await fetch(`${api.url}/auth/config`)).json()).toEqual({ demoLogin: false, oidc: false });
      expect((await fetch(`${api.url}/auth/demo-participants`)).status).toBe(404);
      const login = await fetch(`${api.url}/auth/demo-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'x' }) });
      expect(login.status).toBe(404);
    } finally {
      await api.stop();
      removeDir(dataDir);
    }
  }, 60_000);
});
