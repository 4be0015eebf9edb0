import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Projection } from '#projections';
import { countingProjection } from './counting-projection.js';
import { RunnerHarness } from './runner-harness.js';
import { appendThings, counts, range } from './things.js';

describe('projection runner: applying events', () => {
  let harness: RunnerHarness;
  beforeEach(() => {
    harness = new RunnerHarness();
  });
  afterEach(() => harness.dispose());

  it('applies past and live events; rows and checkpoint advance together, unhandled events included', async () => {
    await appendThings(harness.store, 0, 25);
    const { runner, readModels } = harness.open(countingProjection());
    await runner.start();
    await appendThings(harness.store, 25, 5);
    await appendThings(harness.store, 30, 3, 'SomethingElse');
    const head = await harness.head();
    expect(await runner.waitFor(head, 5000)).toBe(true);
    expect(counts(readModels)).toEqual({ total: 30, rows: 30, ns: range(30) });
    expect(readModels.checkpoint('counting')).toMatchObject({ version: 1, position: head.toString(), state: 'ok', error_message: null });
    const [status] = await runner.status();
    expect(status).toEqual({ name: 'counting', version: 1, position: head, lag: 0n, state: 'running', phase: 'live', available: true });
  });

  it('moves the checkpoint over batches holding no event it handles', async () => {
    await appendThings(harness.store, 0, 23, 'SomethingElse');
    const { runner, readModels } = harness.open(countingProjection());
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(readModels)).toEqual({ total: 0, rows: 0, ns: [] });
    expect(readModels.checkpoint('counting')?.position).toBe((await harness.head()).toString());
  });

  it('every committed checkpoint has exactly the rows of the events up to it', async () => {
    await appendThings(harness.store, 0, 60);
    const { runner, readModels } = harness.open(countingProjection(), { batchSize: 7 });
    const events = await harness.store.readAll();
    const seen: { checkpoint: string | null; total: number; rows: number }[] = [];
    const observe = () => {
      const { total, rows } = counts(readModels);
      seen.push({ checkpoint: readModels.checkpoint('counting')?.position ?? null, total, rows });
    };
    const observed = events.map((event) => runner.waitFor(event.position, 5000).then(observe));
    await runner.start();
    await Promise.all(observed);
    expect(seen.length).toBe(events.length);
    for (const { checkpoint, total, rows } of seen) {
      const applied = checkpoint === null ? 0 : events.filter((event) => event.position <= BigInt(checkpoint)).length;
      expect({ total, rows }).toEqual({ total: applied, rows: applied });
    }
  });

  it('reports catching_up before it is started and the lag behind the head', async () => {
    await appendThings(harness.store, 0, 5);
    const { runner } = harness.open(countingProjection());
    expect(await runner.status()).toEqual([
      {
        name: 'counting',
        version: 1,
        position: undefined,
        lag: await harness.head(),
        state: 'catching_up',
        phase: 'building',
        available: false,
        building: { version: 1, position: undefined },
      },
    ]);
  });

  it('applies upserts as merges, deletes by key, and lets the projector read rows written earlier in the batch', async () => {
    const ledger: Projection = {
      name: 'ledger',
      version: 1,
      eventTypes: ['ThingHappened'],
      tables: [
        {
          name: 'ledger_rows',
          columns: { id: 'TEXT', n: 'INTEGER', note: 'TEXT', parity: 'TEXT' },
          primaryKey: ['id'],
          indexes: [['parity']],
        },
      ],
      project(event, view) {
        const n = (event.data as { n: number }).n;
        if (n === 0) return [{ kind: 'upsert', table: 'ledger_rows', row: { id: 'a', n, note: 'first', parity: 'even' } }];
        if (n === 1) return [{ kind: 'upsert', table: 'ledger_rows', row: { id: 'a', n } }]; // note and parity kept
        if (n === 2)
          return [
            {
              kind: 'upsert',
              table: 'ledger_rows',
              row: { id: 'b', n, note: String(view.get('ledger_rows', { id: 'a' })?.['note']), parity: 'even' },
            },
          ];
        if (n === 3)
          return [
            {
              kind: 'upsert',
              table: 'ledger_rows',
              row: { id: 'c', n, note: String(view.find('ledger_rows', { parity: 'even' }).length), parity: 'odd' },
            },
          ];
        return [{ kind: 'delete', table: 'ledger_rows', key: { id: 'a' } }];
      },
    };
    await appendThings(harness.store, 0, 5);
    const { runner, readModels } = harness.open(ledger, { batchSize: 100 });
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(readModels.db.prepare('SELECT * FROM ledger_rows ORDER BY id').all()).toEqual([
      { id: 'b', n: 2, note: 'first', parity: 'even' },
      { id: 'c', n: 3, note: '2', parity: 'odd' },
    ]);
  });

  it('refuses projections sharing a name or a table, or owning the checkpoint table', () => {
    const counting = countingProjection();
    expect(() => harness.open([counting, counting])).toThrow("Two projections are named 'counting'");
    expect(() => harness.open([counting, { ...counting, name: 'other' }])).toThrow(
      "Projections 'counting' and 'other' both own table 'counted_events'",
    );
    const sneaky: Projection = {
      ...counting,
      tables: [{ name: 'projection_checkpoints', columns: { name: 'TEXT' }, primaryKey: ['name'] }],
    };
    expect(() => harness.open(sneaky)).toThrow("cannot own the reserved table 'projection_checkpoints'");
  });

  it('stop is idempotent and start after stop resumes from the checkpoint', async () => {
    await appendThings(harness.store, 0, 8);
    const { runner, readModels } = harness.open(countingProjection());
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    await runner.stop();
    await runner.stop();
    await appendThings(harness.store, 8, 4);
    expect(await runner.waitFor(await harness.head(), 50)).toBe(false);
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(readModels)).toEqual({ total: 12, rows: 12, ns: range(12) });
  });
});
