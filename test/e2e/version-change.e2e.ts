import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { ADMIN, setUpPlan } from '../bench/api-client.js';
import { fillLog } from '../bench/cold-start-bench.js';
import { versionChangeUnderLoad } from '../bench/version-change.js';

/**
 * A projection's version changes (an upgrade) while clients keep asking for a plan: the new version is built beside
 * the one that serves and takes over in one step, so every answer is the complete one — from the previous version
 * until the new one has caught up, then from the new one — and none fails. The log is long enough (12,000 events) to
 * take several batches to build.
 */
describe('a projection version change under query load', () => {
  const dataDir = tempDataDir('npa-e2e-version-');
  afterAll(() => removeDir(dataDir));

  it('answers every query completely, from the previous version or the new one, and none fails', async () => {
    const setup = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN } });
    const plan = await setUpPlan(setup, 40).finally(() => setup.stop());
    await fillLog(join(dataDir, 'events.sqlite'), plan.commitmentIds, 12_000);

    const figures = await versionChangeUnderLoad(dataDir, plan);
    expect(figures.firstWrong).toBeUndefined();
    expect(figures.errors).toEqual({});
    expect(figures.partialAnswers).toBe(0);
    expect(figures.answers).toBeGreaterThan(0);
  }, 300_000);
});
