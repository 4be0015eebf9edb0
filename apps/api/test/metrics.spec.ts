import { describe, expect, it } from '@jest/globals';
import { constants, PerformanceObserver } from 'node:perf_hooks';
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
 * Collects garbage and reads the metric once the collection has been reported to the metrics' observer. Node hands gc
 * entries to every observer in one dispatch, in the order they began observing; this one begins after `watchHeap`'s,
 * so when it hears of a major collection, the metric has been set from the heap as the collection left it. Waits on the
 * report itself, however late it comes on a busy machine: no timer, no polling.
 */
const collectAndRead = async (metrics: Metrics): Promise<number> => {
  const reported = new Promise<void>((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (
        !list.getEntries().some((entry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
      )
        return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ entryTypes: ['gc'] });
  });
  collectGarbage();
  await reported;
  return afterMajorGc(metrics);
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
