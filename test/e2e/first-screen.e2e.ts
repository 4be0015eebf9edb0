import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { until } from '../support/until.js';

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
    // Until the demo's reports are in: its two plans each have reports owed over their closed periods.
    const ready = (edges: Plans['plans']['edges']) => edges.length >= 2 && edges.every(({ node }) => node.summary.reports.owed > 0);
    const plans = await until(
      async () => {
        const res = await api.graphql<Plans>(`{
        plans(first: 20) { edges { node { id summary { reports { owed onTime } } } } }
      }`);
        expect(res.errors).toBeUndefined();
        return res.data!.plans.edges;
      },
      ready,
      250,
    );
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
