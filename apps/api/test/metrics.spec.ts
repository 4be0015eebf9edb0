import { describe, expect, it } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Metrics } from '../src/observability/metrics.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const afterMajorGc = async (metrics: Metrics): Promise<number> => {
  const text = await metrics.registry.metrics();
  return Number(/^nodejs_heap_used_after_major_gc_bytes (\S+)$/m.exec(text)?.[1]);
};

/**
 * Collects garbage and waits until the metric shows the collection (the observer hears of it asynchronously, later on a
 * busy machine): polls until the reading changes, however long that takes under load.
 */
const collectAndRead = async (metrics: Metrics): Promise<number> => {
  const before = await afterMajorGc(metrics);
  collectGarbage();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const after = await afterMajorGc(metrics);
    if (after !== before) return after;
  }
};

describe('metrics', () => {
  it('report the live heap after each major garbage collection, not the garbage awaiting one', async () => {
    const metrics = new Metrics();
    const watch = metrics.watchHeap();
    try {
      expect(await afterMajorGc(metrics)).toBe(0);
      const live = await collectAndRead(metrics);
      expect(live).toBeGreaterThan(1_000_000);

      // 50 MB kept alive raises it by as much after the next major collection; garbage does not.
      let kept: unknown[] | undefined = Array.from({ length: 50 }, () => new Array(131_072).fill(1.5));
      expect(await collectAndRead(metrics)).toBeGreaterThan(live + 40_000_000);
      kept = undefined;
      Array.from({ length: 50 }, () => new Array(131_072).fill(2.5));
      expect(await collectAndRead(metrics)).toBeLessThan(live + 20_000_000);
      expect(kept).toBeUndefined();
    } finally {
      watch.stop();
    }
  });
});
