import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page, Request } from 'playwright-core';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { launchChromium, screenshot, seriousViolations } from '../support/browser.js';
import { tokenFor } from '../support/tokens.js';

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

interface SeededDemo {
  dataDir: string;
  api: RunningApi;
  browser: Browser;
  page: Page;
}

/** The api on a fresh DATA_DIR with the demo seeded and DEMO_LOGIN on, and a Chromium page to drive it. */
async function openSeededDemo(prefix: string): Promise<SeededDemo> {
  const dataDir = tempDataDir(prefix);
  const api = await startApi({ dataDir, env: { SEED_DEMO: 'true', DEMO_LOGIN: 'true' } });
  await seeded(api);
  const browser = await launchChromium();
  const page = await browser.newPage({ locale: 'en-GB' });
  page.setDefaultTimeout(60_000);
  return { dataDir, api, browser, page };
}

async function closeSeededDemo(demo: Partial<Omit<SeededDemo, 'page'>>): Promise<void> {
  await demo.browser?.close();
  await demo.api?.stop();
  if (demo.dataDir) removeDir(demo.dataDir);
}

/** A screenshot of the page as it is, and no serious or critical axe-core violation on it. */
async function accessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

/** The GraphQL operations the page sends, by name, while `open` runs and until the network is quiet. */
async function operationsSent(page: Page, open: () => Promise<void>): Promise<string[]> {
  const names: string[] = [];
  const record = (request: Request) => {
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/graphql') return;
    const body = request.postDataJSON() as { operationName?: string } | null;
    names.push(body?.operationName ?? '(anonymous)');
  };
  page.on('request', record);
  try {
    await open();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('request', record);
  }
  return names;
}

const sentTwice = (names: readonly string[]) => names.filter((name, index) => names.indexOf(name) !== index);

describe('the web app in a real browser, on the seeded demo', () => {
  let dataDir: string;
  let api: RunningApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ dataDir, api, browser, page } = await openSeededDemo('npa-browser-'));
  });

  afterAll(() => closeSeededDemo({ dataDir, api, browser }));

  const expectAccessible = (name: string) => accessible(page, name);

  it('lets an NGO analyst browse the plans, open the Costa Rica plan and find its overdue milestones first', async () => {
    await page.goto(api.url);
    await page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
    await page.getByRole('link', { name: COSTA_RICA }).waitFor();
    await expect(page.getByRole('link', { name: /Netherlands NPA/ }).count()).resolves.toBe(1);
    await page
      .getByText(/milestones? overdue/)
      .first()
      .waitFor();
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
  });

  it('asks the api once for each query of the plans list and of a dashboard, anonymous and signed in as its coordinator', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const reader = await context.newPage();
    reader.setDefaultTimeout(60_000);
    try {
      const plans = await operationsSent(reader, async () => {
        await reader.goto(api.url);
        await reader
          .getByText(/milestones? overdue/)
          .first()
          .waitFor();
      });
      expect(plans).toContain('Plans');
      expect(sentTwice(plans)).toEqual([]);
      const dashboardUrl = new URL((await reader.getByRole('link', { name: COSTA_RICA }).getAttribute('href'))!, api.url).toString();
      const openDashboard = async () => {
        await reader.goto(dashboardUrl);
        await reader.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
        await reader.getByRole('table').filter({ hasText: 'Owner' }).waitFor();
      };
      const anonymous = await operationsSent(reader, openDashboard);
      expect(anonymous).toEqual(expect.arrayContaining(['PlanDashboard', 'PlanAccountability', 'PlanDeadlines', 'PlanCommitments']));
      expect(sentTwice(anonymous)).toEqual([]);

      await reader.goto(`${api.url}/sign-in`);
      await reader.getByLabel('Participant').selectOption({ label: 'Costa Rica plan coordinator (COORDINATOR)' });
      await reader.getByRole('button', { name: 'Sign in' }).click();
      await reader.getByText(/^Signed in as/).waitFor();
      const coordinator = await operationsSent(reader, async () => {
        await openDashboard();
        await reader
          .getByRole('heading', { name: /coordinator/i, level: 2 })
          .first()
          .waitFor();
      });
      expect(coordinator).toEqual(expect.arrayContaining(['Viewer', 'PlanDashboard', 'CoordinatorJobs']));
      expect(sentTwice(coordinator)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the dashboard as the plan stood on an earlier date', async () => {
    const url = new URL(page.url());
    url.searchParams.set('asOf', '2011-06-30');
    await page.goto(url.toString());
    await page.getByText('Showing the plan as it stood on 30 June 2011.').waitFor();
    await page.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
    await expectAccessible('plan-dashboard-as-of');
  });

  it('speaks French, with dates and numbers in French', async () => {
    await page.goto(api.url);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
    await page
      .getByText(/du \d+ \S+ 20\d\d au \d+ \S+ 20\d\d/)
      .first()
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectAccessible('plans-fr');
    await page.getByLabel('Langue').selectOption('en');
  });

  it('fits a 360-pixel-wide phone screen, page after page', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
    phone.setDefaultTimeout(60_000);
    const fits = async (name: string) => {
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      await screenshot(phone, `${name}-phone`);
    };
    try {
      await phone.goto(api.url);
      await phone.getByRole('link', { name: COSTA_RICA }).waitFor();
      await fits('plans');
      await phone.getByRole('link', { name: COSTA_RICA }).click();
      await phone.getByRole('region', { name: 'Deadlines, overdue first' }).waitFor();
      await fits('plan-dashboard');
      await phone.getByRole('link', { name: "Members implement The Code's six criteria" }).first().click();
      await phone.getByRole('region', { name: 'Audit trail' }).waitFor();
      await fits('commitment');
      await phone.getByRole('region', { name: 'Milestones' }).getByRole('link').first().click();
      await phone.getByRole('region', { name: /comment/ }).waitFor();
      await fits('discussion');
    } finally {
      await phone.close();
    }
  });

  it('takes a reader from the plans to a plan with the keyboard alone', async () => {
    await page.goto(api.url);
    await page.getByRole('link', { name: COSTA_RICA }).waitFor();
    let focused = '';
    for (let presses = 0; presses < 30 && focused !== COSTA_RICA; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>('document.activeElement?.textContent ?? ""');
    }
    expect(focused).toBe(COSTA_RICA);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
  });

  it('signs in as a demo participant with DEMO_LOGIN, using only the keyboard', async () => {
    await page.goto(`${api.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible('sign-in');
    await page.getByLabel('Participant').focus();
    await page.getByLabel('Participant').selectOption({ label: 'ECPAT analyst (no role)' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Signed in as ECPAT analyst').waitFor();
  });
});

describe('the stories of the people who use it, on the seeded demo', () => {
  let dataDir: string;
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  const MEMBERS = "Members implement The Code's six criteria";
  const CLAUSE = 'Child-protection clause in supplier contracts (criterion 3)';

  beforeAll(async () => {
    ({ dataDir, api, browser, page } = await openSeededDemo('npa-browser-stories-'));
  });

  afterAll(() => closeSeededDemo({ dataDir, api, browser }));

  async function signInAs(label: string): Promise<void> {
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Participant').selectOption({ label });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/^Signed in as/).waitFor();
  }

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
  }

  async function openCostaRica(): Promise<void> {
    await page.goto(api.url);
    await page.getByRole('link', { name: COSTA_RICA }).click();
    await page.getByRole('heading', { name: COSTA_RICA, level: 1 }).waitFor();
  }

  const expectAccessible = (name: string) => accessible(page, name);

  it('lets a focal point report progress from their workspace and see it on the dashboard', async () => {
    await openCostaRica();
    const privateSector = page.getByRole('row', { name: /^Private sector/ });
    await privateSector.waitFor();
    expect(await privateSector.innerText()).toMatch(/\t1$/); // one commitment at risk

    await signInAs('CANATUR focal point (FOCAL_POINT)');
    await page.getByRole('link', { name: 'My workspace' }).click();
    await page.getByRole('link', { name: MEMBERS }).first().click();
    await page.getByRole('heading', { name: MEMBERS, level: 1 }).waitFor();
    await expectAccessible('commitment');

    const report = page.getByRole('form', { name: 'Report progress' });
    await report.getByLabel('Reporting period').selectOption('2013');
    await report.getByLabel('Percent complete').fill('100');
    // Without a narrative the report is not sent, and the message shows next to the field.
    await report.getByRole('button', { name: 'Send the report' }).click();
    const narrative = report.getByLabel('Narrative', { exact: true });
    await report.locator('textarea[aria-invalid="true"]').waitFor();
    expect(await page.locator(`#${await narrative.getAttribute('aria-describedby')}`).innerText()).toMatch(/required/i);

    await narrative.fill('All member hotels apply the six criteria.');
    await report.getByRole('button', { name: 'Send the report' }).click();
    await page.getByText('Your report is recorded.').waitFor();
    await page.getByText('All member hotels apply the six criteria.').waitFor();
    await expectAccessible('focal-point-workspace');

    // Someone else schedules a milestone meanwhile: this page's edit is stale, says so, and offers to reload.
    const commitmentId = page.url().split('/').at(-1)!;
    const other = await api.graphql(
      'mutation ($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId } }',
      { input: { commitmentId, title: 'Annual member audit', dueDate: '2013-11-30' } },
      await tokenFor(dataDir, 'demo-focal-canatur@canatur.example'),
    );
    expect(other.errors).toBeUndefined();
    const schedule = page.getByRole('form', { name: 'Schedule a milestone', exact: true });
    await schedule.getByLabel('Milestone', { exact: true }).fill('Training for new members');
    await schedule.getByLabel('Due date', { exact: true }).fill('2013-10-31');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await schedule.getByText(/Someone else changed this while you were working/).waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('link', { name: 'Annual member audit' }).waitFor();
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('The milestone is scheduled.').waitFor();
    await page.getByRole('link', { name: 'Training for new members' }).waitFor();

    await page.getByRole('link', { name: 'My workspace' }).click();
    await page.getByRole('heading', { name: 'My workspace', level: 1 }).waitFor();
    await expectAccessible('workspace');

    await openCostaRica();
    await page.getByRole('row', { name: /^Private sector/ }).waitFor();
    const after = await page.getByRole('row', { name: /^Private sector/ }).innerText();
    expect(after).toMatch(/\t0$/); // no longer at risk
    await signOut();
  });

  it('lets a youth participant comment with a phone number and see the redacted text, pending', async () => {
    await signInAs('Colibrí (YOUTH)');
    await openCostaRica();
    await page.getByRole('link', { name: CLAUSE }).first().click();
    await page.getByRole('heading', { name: CLAUSE, level: 1 }).waitFor();
    await page.getByText(/share no contact details/).waitFor();
    await page.getByLabel('Your comment').fill('Our school wants to help hotels! Call me on +506 8888 7777 after class.');
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByText('Thank you! Your comment is waiting for a moderator. One contact detail was removed.').waitFor();
    const mine = page.getByRole('listitem').filter({ hasText: 'Our school wants to help hotels!' });
    await mine.waitFor();
    expect(await mine.innerText()).toContain('Call me on [contact removed] after class.');
    expect(await mine.innerText()).not.toMatch(/8888|7777/);
    expect(await mine.innerText()).toContain('Waiting for a moderator');
    await expectAccessible('youth-discussion');
    await signOut();
  });

  it('lets a coordinator approve it, after which an anonymous visitor sees it under the pseudonym', async () => {
    await signInAs('Costa Rica plan coordinator (COORDINATOR)');
    await page.getByRole('link', { name: 'My workspace' }).click();
    await page.getByRole('link', { name: /comments? to moderate/ }).click();
    await page.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
    const queued = page.getByRole('listitem').filter({ hasText: 'Our school wants to help hotels!' });
    await queued.waitFor();
    await expectAccessible('moderation');
    await queued.getByRole('button', { name: 'Approve' }).click();
    await queued.getByText('Approved: everyone can read this comment now.').waitFor();
    await signOut();

    await openCostaRica();
    await page.getByRole('link', { name: CLAUSE }).first().click();
    const visible = page.getByRole('listitem').filter({ hasText: 'Our school wants to help hotels!' });
    await visible.waitFor();
    expect(await visible.innerText()).toMatch(/^Colibrí/);
    expect(await visible.innerText()).not.toContain('Waiting for a moderator');
    await page.getByText('Sign in to add a comment.').waitFor();
    await expectAccessible('discussion-public');
  });
});

describe('the demo sign-in when DEMO_LOGIN is off', () => {
  it('is refused by the api', async () => {
    const dataDir = tempDataDir('npa-browser-off-');
    const api = await startApi({ dataDir });
    try {
      expect(await (await fetch(`${api.url}/auth/config`)).json()).toEqual({ demoLogin: false, oidc: null });
      expect((await fetch(`${api.url}/auth/demo-participants`)).status).toBe(404);
      const login = await fetch(`${api.url}/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ participantId: 'x' }),
      });
      expect(login.status).toBe(404);
    } finally {
      await api.stop();
      removeDir(dataDir);
    }
  });
});
