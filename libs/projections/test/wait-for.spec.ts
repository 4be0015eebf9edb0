import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { countingProjection } from './counting-projection.js';
import { RunnerHarness } from './runner-harness.js';
import { appendThings } from './things.js';

describe('projection runner: waitFor', () => {
  let harness: RunnerHarness;
  beforeEach(() => {
    harness = new RunnerHarness();
  });
  afterEach(() => harness.dispose());

  it('is true at once for a position already reached, and true once a later one is reached', async () => {
    await appendThings(harness.store, 0, 3);
    const { runner } = harness.open(countingProjection());
    await runner.start();
    expect(await runner.waitFor(3n, 5000)).toBe(true);
    expect(await runner.waitFor(1n, 0)).toBe(true);
    const waiting = runner.waitFor(5n, 5000, ['counting']);
    await appendThings(harness.store, 3, 2);
    expect(await waiting).toBe(true);
  });

  it('is false on timeout, for an unknown projection, and for everyone waiting when the runner stops', async () => {
    const { runner } = harness.open(countingProjection());
    await runner.start();
    const started = Date.now();
    expect(await runner.waitFor(1n, 30)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(await runner.waitFor(1n, 5000, ['nope'])).toBe(false);
    const waiting = runner.waitFor(1n, Number.POSITIVE_INFINITY);
    await runner.stop();
    expect(await waiting).toBe(false);
  });

  it('waits without a timer when the timeout is infinite, and for the named projections only', async () => {
    const slow = countingProjection({ name: 'slow', tablePrefix: 'slow_', failOn: (n) => n === 0 });
    const { runner } = harness.open([countingProjection(), slow]);
    await runner.start();
    const counting = runner.waitFor(2n, Number.POSITIVE_INFINITY, ['counting']);
    const both = runner.waitFor(2n, Number.POSITIVE_INFINITY);
    await appendThings(harness.store, 0, 2);
    expect(await counting).toBe(true);
    expect(await both).toBe(false);
  });

  it('answers true for an empty list of names', async () => {
    const { runner } = harness.open(countingProjection());
    expect(await runner.waitFor(10n, 10, [])).toBe(true);
  });
});
