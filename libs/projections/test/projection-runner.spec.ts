import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { MemoryEventStore, type NewEvent } from '#eventstore';
import { type Projection, ProjectionRunner, ReadModelStore } from '#projections';
import { removeDir, tempDataDir } from '../../../test/support/temp-dir.js';
import { countingProjection } from './counting-projection.js';

const thing = (n: number, type = 'ThingHappened'): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n },
  metadata: { correlationId: randomUUID(), occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
});

async function appendThings(store: MemoryEventStore, from: number, count: number, type?: string): Promise<void> {
  for (let n = from; n < from + count; n++) await store.append(`thing-${n % 3}`, [thing(n, type)]);
}

function counts(readModels: ReadModelStore) {
  const db = readModels.db;
  return {
    total: (db.prepare("SELECT total FROM event_count WHERE id = 'all'").get() as { total: number } | undefined)?.total ?? 0,
    rows: (db.prepare('SELECT count(*) AS c FROM counted_events').get() as { c: number }).c,
    ns: (db.prepare('SELECT n FROM counted_events ORDER BY n').all() as { n: number }[]).map((r) => r.n),
  };
}

const range = (count: number) => Array.from({ length: count }, (_, n) => n);

describe('projection runner', () => {
  let dir: string;
  let path: string;
  let store: MemoryEventStore;
  const runners: ProjectionRunner[] = [];
  const stores: ReadModelStore[] = [];

  const open = (projection: Projection, batchSize = 10) => {
    const readModels = ReadModelStore.open({ path });
    const runner = new ProjectionRunner({ store, readModels, projections: [projection], batchSize });
    runners.push(runner);
    stores.push(readModels);
    return { runner, readModels };
  };

  beforeEach(() => {
    dir = tempDataDir('npa-proj-');
    path = join(dir, 'read-models.sqlite');
    store = new MemoryEventStore();
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    for (const readModels of stores.splice(0)) readModels.close();
    await store.close();
    removeDir(dir);
  });

  it('applies past and live events; rows and checkpoint advance together, unhandled events included', async () => {
    await appendThings(store, 0, 25);
    const { runner, readModels } = open(countingProjection());
    await runner.start();
    await appendThings(store, 25, 5);
    await appendThings(store, 30, 3, 'SomethingElse');
    const head = (await store.headPosition())!;
    expect(await runner.waitFor(head, 5000)).toBe(true);
    expect(counts(readModels)).toEqual({ total: 30, rows: 30, ns: range(30) });
    expect(readModels.checkpoint('counting')).toMatchObject({ position: head.toString(), state: 'ok' });
    const [status] = await runner.status();
    expect(status).toMatchObject({ name: 'counting', version: 1, position: head, lag: 0n, state: 'running' });
  });

  it('stops on the event a projector throws on, and resumes exactly there after the fix', async () => {
    await appendThings(store, 0, 40);
    const broken = open(countingProjection({ failOn: (n) => n === 17 }));
    await broken.runner.start();
    expect(await broken.runner.waitFor((await store.headPosition())!, 2000)).toBe(false);
    const events = await store.readAll();
    const culprit = events[17]!;
    const [status] = await broken.runner.status();
    expect(status).toMatchObject({
      state: 'failed',
      position: events[16]!.position,
      error: { position: culprit.position.toString(), eventType: 'ThingHappened', message: 'cannot project event 17' },
    });
    expect(counts(broken.readModels)).toEqual({ total: 17, rows: 17, ns: range(17) });
    await appendThings(store, 40, 5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(counts(broken.readModels).total).toBe(17);
    await broken.runner.stop();
    broken.readModels.close();

    const fixed = open(countingProjection());
    expect((await fixed.runner.status())[0]).toMatchObject({ state: 'failed' });
    await fixed.runner.start();
    expect(await fixed.runner.waitFor((await store.headPosition())!, 5000)).toBe(true);
    expect(counts(fixed.readModels)).toEqual({ total: 45, rows: 45, ns: range(45) });
    expect((await fixed.runner.status())[0]).toMatchObject({ state: 'running', lag: 0n });
  });

  it('rebuilds a projection whose version changed', async () => {
    await appendThings(store, 0, 12);
    const v1 = open(countingProjection({ version: 1 }));
    await v1.runner.start();
    await v1.runner.waitFor((await store.headPosition())!, 5000);
    v1.readModels.db.prepare("UPDATE event_count SET total = 1000 WHERE id = 'all'").run();
    await v1.runner.stop();
    v1.readModels.close();

    const same = open(countingProjection({ version: 1 }));
    await same.runner.start();
    await same.runner.waitFor((await store.headPosition())!, 5000);
    expect(counts(same.readModels).total).toBe(1000);
    await same.runner.stop();
    same.readModels.close();

    const v2 = open(countingProjection({ version: 2 }));
    await v2.runner.start();
    expect(await v2.runner.waitFor((await store.headPosition())!, 5000)).toBe(true);
    expect(counts(v2.readModels)).toEqual({ total: 12, rows: 12, ns: range(12) });
    expect(v2.readModels.checkpoint('counting')).toMatchObject({ version: 2 });
  });

  it('waitFor answers false on timeout and for unknown projections, true once reached', async () => {
    const { runner } = open(countingProjection());
    await runner.start();
    expect(await runner.waitFor(1n, 30)).toBe(false);
    expect(await runner.waitFor(1n, 30, ['nope'])).toBe(false);
    const waiting = runner.waitFor(3n, 5000, ['counting']);
    await appendThings(store, 0, 3);
    expect(await waiting).toBe(true);
  });

  it('rebuilds on demand with progress, ending with the same rows', async () => {
    await appendThings(store, 0, 35);
    const { runner, readModels } = open(countingProjection(), 10);
    await runner.start();
    const head = (await store.headPosition())!;
    await runner.waitFor(head, 5000);
    const progress: [bigint, bigint][] = [];
    await runner.rebuild('counting', (done, total) => progress.push([done, total]));
    expect(progress[0]).toEqual([0n, head]);
    expect(progress.at(-1)).toEqual([head, head]);
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(counts(readModels)).toEqual({ total: 35, rows: 35, ns: range(35) });
    await appendThings(store, 35, 2);
    expect(await runner.waitFor((await store.headPosition())!, 5000)).toBe(true);
    expect(counts(readModels).total).toBe(37);
  });

  it('refuses a change to a table the projection does not own, stopping on that event', async () => {
    const rogue: Projection = {
      ...countingProjection(),
      project: (event) => [{ kind: 'upsert', table: 'someone_elses', row: { id: event.id } }],
    };
    await appendThings(store, 0, 2);
    const { runner } = open(rogue);
    await runner.start();
    expect(await runner.waitFor((await store.headPosition())!, 1000)).toBe(false);
    expect((await runner.status())[0]?.error?.message).toContain("does not own a table named 'someone_elses'");
  });
});
