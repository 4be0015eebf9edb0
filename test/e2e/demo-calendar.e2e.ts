import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { checkPage } from '../support/web-app.js';
import { launchChromium } from '../support/browser.js';
import { until } from '../support/until.js';

interface Deadlines {
  plans: { edges: { node: { id: string; title: string } }[] };
}

/** `npm run demo`: the demo on its own calendar, so that its due dates fall around its present. */
describe('the demo on its own calendar (DEMO_DATE)', () => {
  let dataDir: string;
  let api: RunningApi;

  beforeAll(async () => {
    dataDir = tempDataDir('npa-demo-calendar-');
    api = await startApi({ dataDir, env: { SEED_DEMO: 'true', DEMO_DATE: '2013-12-10' } });
  });

  afterAll(async () => {
    await api?.stop();
    if (dataDir) removeDir(dataDir);
  });

  it("says which day it is there, and that it is a demonstration's calendar", async () => {
    const res = await api.graphql<{ serverInfo: { today: string; demoDate: string | null } }>('{ serverInfo { today demoDate } }');
    expect(res.data?.serverInfo).toEqual({ today: '2013-12-10', demoDate: '2013-12-10' });
  });

  it('has deadlines done, done late, overdue, due soon and upcoming around that day', async () => {
    const statuses = new Set<string>();
    // Until the read models hold the seeded history.
    const read = async () => {
      const plans = await api.graphql<Deadlines>('{ plans(first: 10) { edges { node { id title } } } }');
      for (const { node } of plans.data?.plans.edges ?? []) {
        const res = await api.graphql<{ deadlines: { status: string; dueDate: string }[] }>(
          'query ($plan: ID!) { deadlines(planId: $plan) { status dueDate } }',
          { plan: node.id },
        );
        for (const d of res.data?.deadlines ?? []) {
          statuses.add(d.status);
          if (d.status === 'DUE_SOON') expect(d.dueDate >= '2013-12-10' && d.dueDate <= '2014-01-09').toBe(true);
        }
      }
      return statuses.size;
    };
    await until(read, (size) => size >= 5, 200);
    expect([...statuses].sort()).toEqual(['DONE', 'DONE_LATE', 'DUE_SOON', 'OVERDUE', 'UPCOMING']);
  });

  it("says on every page of the web app which day it is there, in the reader's language, on a phone and a desktop", async () => {
    const browser = await launchChromium();
    try {
      for (const [locale, width, notice] of [
        ['en-GB', 1280, 'A demonstration on its own calendar: here, today is 10 December 2013.'],
        ['fr-FR', 360, 'Une démonstration sur son propre calendrier : ici, nous sommes le 10 décembre 2013.'],
      ] as const) {
        const page = await browser.newPage({ locale, viewport: { width, height: 800 } });
        page.setDefaultTimeout(60_000);
        await page.goto(`${api.url}/sign-in`);
        await page.getByRole('note').filter({ hasText: notice }).waitFor();
        await page.getByRole('heading', { level: 1 }).waitFor();
        await checkPage(page, `demo-calendar-${locale}-${width}`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('keeps its calendar across a restart, and refuses another DEMO_DATE or none on the same DATA_DIR', async () => {
    await api.stop();
    await expect(startApi({ dataDir, env: { DEMO_DATE: '2014-06-01' } })).rejects.toThrow(
      /calendar began on DEMO_DATE=2013-12-10; it cannot move to 2014-06-01/,
    );
    await expect(startApi({ dataDir, env: { DEMO_DATE: '' } })).rejects.toThrow(/set DEMO_DATE to that date again/);
    api = await startApi({ dataDir, env: { DEMO_DATE: '2013-12-10' } });
    const res = await api.graphql<{ serverInfo: { today: string } }>('{ serverInfo { today } }');
    // Noon of DEMO_DATE when the calendar began, a few seconds of real time ago.
    expect(res.data?.serverInfo.today).toBe('2013-12-10');
  });

  it("refuses a DEMO_DATE inside the demo's history, which would record events in the platform's future", async () => {
    const other = tempDataDir('npa-demo-calendar-early-');
    try {
      await expect(startApi({ dataDir: other, env: { SEED_DEMO: 'true', DEMO_DATE: '2012-01-01' } })).rejects.toThrow(
        /The demo's history runs to 2013-01-31, after the platform's date 2012-01-01: set DEMO_DATE on or after 2013-01-31/,
      );
    } finally {
      removeDir(other);
    }
  });
});
