import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MemoryEventStore } from '#eventstore';
import type { Projection } from '#projections';
import { countingProjection } from './counting-projection.js';
import { FlakySubscriptionStore } from './flaky-store.js';
import { recordingLogger } from './recording-logger.js';
import { RunnerHarness } from './runner-harness.js';
import { appendThings, buildCounts, counts, range } from './things.js';

describe('projection runner: a projector that fails', () => {
  let harness: RunnerHarness;
  beforeEach(() => {
    harness = new RunnerHarness();
  });
  afterEach(() => harness.dispose());

  it('stops on the event it throws on, records and logs it, and a restart with the fix resumes exactly there', async () => {
    const logger = recordingLogger();
    const broken = harness.open(countingProjection({ failOn: (n) => n === 17 }), { logger });
    await broken.runner.start(); // an empty log: it serves at once, and fails live
    await appendThings(harness.store, 0, 40);
    expect(await broken.runner.waitFor(await harness.head(), 2000)).toBe(false);
    const events = await harness.store.readAll();
    const culprit = events[17]!;
    const failure = { message: 'cannot project event 17', position: culprit.position.toString(), eventType: 'ThingHappened' };
    expect((await broken.runner.status())[0]).toEqual({
      name: 'counting',
      version: 1,
      position: events[16]!.position,
      lag: (await harness.head()) - events[16]!.position,
      state: 'failed',
      phase: 'failed',
      available: true,
      error: failure,
    });
    expect(counts(broken.readModels)).toEqual({ total: 17, rows: 17, ns: range(17) });
    expect(broken.readModels.checkpoint('counting')).toMatchObject({
      position: events[16]!.position.toString(),
      state: 'failed',
      error_message: failure.message,
      error_position: failure.position,
      error_event_type: failure.eventType,
    });
    const errors = logger.entries.filter((entry) => entry.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.object).toMatchObject({ projection: 'counting', position: failure.position, eventType: 'ThingHappened' });
    expect((errors[0]!.object['err'] as Error).message).toBe(failure.message);

    await appendThings(harness.store, 40, 5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(counts(broken.readModels).total).toBe(17);
    await harness.close(broken);

    const fixed = harness.open(countingProjection());
    expect((await fixed.runner.status())[0]).toMatchObject({ state: 'failed', error: failure });
    await fixed.runner.start();
    expect(await fixed.runner.waitFor(await harness.head(), 5000)).toBe(true);
    expect(counts(fixed.readModels)).toEqual({ total: 45, rows: 45, ns: range(45) });
    expect((await fixed.runner.status())[0]).toEqual({
      name: 'counting',
      version: 1,
      position: await harness.head(),
      lag: 0n,
      state: 'running',
      phase: 'live',
      available: true,
    });
    expect(fixed.readModels.checkpoint('counting')).toMatchObject({ state: 'ok', error_message: null, error_position: null });
  });

  it('keeps every event before the culprit and none after, wherever it falls in a batch (of a build, which serves nothing meanwhile)', async () => {
    await appendThings(harness.store, 0, 30);
    const events = await harness.store.readAll();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 29 }), async (batchSize, culprit) => {
        const tablePrefix = `run${run++}_`;
        const name = `counting_${tablePrefix}`;
        const broken = harness.open(countingProjection({ name, tablePrefix, failOn: (n) => n === culprit }), { batchSize });
        await broken.runner.start();
        expect(await broken.runner.waitFor(events.at(-1)!.position, 2000)).toBe(false);
        const [status] = await broken.runner.status();
        expect(status?.available).toBe(false);
        expect(status?.building?.position).toBe(culprit === 0 ? undefined : events[culprit - 1]!.position);
        expect(status?.error?.position).toBe(events[culprit]!.position.toString());
        expect(buildCounts(broken.readModels, name, tablePrefix)).toEqual({ total: culprit, rows: culprit, ns: range(culprit) });
        expect(() => counts(broken.readModels, tablePrefix)).toThrow(`The '${name}' read model is being built`);
        await harness.close(broken);

        const fixed = harness.open(countingProjection({ name, tablePrefix }), { batchSize });
        await fixed.runner.start();
        expect(await fixed.runner.waitFor(events.at(-1)!.position, 5000)).toBe(true);
        expect(counts(fixed.readModels, tablePrefix)).toEqual({ total: 30, rows: 30, ns: range(30) });
        await harness.close(fixed);
      }),
      { numRuns: 25 },
    );
  });

  it('stops only the failing projection; the others keep following the log', async () => {
    await appendThings(harness.store, 0, 20);
    const failing = countingProjection({ name: 'failing', tablePrefix: 'failing_', failOn: (n) => n === 5 });
    const healthy = countingProjection({ name: 'healthy', tablePrefix: 'healthy_' });
    const { runner, readModels } = harness.open([failing, healthy]);
    await runner.start();
    await appendThings(harness.store, 20, 10);
    expect(await runner.waitFor(await harness.head(), 5000, ['healthy'])).toBe(true);
    expect(await runner.waitFor(await harness.head(), 5000)).toBe(false);
    expect(counts(readModels, 'healthy_')).toEqual({ total: 30, rows: 30, ns: range(30) });
    expect(buildCounts(readModels, 'failing', 'failing_')).toEqual({ total: 5, rows: 5, ns: range(5) });
    expect((await runner.status()).map((status) => [status.name, status.state])).toEqual([
      ['failing', 'failed'],
      ['healthy', 'running'],
    ]);
  });

  it('waitFor answers at once: true for positions the failed projection had reached, false beyond them', async () => {
    const { runner } = harness.open(countingProjection({ failOn: (n) => n === 6 }));
    await runner.start();
    await appendThings(harness.store, 0, 10);
    const events = await harness.store.readAll();
    expect(await runner.waitFor(events[9]!.position, 5000)).toBe(false);
    const started = Date.now();
    expect(await runner.waitFor(events[5]!.position, 5000)).toBe(true);
    expect(await runner.waitFor(events[6]!.position, 5000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a change to a table the projection does not own, stopping on that event', async () => {
    const rogue: Projection = {
      ...countingProjection(),
      project: (event) => [{ kind: 'upsert', table: 'someone_elses', row: { id: event.id } }],
    };
    await appendThings(harness.store, 0, 2);
    const { runner, readModels } = harness.open(rogue);
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 1000)).toBe(false);
    const [status] = await runner.status();
    expect(status?.error?.message).toBe("Projection 'counting' does not own a table named 'someone_elses'");
    expect(status?.position).toBeUndefined();
    expect(readModels.db.prepare("SELECT name FROM sqlite_master WHERE name = 'someone_elses'").get()).toBeUndefined();
  });

  it('names the column when a change uses one its table does not have', async () => {
    const typo: Projection = {
      ...countingProjection(),
      project: (event) => [{ kind: 'upsert', table: 'counted_events', row: { event_id: event.id, nn: 1 } }],
    };
    await appendThings(harness.store, 0, 1);
    const { runner } = harness.open(typo);
    await runner.start();
    expect(await runner.waitFor(await harness.head(), 1000)).toBe(false);
    expect((await runner.status())[0]?.error?.message).toBe("Table 'counted_events' of projection 'counting' has no column 'nn'");
  });
});

describe('projection runner: the event store failing a subscription', () => {
  it('follows the log again from its checkpoint after a delay, without a duplicate or a gap', async () => {
    const flaky = new FlakySubscriptionStore(new MemoryEventStore(), 2);
    const harness = new RunnerHarness(flaky);
    try {
      const logger = recordingLogger();
      const { runner, readModels } = harness.open(countingProjection(), { logger, retryDelayMs: 5 });
      await runner.start(); // an empty log: it serves at once, and the feed follows the events appended next
      await appendThings(flaky, 0, 50);
      expect(await runner.waitFor(await harness.head(), 5000)).toBe(true);
      expect(counts(readModels)).toEqual({ total: 50, rows: 50, ns: range(50) });
      expect(flaky.subscriptions).toBe(3);
      const errors = logger.entries.filter((entry) => entry.level === 'error');
      // Each broken subscription had delivered a batch, so the delay starts over instead of doubling.
      expect(errors.map((entry) => entry.object['retryInMs'])).toEqual([5, 5]);
      expect((await runner.status())[0]).toMatchObject({ state: 'running', lag: 0n });
      expect((await runner.status())[0]?.error).toBeUndefined();
    } finally {
      await harness.dispose();
    }
  });
});
