import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';

interface Plans {
  plans: {
    edges: {
      node: {
        id: string;
        summary: { reports: { owed: number; onTime: number } };
        stakeholders: { scorecard: { compliance: { owed: number; onTime: number }[] } }[];
      };
    }[];
  };
}

/** What the web app's first screen reads in one request: who runs the instance, and every plan's health line. */
describe('the first screen on the seeded demo', () => {
  let dataDir: string;
  let api: RunningApi;

  beforeAll(async () => {
    dataDir = tempDataDir('npa-first-screen-');
    api = await startApi({ dataDir, env: { SEED_DEMO: 'true', OPERATOR_NAME: 'ECPAT International' } });
  });

  afterAll(async () => {
    await api?.stop();
    if (dataDir) removeDir(dataDir);
  });

  it('says who operates the instance (OPERATOR_NAME)', async () => {
    const res = await api.graphql<{ serverInfo: { operator: string | null } }>('{ serverInfo { operator } }');
    expect(res.data?.serverInfo.operator).toBe('ECPAT International');
  });

  it("gives each plan's reports owed and on time in the list, as its stakeholders' scorecards add up", async () => {
    let plans: Plans['plans']['edges'] = [];
    const deadline = Date.now() + 30_000;
    // Until the demo's reports are in: its two plans each have reports owed over their closed periods.
    const ready = () => plans.length >= 2 && plans.every(({ node }) => node.summary.reports.owed > 0);
    while (!ready() && Date.now() < deadline) {
      const res = await api.graphql<Plans>(`{
        plans(first: 20) { edges { node { id summary { reports { owed onTime } } } } }
      }`);
      expect(res.errors).toBeUndefined();
      plans = res.data!.plans.edges;
      if (!ready()) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(ready()).toBe(true);
    for (const { node } of plans) {
      const one = await api.graphql<{ plan: Plans['plans']['edges'][number]['node'] }>(
        'query ($id: ID!) { plan(id: $id) { stakeholders { scorecard(planId: $id) { compliance { owed onTime } } } } }',
        { id: node.id },
      );
      const periods = one.data!.plan.stakeholders.flatMap((s) => s.scorecard.compliance);
      expect(node.summary.reports).toEqual({
        owed: periods.reduce((sum, p) => sum + p.owed, 0),
        onTime: periods.reduce((sum, p) => sum + p.onTime, 0),
      });
    }
  });
});
