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

describe('metrics', () => {
  it('report the live heap after each major garbage collection, not the garbage awaiting one', async () => {
    const metrics = new Metrics();
    const watch = metrics.watchHeap();
    try {
      expect(await afterMajorGc(metrics)).toBe(0);
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const live = await afterMajorGc(metrics);
      expect(live).toBeGreaterThan(1_000_000);

      // 50 MB kept alive raises it by as much after the next major collection; garbage does not.
      let kept: unknown[] | undefined = Array.from({ length: 50 }, () => new Array(131_072).fill(1.5));
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await afterMajorGc(metrics)).toBeGreaterThan(live + 40_000_000);
      kept = undefined;
      Array.from({ length: 50 }, () => new Array(131_072).fill(2.5));
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await afterMajorGc(metrics)).toBeLessThan(live + 20_000_000);
      expect(kept).toBeUndefined();
    } finally {
      watch.stop();
    }
  });
});
