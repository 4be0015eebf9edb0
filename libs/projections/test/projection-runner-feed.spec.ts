import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { MemoryEventStore } from '#eventstore';
import { physicalName, type Projection, ReadModelStore, type RowChange } from '#projections';
import { countingProjection } from './counting-projection.js';
import { RunnerHarness } from './runner-harness.js';
import { appendThings, counts, range, seedThings, thing } from './things.js';

/** Indexes of the read-model file (primary keys' included), by name. */
const indexesOf = (readModels: ReadModelStore): string[] =>
  (
    readModels.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);

/** A counting projection with a secondary index on `n`. */
const indexed = (options: Parameters<typeof countingProjection>[0] = {}): Projection => {
  const base = countingProjection(options);
  return { ...base, tables: base.tables.map((table, i) => (i === 0 ? { ...table, indexes: [['n']] } : table)) };
};

/** `indexed()`, reading by other columns than the key (which builds the indexes) on the events whose number `when` accepts. */
const finding = (when: (n: number) => boolean): Projection => {
  const base = indexed();
  return {
    ...base,
    project: (event, view): readonly RowChange[] => {
      if (when((event.data as { n: number }).n)) view.find('counted_events', { n: 0 });
      return base.project(event, view);
    },
  };
};

/** Calls `then` once the store has been read `count` times (a build reads a batch at a time). */
function afterReads(store: MemoryEventStore | RunnerHarness['store'], count: number, then: () => void): void {
  const readAll = store.readAll.bind(store);
  let reads = 0;
  store.readAll = (options) => {
    if (++reads === count + 1) then();
    return readAll(options);
  };
}

let harness: RunnerHarness;
beforeEach(() => {
  harness = new RunnerHarness();
});
afterEach(() => harness.dispose());

describe('projection runner: one feed for every projection', () => {
  it('feeds projections at different checkpoints from one subscription, each event applied once to each', async () => {
    const a = countingProjection({ name: 'a', tablePrefix: 'a_' });
    const b = countingProjection({ name: 'b', tablePrefix: 'b_' });
    await appendThings(harness.store, 0, 30);
    const first = harness.open([a, b]);
    await first.runner.start();
    expect(await first.runner.waitFor(await harness.head(), 5000)).toBe(true);
    await harness.close(first);
    const bAt = await harness.head();

    // Only the first goes on, so that the two are at different checkpoints.
    await appendThings(harness.store, 30, 10);
    const alone = harness.open([a]);
    await alone.runner.start();
    expect(await alone.runner.waitFor(await harness.head(), 5000)).toBe(true);
    await harness.close(alone);

    const subscriptions: unknown[] = [];
    const subscribe = harness.store.subscribeToAll.bind(harness.store);
    harness.store.subscribeToAll = (...args) => {
      subscriptions.push(args[0]);
      return subscribe(...args);
    };
    const both = harness.open([a, b]);
    await both.runner.start();
    await appendThings(harness.store, 40, 5);
    expect(await both.runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(subscriptions).toEqual([bAt]); // one subscription, from the earliest checkpoint
    expect(counts(both.readModels, 'a_')).toEqual({ total: 45, rows: 45, ns: range(45) });
    expect(counts(both.readModels, 'b_')).toEqual({ total: 45, rows: 45, ns: range(45) });
  });

  it('a projection rebuilt while the others follow rejoins the feed without a gap or a duplicate', async () => {
    await seedThings(harness.store, 300);
    const { runner, readModels } = harness.open([
      countingProjection({ name: 'a', tablePrefix: 'a_' }),
      countingProjection({ name: 'b', tablePrefix: 'b_' }),
    ]);
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    const appending = appendThings(harness.store, 300, 60);
    await runner.rebuild('a');
    await appending;
    await appendThings(harness.store, 360, 5);
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(readModels, 'a_')).toEqual({ total: 365, rows: 365, ns: range(365) });
    expect(counts(readModels, 'b_')).toEqual({ total: 365, rows: 365, ns: range(365) });
  });

  it('rebuildAll rebuilds every projection in one pass, then follows the log', async () => {
    await seedThings(harness.store, 120);
    const { runner, readModels } = harness.open([
      countingProjection({ name: 'a', tablePrefix: 'a_' }),
      countingProjection({ name: 'b', tablePrefix: 'b_' }),
    ]);
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    const reads: unknown[] = [];
    const readAll = harness.store.readAll.bind(harness.store);
    harness.store.readAll = (options) => {
      reads.push(options?.after);
      return readAll(options);
    };
    await runner.rebuildAll();
    harness.store.readAll = readAll;
    // Batches of 10, each read once for both projections (the last read may be the feed's, from the head).
    expect(reads.length).toBeGreaterThanOrEqual(120 / 10);
    expect(new Set(reads).size).toBe(reads.length);
    await appendThings(harness.store, 120, 3);
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(readModels, 'a_')).toEqual({ total: 123, rows: 123, ns: range(123) });
    expect(counts(readModels, 'b_')).toEqual({ total: 123, rows: 123, ns: range(123) });
  });
});

describe('projection runner: building read models from scratch', () => {
  it('fills new tables without their indexes (keys included) and without fsync, then indexes and syncs them once caught up', async () => {
    await seedThings(harness.store, 200);
    const marker = `${harness.path}.building`;
    const seen: { indexes: string[]; marker: boolean; synchronous: unknown }[] = [];
    const { runner, readModels } = harness.open(indexed());
    afterReads(harness.store, 1, () =>
      seen.push({
        indexes: indexesOf(readModels),
        marker: existsSync(marker),
        synchronous: readModels.db.pragma('synchronous', { simple: true }),
      }),
    );
    await runner.start();
    await waitUntil(() => seen.length > 0);
    expect(seen).toEqual([{ indexes: [], marker: true, synchronous: 0 }]);
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    await waitUntil(async () => !existsSync(marker));
    expect(indexesOf(readModels)).toEqual(['counted_events__g1_by_n', 'counted_events__g1_key', 'event_count__g1_key']);
    expect(existsSync(marker)).toBe(false);
    expect(readModels.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(counts(readModels).total).toBe(200);
  });

  it('a read by other columns than the key while filling creates the indexes first', async () => {
    await seedThings(harness.store, 20);
    const { runner, readModels } = harness.open(finding(() => true));
    let indexesAtFirst: string[] = [];
    afterReads(harness.store, 1, () => (indexesAtFirst = indexesOf(readModels)));
    await runner.start();
    await waitUntil(() => indexesAtFirst.length > 0);
    expect(indexesAtFirst).toEqual(['counted_events__g1_by_n', 'counted_events__g1_key', 'event_count__g1_key']);
  });

  it('indexes made in a batch that rolled back are made again, and the rows are written through them', async () => {
    await seedThings(harness.store, 30);
    // Batches of 10: the indexes are built on thing 3, and thing 5 fails the sibling in the same batch.
    const finder = finding((n) => n === 3);
    const failing = countingProjection({ name: 'sibling', tablePrefix: 'sibling_', failOn: (n) => n === 5 });
    const { runner, readModels } = harness.open([finder, failing]);
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 5000, ['counting'])).toBe(true);
    expect(counts(readModels)).toEqual({ total: 30, rows: 30, ns: range(30) });
    expect(indexesOf(readModels)).toEqual(
      expect.arrayContaining(['counted_events__g1_by_n', 'counted_events__g1_key', 'event_count__g1_key']),
    );
    expect((await runner.status()).find((status) => status.name === 'counting')?.state).toBe('running');
  });

  it('a file left by an unfinished unsynced build is discarded on opening and built again from the log', async () => {
    await seedThings(harness.store, 50);
    const first = harness.open(countingProjection());
    await first.runner.start();
    expect(await first.runner.waitFor(await harness.head(), 5000)).toBe(true);
    await harness.close(first);
    expect(existsSync(`${harness.path}.building`)).toBe(false);

    // As a crash in the middle of a build leaves it: the marker is there.
    const crashed = ReadModelStore.open({ path: harness.path });
    crashed.beginBulkLoad();
    crashed.db.close(); // no endBulkLoad: the process died

    const reopened = harness.open(countingProjection());
    expect(reopened.readModels.discardedUnfinishedBuild).toBe(true);
    expect(reopened.readModels.checkpoint('counting')).toBeUndefined();
    await reopened.runner.start();
    expect(await reopened.runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(reopened.readModels)).toEqual({ total: 50, rows: 50, ns: range(50) });
  });

  it('a clean stop in the middle of a build syncs the file; the next start goes on from the checkpoint', async () => {
    await seedThings(harness.store, 500);
    const first = harness.open(countingProjection(), { batchSize: 10 });
    const partway = (await harness.store.readAll({ maxCount: 100 })).at(-1)!.position;
    let stopped: Promise<void> | undefined;
    afterReads(harness.store, 10, () => (stopped = harness.close(first)));
    await first.runner.start();
    await waitUntil(() => stopped !== undefined);
    await stopped;
    expect(existsSync(`${harness.path}.building`)).toBe(false);
    const second = harness.open(countingProjection());
    expect(second.readModels.discardedUnfinishedBuild).toBe(false);
    expect(second.readModels.checkpoint('counting')).toBeUndefined(); // nothing served yet
    const resumedFrom = BigInt(second.readModels.builds.read('counting')!.position!);
    expect(resumedFrom).toBeGreaterThanOrEqual(partway);
    await second.runner.start();
    expect(await second.runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(second.readModels)).toEqual({ total: 500, rows: 500, ns: range(500) });
  });
});

describe('projection runner: changes kept in memory within a batch', () => {
  /** Projects a random walk of upserts, partial upserts and deletes over a few keys, reading each row it touches. */
  const walk: Projection = {
    name: 'walk',
    version: 1,
    eventTypes: ['Step'],
    tables: [{ name: 'cells', columns: { k: 'TEXT', a: 'INTEGER', b: 'TEXT', reads: 'TEXT' }, primaryKey: ['k'] }],
    project(event, view): RowChange[] {
      const step = event.data as { op: 'set-a' | 'set-b' | 'delete'; k: string; v: number };
      const before = view.get('cells', { k: step.k });
      const seen = before === undefined ? 'none' : `${String(before['a'])}/${String(before['b'])}`;
      // What the projector read goes into a row of its own, so a view that disagreed with the file would show.
      const log: RowChange = { kind: 'upsert', table: 'cells', row: { k: `read-${String(event.position)}`, b: seen } };
      switch (step.op) {
        case 'set-a':
          return [{ kind: 'upsert', table: 'cells', row: { k: step.k, a: step.v } }, log];
        case 'set-b':
          return [{ kind: 'upsert', table: 'cells', row: { k: step.k, b: String(step.v), a: Number(before?.['a'] ?? 0) + 1 } }, log];
        default:
          return [{ kind: 'delete', table: 'cells', key: { k: step.k } }, log];
      }
    },
  };

  /** Fails on the event at `position`, so the shared transaction of its batch rolls back. */
  const failingAt = (position: bigint): Projection => ({
    name: 'sibling',
    version: 1,
    eventTypes: ['Step'],
    tables: [{ name: 'sibling_rows', columns: { k: 'TEXT' }, primaryKey: ['k'] }],
    project(event): RowChange[] {
      if (event.position === position) throw new Error('sibling fails');
      return [];
    },
  });

  type Step = { op: string; k: string; v: number };

  /**
   * The rows `walk` leaves after `steps`: projected from scratch (the tables fill without indexes, rows found by the
   * rowids the writer keeps) or live onto indexed tables; optionally beside a projection failing on one step.
   */
  const rowsAfter = async (steps: readonly Step[], batchSize: number, options: { indexed?: boolean; failAt?: number } = {}) => {
    const harness = new RunnerHarness(new MemoryEventStore());
    try {
      const append = async () => {
        for (const step of steps) await harness.store.append('walk', [{ ...thing(0, 'Step'), data: step }]);
      };
      if (!options.indexed) await append();
      const sibling = options.failAt === undefined ? [] : [failingAt(BigInt(options.failAt + 1))];
      const { runner, readModels } = harness.open([walk, ...sibling], { batchSize });
      await runner.start();
      if (options.indexed) {
        await waitUntil(() =>
          indexesOf(readModels).includes(`${physicalName('cells', readModels.checkpoint('walk')?.generation ?? 1)}_key`),
        );
        await append();
      }
      expect(await runner.waitFor(await harness.head(), 5000, ['walk'])).toBe(true);
      return readModels.db.prepare('SELECT * FROM cells ORDER BY k').all();
    } finally {
      await harness.dispose();
    }
  };

  const steps = fc.array(
    fc.record({ op: fc.constantFrom('set-a', 'set-b', 'delete'), k: fc.constantFrom('x', 'y', 'z'), v: fc.integer({ min: 0, max: 9 }) }),
    { minLength: 1, maxLength: 40 },
  );

  it('a batch of many events leaves the rows one event per transaction would', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (steps) => {
        expect(await rowsAfter(steps, 500)).toEqual(await rowsAfter(steps, 1));
      }),
      { numRuns: 30 },
    );
  });

  it('filling from scratch by rowids leaves the rows that indexed tables would, also when a batch rolls back', async () => {
    await fc.assert(
      fc.asyncProperty(steps, fc.nat(), async (steps, failing) => {
        const indexed = await rowsAfter(steps, 1, { indexed: true });
        expect(await rowsAfter(steps, 7)).toEqual(indexed);
        expect(await rowsAfter(steps, 7, { failAt: failing % steps.length })).toEqual(indexed);
      }),
      { numRuns: 30 },
    );
  });
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
