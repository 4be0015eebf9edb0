import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { type RunningApi } from '../support/api-process.js';
import { checkPage, openDemoApp, signedInPage } from '../support/web-app.js';

const COSTA_RICA = 'Costa Rica: protecting children in travel and tourism 2010-2013';
const MEMBERS = "Members implement The Code's six criteria";

/** The workspace as each role's to-do list, on the seeded demo. */
describe('the workspace of a focal point and of a monitor', () => {
  let api: RunningApi;
  let browser: Browser;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ api, browser, close } = await openDemoApp('npa-browser-workspace-'));
  });

  afterAll(() => close?.());

  it('tells a focal point what is overdue, due soon and owed for their stakeholder, per plan', async () => {
    const page = await signedInPage(browser, api, 'CANATUR focal point (FOCAL_POINT)', 1280);
    await page.getByRole('link', { name: 'My workspace' }).click();
    const plan = page.getByRole('region', { name: COSTA_RICA });
    await plan.getByRole('heading', { name: '2 overdue' }).waitFor();
    await plan.getByText('Child-protection clause in supplier contracts (criterion 3)').waitFor();
    await plan.getByRole('heading', { name: '0 due soon' }).waitFor();
    await plan.getByRole('heading', { name: '1 report owed for an ended period' }).waitFor();
    await plan.getByRole('listitem').filter({ hasText: 'Report for 2012:' }).getByRole('link', { name: MEMBERS }).waitFor();
    await checkPage(page, 'workspace-focal-point');
    await page.close();
  });

  it('tells a monitor which reports wait for a verdict, with links to their commitments', async () => {
    const page = await signedInPage(browser, api, 'Paniamor monitor (MONITOR)', 360);
    await page.getByRole('link', { name: 'My workspace' }).click();
    const plan = page.getByRole('region', { name: COSTA_RICA });
    await plan.getByText('1 report waits to be verified or disputed.').waitFor();
    await plan.getByRole('listitem').filter({ hasText: 'report for 2011' }).getByRole('link', { name: MEMBERS }).click();
    await page.getByRole('heading', { name: MEMBERS, level: 1 }).waitFor();
    await page.goBack();
    await plan.getByText('1 report waits to be verified or disputed.').waitFor();
    await checkPage(page, 'workspace-monitor-phone');
    await page.close();
  });
});
