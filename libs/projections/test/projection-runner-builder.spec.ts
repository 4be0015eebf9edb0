import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '#eventstore';
import {
  type BuildRequest,
  type Projection,
  type ProjectionBuilder,
  ProjectionRunner,
  ReadModelStore,
  begunBuild,
  besideReadModels,
  buildFromScratch,
  buildsEverythingFromScratch,
} from '#projections';
import { countingProjection } from './counting-projection.js';
import { recordingLogger } from './recording-logger.js';
import { RunnerHarness } from './runner-harness.js';
import { appendThings, counts, range } from './things.js';

interface BuilderOptions {
  /** The build waits for it (or for its abort) before it starts. */
  readonly gate?: Promise<void>;
  /** Appends made after the build has read the log, before it resolves: events it has not built. */
  readonly after?: () => Promise<void>;
  readonly fail?: boolean;
}

/** Builds on this thread what the platform's worker thread builds on another (`buildFromScratch`), from the same log. */
function inThreadBuilder(store: EventStore, projections: readonly Projection[], options: BuilderOptions = {}): ProjectionBuilder & { requests: BuildRequest[] } {
  const requests: BuildRequest[] = [];
  return {
    names: projections.map((projection) => projection.name),
    requests,
    async build(request) {
      requests.push(request);
      const aborted = new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve(), { once: true }));
      await Promise.race([options.gate, aborted]);
      if (request.signal.aborted) throw new Error('aborted');
      if (options.fail) throw new Error('the build thread died');
      await buildFromScratch(store, projections.filter((p) => request.names.includes(p.name)), request.path, { batchSize: 10 });
      await options.after?.();
    },
  };
}

/** A promise the test resolves when it chooses: the builder waits for it before it builds. */
function gated(): { gate: Promise<void>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
}

const indexesOf = (readModels: ReadModelStore, table: string): string[] =>
  (readModels.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name").all(table) as { name: string }[]).map((row) => row.name);

describe('projection runner: building some projections elsewhere', () => {
  let harness: RunnerHarness;
  const a = countingProjection({ name: 'a', tablePrefix: 'a_' });
  const b = countingProjection({ name: 'b', tablePrefix: 'b_' });
  beforeEach(() => {
    harness = new RunnerHarness();
  });
  afterEach(() => harness.dispose());

  it('hands the projections the builder can build to it, feeds the others meanwhile, then takes the built ones in', async () => {
    await appendThings(harness.store, 0, 40);
    const { gate, release } = gated();
    const builder = inThreadBuilder(harness.store, [b], { gate, after: () => appendThings(harness.store, 40, 5) });
    const logger = recordingLogger();
    const { runner, readModels } = harness.open([a, b], { builder, logger });
    await runner.start();

    expect(builder.requests.map((request) => request.names)).toEqual([['b']]);
    expect(await runner.waitFor(await harness.head(), 5000, ['a'])).toBe(true);
    // Not taken in yet: nothing to read, and nobody is told otherwise.
    expect(await runner.waitFor(1n, 50, ['b'])).toBe(false);
    expect(counts(readModels, 'b_').rows).toBe(0);
    expect((await runner.status()).find((status) => status.name === 'b')).toMatchObject({ state: 'catching_up', position: undefined });

    release();
    const takenIn = () => logger.entries.some((entry) => entry.message === 'projections built on a second thread taken in');
    for (let waited = 0; !takenIn() && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    // The 5 events appended after the build had read the log, and one more, reach `b` through the feed.
    await appendThings(harness.store, 45, 1);
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(readModels, 'a_')).toEqual({ total: 46, rows: 46, ns: range(46) });
    expect(counts(readModels, 'b_')).toEqual({ total: 46, rows: 46, ns: range(46) });
    expect(readModels.checkpoint('b')).toMatchObject({ version: 1, position: (await harness.head()).toString(), state: 'ok' });
    expect(indexesOf(readModels, 'b_counted_events')).toEqual(['b_counted_events_key']);
    expect(existsSync(builder.requests[0]!.path)).toBe(false);
    expect(readModels.bulkLoading).toBe(false);
  });

  it('answers readers waiting for the built projections as soon as they are taken in', async () => {
    await appendThings(harness.store, 0, 20);
    const { gate, release } = gated();
    const { runner, readModels } = harness.open([a, b], { builder: inThreadBuilder(harness.store, [b], { gate }) });
    await runner.start();
    const waiting = runner.waitFor(await harness.head(), 5000);
    release();
    expect(await waiting).toBe(true);
    expect(counts(readModels, 'b_')).toEqual({ total: 20, rows: 20, ns: range(20) });
  });

  it('builds them itself when the builder fails', async () => {
    await appendThings(harness.store, 0, 25);
    const builder = inThreadBuilder(harness.store, [b], { fail: true });
    const logger = recordingLogger();
    const { runner, readModels } = harness.open([a, b], { builder, logger });
    await runner.start();
    await appendThings(harness.store, 25, 3);
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(readModels, 'b_')).toEqual({ total: 28, rows: 28, ns: range(28) });
    expect(counts(readModels, 'a_')).toEqual({ total: 28, rows: 28, ns: range(28) });
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'building projections on a second thread failed: building them here' }),
    );
    expect(existsSync(builder.requests[0]!.path)).toBe(false);
  });

  it('builds on its own thread when nothing else is built meanwhile', async () => {
    await appendThings(harness.store, 0, 10);
    const first = harness.open(a);
    await first.runner.start();
    expect(await first.runner.waitFor(await harness.head(), 5000)).toBe(true);
    await harness.close(first);

    // `a` is kept, only `b` is new: a second thread would have nothing to run beside.
    const builder = inThreadBuilder(harness.store, [b]);
    const { runner, readModels } = harness.open([a, b], { builder });
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(builder.requests).toEqual([]);
    expect(counts(readModels, 'b_')).toEqual({ total: 10, rows: 10, ns: range(10) });
  });

  it('aborts a build in flight when stopped and removes its file; the next start builds what is missing', async () => {
    await appendThings(harness.store, 0, 15);
    const builder = inThreadBuilder(harness.store, [b], { gate: new Promise(() => undefined) });
    const first = harness.open([a, b], { builder });
    await first.runner.start();
    expect(await first.runner.waitFor(await harness.head(), 5000, ['a'])).toBe(true);
    await harness.close(first);
    const [request] = builder.requests;
    expect(request!.signal.aborted).toBe(true);
    expect(existsSync(request!.path)).toBe(false);

    const again = harness.open([a, b]);
    await again.runner.start();
    expect(await again.runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(again.readModels, 'b_')).toEqual({ total: 15, rows: 15, ns: range(15) });
    expect(counts(again.readModels, 'a_')).toEqual({ total: 15, rows: 15, ns: range(15) });
  });

  describe('a build begun before the runner starts', () => {
    it('is known to be needed only when there are no read models, or unfinished ones', async () => {
      expect(buildsEverythingFromScratch(harness.path)).toBe(true);
      await harness.close(harness.open(a));
      expect(buildsEverythingFromScratch(harness.path)).toBe(false);
      writeFileSync(`${harness.path}.building`, '');
      expect(buildsEverythingFromScratch(harness.path)).toBe(true);
      expect(buildsEverythingFromScratch(':memory:')).toBe(false);
    });

    it('is taken over by the runner: one build, begun first, its tables taken in', async () => {
      await appendThings(harness.store, 0, 30);
      const { gate, release } = gated();
      const inner = inThreadBuilder(harness.store, [b], { gate });
      const path = besideReadModels(harness.path);
      writeFileSync(path, 'left by a build that was killed');
      const builder = begunBuild(inner, path);
      expect(inner.requests.map((request) => [request.names, request.path])).toEqual([[['b'], path]]);

      const logger = recordingLogger();
      const { runner, readModels } = harness.open([a, b], { builder, logger });
      await runner.start();
      expect(await runner.waitFor(await harness.head(), 5000, ['a'])).toBe(true);
      const waiting = runner.waitFor(await harness.head(), 5000);
      release();
      expect(await waiting).toBe(true);
      expect(inner.requests).toHaveLength(1);
      expect(counts(readModels, 'b_')).toEqual({ total: 30, rows: 30, ns: range(30) });
      expect(logger.entries.map((entry) => entry.message)).toContain('projections built on a second thread taken in');
      expect(existsSync(path)).toBe(false);
    });

    it('is aborted when the runner that took it over stops', async () => {
      await appendThings(harness.store, 0, 10);
      const inner = inThreadBuilder(harness.store, [b], { gate: new Promise(() => undefined) });
      const first = harness.open([a, b], { builder: begunBuild(inner, besideReadModels(harness.path)) });
      await first.runner.start();
      await harness.close(first);
      expect(inner.requests).toHaveLength(1);
      expect(inner.requests[0]!.signal.aborted).toBe(true);
    });

    it('is cancelled when the runner asks for something else, which is then built as asked', async () => {
      await appendThings(harness.store, 0, 12);
      const inner = inThreadBuilder(harness.store, [a, b], { gate: Promise.resolve() });
      const builder = begunBuild(inner, join(harness.dir, 'elsewhere.sqlite'));
      const other = countingProjection({ name: 'c', tablePrefix: 'c_' });
      const { runner, readModels } = harness.open([b, other], { builder });
      await runner.start();
      expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
      expect(inner.requests.map((request) => request.names)).toEqual([['a', 'b'], ['b']]);
      expect(inner.requests[0]!.signal.aborted).toBe(true);
      expect(counts(readModels, 'b_')).toEqual({ total: 12, rows: 12, ns: range(12) });
    });
  });
});

describe('projection runner: in-memory read models', () => {
  it('get their indexes once they have caught up', async () => {
    const harness = new RunnerHarness();
    const readModels = ReadModelStore.open({ path: ':memory:' });
    const runner = new ProjectionRunner({ store: harness.store, readModels, projections: [countingProjection()], batchSize: 10 });
    try {
      await appendThings(harness.store, 0, 12);
      await runner.start();
      expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20)); // the feed's catch-up callback builds them
      expect(indexesOf(readModels, 'counted_events')).toEqual(['counted_events_key']);
      expect(counts(readModels)).toEqual({ total: 12, rows: 12, ns: range(12) });
    } finally {
      await runner.stop();
      readModels.close();
      await harness.dispose();
    }
  });
});
