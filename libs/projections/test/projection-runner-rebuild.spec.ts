import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { countingProjection } from './counting-projection.js';
import { recordingLogger } from './recording-logger.js';
import { RunnerHarness } from './runner-harness.js';
import { appendThings, buildCounts, counts, range, servedTable } from './things.js';

describe('projection runner: rebuilding', () => {
  let harness: RunnerHarness;
  beforeEach(() => {
    harness = new RunnerHarness();
  });
  afterEach(() => harness.dispose());

  it('rebuilds a projection whose version changed: old rows gone, rows recomputed', async () => {
    await appendThings(harness.store, 0, 12);
    const v1 = harness.open(countingProjection({ version: 1 }));
    await v1.runner.start();
    expect(await v1.runner.waitFor(await harness.head(), 5000)).toBe(true);
    v1.readModels.db.prepare(`UPDATE ${servedTable(v1.readModels, 'event_count')} SET total = 1000 WHERE id = 'all'`).run();
    v1.readModels.db.prepare(`INSERT INTO ${servedTable(v1.readModels, 'counted_events')} (event_id, n) VALUES ('stale', -1)`).run();
    await harness.close(v1);

    const same = harness.open(countingProjection({ version: 1 }));
    await same.runner.start();
    expect(await same.runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(same.readModels).total).toBe(1000);
    await harness.close(same);

    const logger = recordingLogger();
    const v2 = harness.open(countingProjection({ version: 2 }), { logger });
    await v2.runner.start();
    // Version 1 serves, as it stood, until version 2 has been built and takes over.
    expect(await v2.runner.waitFor(await harness.head(), 5000)).toBe(true);
    for (let tries = 0; (await v2.runner.status())[0]!.phase !== 'live'; tries++) {
      expect([tries, counts(v2.readModels).total]).toEqual([tries, 1000]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(counts(v2.readModels)).toEqual({ total: 12, rows: 12, ns: range(12) });
    expect(v2.readModels.checkpoint('counting')).toMatchObject({ version: 2, position: (await harness.head()).toString() });
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'info', object: { projection: 'counting', from: 1, to: 2 } }));
  });

  it('rebuilds when its tables no longer match their definition although the version did not change', async () => {
    await appendThings(harness.store, 0, 9);
    const first = harness.open(countingProjection());
    await first.runner.start();
    expect(await first.runner.waitFor(await harness.head(), 5000)).toBe(true);
    const table = servedTable(first.readModels, 'counted_events');
    first.readModels.db.exec(`DROP TABLE ${table}`);
    first.readModels.db.exec(`CREATE TABLE ${table} (event_id TEXT PRIMARY KEY, n INTEGER)`);
    await harness.close(first);

    const logger = recordingLogger();
    const again = harness.open(countingProjection(), { logger });
    await again.runner.start();
    expect(await again.runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(again.readModels)).toEqual({ total: 9, rows: 9, ns: range(9) });
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1);
  });

  it('keeps tables made with an inline PRIMARY KEY (files from before keys became indexes) without rebuilding them', async () => {
    await appendThings(harness.store, 0, 7);
    const first = harness.open(countingProjection());
    await first.runner.start();
    expect(await first.runner.waitFor(await harness.head(), 5000)).toBe(true);
    // As such a file has them: the tables under the names readers query, no generation.
    first.readModels.db.exec(`
      CREATE TABLE old_counted (event_id TEXT, n INTEGER, position INTEGER, PRIMARY KEY (event_id));
      INSERT INTO old_counted SELECT * FROM counted_events; DROP VIEW counted_events; DROP TABLE counted_events__g1; ALTER TABLE old_counted RENAME TO counted_events;
      CREATE TABLE old_count (id TEXT, total INTEGER, PRIMARY KEY (id));
      INSERT INTO old_count SELECT * FROM event_count; DROP VIEW event_count; DROP TABLE event_count__g1; ALTER TABLE old_count RENAME TO event_count;
      UPDATE projection_checkpoints SET generation = 0;`);
    await harness.close(first);

    const logger = recordingLogger();
    const again = harness.open(countingProjection(), { logger });
    await again.runner.start();
    await appendThings(harness.store, 7, 3);
    expect(await again.runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(again.readModels)).toEqual({ total: 10, rows: 10, ns: range(10) });
    expect(logger.entries.filter((entry) => entry.level !== 'info' || entry.message.includes('rebuil'))).toEqual([]);
    expect(again.readModels.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all()).toEqual([]);
  });

  it("drops a retired projection's tables and checkpoint at start, leaving the others as they were", async () => {
    await appendThings(harness.store, 0, 6);
    const old = countingProjection({ name: 'old', tablePrefix: 'old_' });
    const kept = countingProjection();
    const first = harness.open([kept, old]);
    await first.runner.start();
    expect(await first.runner.waitFor(await harness.head(), 5000)).toBe(true);
    await harness.close(first);

    const retired = [{ name: 'old', tables: ['old_counted_events', 'old_event_count'] }];
    const logger = recordingLogger();
    const after = harness.open(kept, { retired, logger });
    await after.runner.start();
    const tables = () =>
      after.readModels.db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => row.name);
    expect(tables()).toEqual(['counted_events__g1', 'event_count__g1', 'projection_builds', 'projection_checkpoints']);
    expect(after.readModels.checkpoint('old')).toBeUndefined();
    expect(after.readModels.checkpoint('counting')?.position).toBe((await harness.head()).toString());
    expect(counts(after.readModels)).toEqual({ total: 6, rows: 6, ns: range(6) });
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'info', message: 'retired projection removed' }));
    await harness.close(after);

    const again = recordingLogger();
    await harness.open(kept, { retired, logger: again }).runner.start();
    expect(again.entries.filter((entry) => entry.message === 'retired projection removed')).toEqual([]);
    expect(() => harness.open(countingProjection({ name: 'old', tablePrefix: 'new_' }), { retired })).toThrow(
      "'old' is the name of a retired projection",
    );
    expect(() => harness.open(countingProjection({ name: 'new', tablePrefix: 'old_' }), { retired })).toThrow(
      "Projections 'old (retired)' and 'new' both own table 'old_counted_events'",
    );
  });

  it('rebuilds on demand with progress, ends with the same rows and resumes live', async () => {
    await appendThings(harness.store, 0, 35);
    const { runner, readModels } = harness.open(countingProjection(), { batchSize: 10 });
    await runner.start();
    const head = await harness.head();
    expect(await runner.waitFor(head, 5000)).toBe(true);
    const before = readModels.db.prepare('SELECT * FROM counted_events ORDER BY n').all();
    const progress: [bigint, bigint][] = [];
    await runner.rebuild('counting', (done, total) => progress.push([done, total]));
    expect(progress[0]).toEqual([0n, head]);
    expect(progress.at(-1)).toEqual([head, head]);
    expect(progress.length).toBe(5);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => (a < b ? -1 : 1)));
    expect(readModels.db.prepare('SELECT * FROM counted_events ORDER BY n').all()).toEqual(before);
    expect(counts(readModels).total).toBe(35);
    await appendThings(harness.store, 35, 2);
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(readModels)).toEqual({ total: 37, rows: 37, ns: range(37) });
  });

  it('rebuilds while events keep arriving, ending with each event once', async () => {
    await appendThings(harness.store, 0, 40);
    const { runner, readModels } = harness.open(countingProjection(), { batchSize: 4 });
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    const appending = appendThings(harness.store, 40, 30);
    await runner.rebuild('counting');
    await appending;
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(readModels)).toEqual({ total: 70, rows: 70, ns: range(70) });
  });

  it('a rebuild of a runner never started leaves it stopped (the CLI case)', async () => {
    await appendThings(harness.store, 0, 15);
    const { runner, readModels } = harness.open(countingProjection());
    await runner.rebuild('counting');
    expect(counts(readModels)).toEqual({ total: 15, rows: 15, ns: range(15) });
    await appendThings(harness.store, 15, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(counts(readModels).total).toBe(15);
    expect((await runner.status())[0]).toMatchObject({ state: 'catching_up', lag: 1n });
  });

  it('a rebuild whose projector fails rejects, naming the event, and records the failure; the build never serves', async () => {
    await appendThings(harness.store, 0, 15);
    const { runner, readModels } = harness.open(countingProjection({ failOn: (n) => n === 12 }));
    const events = await harness.store.readAll();
    await expect(runner.rebuild('counting')).rejects.toThrow(
      `Rebuild of projection 'counting' stopped at position ${events[12]!.position}: cannot project event 12`,
    );
    expect(buildCounts(readModels)).toEqual({ total: 12, rows: 12, ns: range(12) });
    expect(() => counts(readModels)).toThrow("The 'counting' read model is being built from the event log and has no complete version yet");
    expect((await runner.status())[0]).toMatchObject({
      state: 'failed',
      available: false,
      error: { position: events[12]!.position.toString() },
    });
  });

  it('refuses unknown projections and a second rebuild of the same one', async () => {
    await appendThings(harness.store, 0, 50);
    const { runner } = harness.open(countingProjection());
    await expect(runner.rebuild('nope')).rejects.toThrow("Unknown projection 'nope'; known: counting");
    const first = runner.rebuild('counting');
    await expect(runner.rebuild('counting')).rejects.toThrow("Projection 'counting' is already being rebuilt");
    await first;
  });

  it('stop ends a rebuild in flight, readers seeing the complete version meanwhile; the next start finishes the job from the checkpoint', async () => {
    await appendThings(harness.store, 0, 200);
    const opened = harness.open(countingProjection(), { batchSize: 5 });
    await opened.runner.start();
    expect(await opened.runner.waitFor(await harness.head(), 5000)).toBe(true);
    let stopping: Promise<void> | undefined;
    const rebuilding = opened.runner.rebuild('counting', (done) => {
      if (done >= 20n) stopping ??= opened.runner.stop();
    });
    await expect(rebuilding).rejects.toThrow("Rebuild of projection 'counting' interrupted: the runner was stopped");
    await stopping;
    const partial = buildCounts(opened.readModels).total;
    expect(partial).toBeLessThan(200);
    expect(counts(opened.readModels).total).toBe(200);
    await opened.runner.start();
    expect(await opened.runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(opened.readModels)).toEqual({ total: 200, rows: 200, ns: range(200) });
  });
});
