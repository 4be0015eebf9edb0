import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { EventStoreUnavailableError, type Position, type RecordedEvent, StreamDeletedError } from '#eventstore';
import { EsdbEventStore } from '#eventstore/esdb/esdb-event-store';
import { ProjectionRunner, ReadModelStore } from '#projections';
import { EsdbTestCluster } from '../../../test/support/esdb/server.js';
import { countingProjection } from '../../projections/test/counting-projection.js';
import { event, events } from './event-store.conformance.js';

const resources: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const release of resources.splice(0).reverse()) await release();
});

async function setUp(options: { nodes?: number; batchAppend?: boolean; retryBudgetMs?: number } = {}) {
  const cluster = await EsdbTestCluster.start({ nodes: options.nodes, batchAppend: options.batchAppend });
  const store = new EsdbEventStore({
    connectionString: cluster.connectionString(),
    retryBudgetMs: options.retryBudgetMs ?? 10_000,
    maxResubscribeDelayMs: 200,
  });
  resources.push(
    () => cluster.stop(),
    () => store.close(),
  );
  return { cluster, store };
}

/** Appends `batches` batches of ThingHappened events numbered from 0, one stream each. */
async function appendNumbered(store: EsdbEventStore, batches: number, size: number, pause = 0): Promise<void> {
  for (let b = 0; b < batches; b++) {
    await store.append(
      `thing-${randomUUID()}`,
      Array.from({ length: size }, (_, i) => event('ThingHappened', { n: b * size + i })),
      'no_stream',
    );
    if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function countedRows(readModels: ReadModelStore): unknown[] {
  return readModels.db.prepare('SELECT event_id, n, position FROM counted_events ORDER BY position').all();
}

describe.each([true, false])('EventStoreDB adapter under faults (BatchAppend %s)', (batchAppend) => {
  it('keeps a read model identical to a clean rebuild when the server restarts under a live subscription', async () => {
    const { cluster, store } = await setUp({ batchAppend });
    const readModels = ReadModelStore.open({ path: ':memory:' });
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection()], retryDelayMs: 50 });
    resources.push(
      () => readModels.close(),
      () => runner.stop(),
    );
    await runner.start();

    const writing = appendNumbered(store, 60, 5, 5);
    for (let restart = 0; restart < 3; restart++) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await cluster.restart(30);
    }
    await writing;
    const head = (await store.headPosition())!;
    expect(await runner.waitFor(head, 10_000)).toBe(true);

    const clean = ReadModelStore.open({ path: ':memory:' });
    const rebuild = new ProjectionRunner({ store, readModels: clean, projections: [countingProjection()] });
    resources.push(
      () => clean.close(),
      () => rebuild.stop(),
    );
    await rebuild.start();
    expect(await rebuild.waitFor(head, 10_000)).toBe(true);

    expect(countedRows(readModels)).toHaveLength(300);
    expect(countedRows(readModels)).toEqual(countedRows(clean));
    expect(readModels.db.prepare("SELECT total FROM event_count WHERE id = 'all'").get()).toEqual({ total: 300 });
  });

  it('resumes a dropped subscription from the last event it received: no gap, no duplicate', async () => {
    const { cluster, store } = await setUp({ batchAppend });
    await store.append('thing-a', events(40));
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(undefined, (batch) => void received.push(...batch), { maxBatchSize: 7 });
    resources.push(() => subscription.close());
    for (let n = 0; n < 4; n++) {
      await store.append(`thing-${n}`, events(10));
      cluster.dropSubscriptions();
    }
    await store.append('thing-z', events(5));
    const all = await store.readAll();
    const deadline = Date.now() + 10_000;
    while (received.length < all.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('fails appends during an outage with a clear error, then succeeds after it without writing anything twice', async () => {
    const { cluster, store } = await setUp({ batchAppend, retryBudgetMs: 1_000 });
    await store.append('thing-before', events(1));
    cluster.setUnavailable(true);
    const batch = events(3);
    const error = await store.append('thing-outage', batch, 'no_stream').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toMatch(/EventStoreDB is unavailable: appending to 'thing-outage' failed after \d+ attempts/);
    cluster.setUnavailable(false);
    const result = await store.append('thing-outage', batch, 'no_stream');
    expect(result.nextExpectedRevision).toBe(2n);
    // An outage shorter than the retry budget is invisible to the caller.
    await cluster.stop();
    const during = store.append('thing-outage', events(1), 2n);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await cluster.restart();
    await expect(during).resolves.toMatchObject({ nextExpectedRevision: 3n });
    expect((await store.readStream('thing-outage')).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
    expect(cluster.log.records.filter((r) => r.stream === 'thing-outage')).toHaveLength(4);
  });

  it('retries an append whose answer was lost with the same ids: the repeat is idempotent', async () => {
    const { cluster, store } = await setUp({ batchAppend });
    await store.append('thing-lost', events(2), 'no_stream');
    cluster.loseResponses(1);
    // Other appends in flight at the same time share the BatchAppend call that fails; they are retried too.
    const results = await Promise.all([
      store.append('thing-lost', events(3), 1n),
      ...Array.from({ length: 5 }, (_, i) => store.append(`thing-side-${i}`, events(1), 'no_stream')),
    ]);
    expect(results[0]).toMatchObject({ nextExpectedRevision: 4n });
    expect(cluster.log.records.filter((r) => r.stream === 'thing-lost')).toHaveLength(5);
    for (let i = 0; i < 5; i++) expect(cluster.log.records.filter((r) => r.stream === `thing-side-${i}`)).toHaveLength(1);
    const positions = (await store.readStream('thing-lost')).map((e) => e.position);
    expect(results[0]!.position).toBe(positions.at(-1));
  });
});

describe('EventStoreDB adapter in a cluster', () => {
  it('follows a not-leader answer to the new leader', async () => {
    const { cluster, store } = await setUp({ nodes: 3 });
    await store.append('thing-1', events(1), 'no_stream');
    expect(cluster.nodes[0]!.appendsServed).toBe(1);
    cluster.moveLeader(2);
    await expect(store.append('thing-1', events(1), 0n)).resolves.toMatchObject({ nextExpectedRevision: 1n });
    expect(cluster.nodes[2]!.appendsServed).toBe(1);
    expect(cluster.nodes[0]!.appendsServed).toBe(1);
    expect((await store.readStream('thing-1')).map((e) => e.revision)).toEqual([0n, 1n]);
  });

  it('keeps a subscription going across a leader change', async () => {
    const { cluster, store } = await setUp({ nodes: 3 });
    const received: Position[] = [];
    const subscription = store.subscribeToAll(undefined, (batch) => void received.push(...batch.map((e) => e.position)));
    resources.push(() => subscription.close());
    await store.append('thing-1', events(5));
    cluster.moveLeader(1);
    await store.append('thing-2', events(5));
    cluster.moveLeader(0);
    await store.append('thing-3', events(5));
    const all = (await store.readAll()).map((e) => e.position);
    const deadline = Date.now() + 10_000;
    while (received.length < all.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual(all);
  });
});

describe('EventStoreDB adapter and deleted streams', () => {
  it('reports a tombstoned stream as deleted, for reads and appends', async () => {
    const { cluster, store } = await setUp();
    await store.append('thing-gone', events(2));
    const client = EventStoreDBClient.connectionString(cluster.connectionString());
    resources.push(() => client.dispose());
    await client.tombstoneStream('thing-gone');
    await expect(store.readStream('thing-gone')).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(store.append('thing-gone', events(1))).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(store.append('thing-gone', events(1), 1n)).rejects.toMatchObject({ stream: 'thing-gone', code: 'STREAM_DELETED' });
    // The tombstone and other system events never reach the port's readers.
    expect((await store.readAll()).map((e) => e.type)).toEqual(['ThingHappened', 'ThingHappened']);
    await client.appendToStream('thing-other', jsonEvent({ type: 'ThingHappened', data: { n: 1 } }));
    expect(await store.readAll()).toHaveLength(3);
  });
});

describe('EventStoreDB adapter: slow nodes and connection strings', () => {
  it('retries an append that outlived its deadline and, once the node is fast again, writes it exactly once', async () => {
    const cluster = await EsdbTestCluster.start({ batchAppend: false });
    const store = new EsdbEventStore({ connectionString: cluster.connectionString('&defaultDeadline=150'), retryBudgetMs: 500 });
    resources.push(
      () => cluster.stop(),
      () => store.close(),
    );
    const batch = events(2);
    cluster.delayMs = 400;
    const error = await store.append('thing-slow', batch, 'no_stream').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toMatch(/DEADLINE_EXCEEDED|deadline/i);
    cluster.delayMs = 0;
    // The slow node did write it in the end; the same append again is recognised as already done.
    await expect(store.append('thing-slow', batch, 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 1n });
    expect(cluster.log.records.filter((r) => r.stream === 'thing-slow')).toHaveLength(2);
  });

  it('accepts kurrentdb:// and refuses throwOnAppendFailure=false', async () => {
    expect(() => new EsdbEventStore({ connectionString: 'esdb://127.0.0.1:1?tls=false&throwOnAppendFailure=false' })).toThrow(
      /throwOnAppendFailure/,
    );
    const cluster = await EsdbTestCluster.start();
    const store = new EsdbEventStore({ connectionString: cluster.connectionString().replace('esdb://', 'kurrentdb://') });
    resources.push(
      () => cluster.stop(),
      () => store.close(),
    );
    await expect(store.append('thing-k', events(1))).resolves.toMatchObject({ nextExpectedRevision: 0n });
  });
});
