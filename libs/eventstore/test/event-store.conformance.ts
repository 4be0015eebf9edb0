import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  InvalidAppendError,
  type NewEvent,
  type Position,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '#eventstore';

export interface StoreUnderTest {
  readonly store: EventStore;
  /** Releases files or servers the store used. */
  dispose(): Promise<void>;
}

export const event = (type = 'ThingHappened', data: unknown = { n: 1 }): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
});

export const events = (count: number, type = 'ThingHappened'): NewEvent[] => Array.from({ length: count }, (_, n) => event(type, { n }));

const stream = () => `thing-${randomUUID()}`;

/** Collects what a subscription delivers until `count` events arrived. */
function collect(store: EventStore, after: Position | undefined, count: number, options: { maxBatchSize?: number } = {}) {
  const received: RecordedEvent[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const subscription = store.subscribeToAll(
    after,
    (batch) => {
      received.push(...batch);
      if (received.length >= count) done();
    },
    options,
  );
  return {
    received,
    subscription,
    finished: (timeoutMs = 5000) =>
      Promise.race([
        finished,
        new Promise<void>((_, reject) =>
          setTimeout(() => reject(new Error(`received ${received.length} of ${count} events`)), timeoutMs).unref(),
        ),
      ]),
  };
}

/**
 * The event store port's contract, EventStoreDB's semantics. Every adapter runs it.
 */
export function describeEventStoreConformance(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name} event store conformance`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    describe('append and expected revision', () => {
      it('appends to a new stream with no_stream and returns the last revision and position', async () => {
        const s = stream();
        const result = await store.append(s, events(3), 'no_stream');
        expect(result.nextExpectedRevision).toBe(2n);
        const read = await store.readStream(s);
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(read.at(-1)!.position).toBe(result.position);
      });

      it('records stream, revision, position, id, type, data and metadata', async () => {
        const s = stream();
        const e = event('ThingNamed', { name: 'Prevention', nested: { list: [1, 2] } });
        await store.append(s, [e]);
        const [read] = await store.readStream(s);
        expect(read).toMatchObject({ id: e.id, type: 'ThingNamed', data: e.data, metadata: e.metadata, stream: s, revision: 0n });
        expect(typeof read!.position).toBe('bigint');
      });

      it('accepts an exact expected revision and rejects a stale one with the stream, expected and actual revision', async () => {
        const s = stream();
        await store.append(s, events(2), 'no_stream');
        await expect(store.append(s, events(1), 1n)).resolves.toMatchObject({ nextExpectedRevision: 2n });
        const error = await store.append(s, events(1), 1n).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ stream: s, expected: 1n, actual: 2n });
      });

      it('no_stream fails on an existing stream; stream_exists fails on a missing one; any always appends', async () => {
        const s = stream();
        await expect(store.append(s, events(1), 'stream_exists')).rejects.toMatchObject({ stream: s, actual: 'no_stream' });
        await store.append(s, events(1), 'no_stream');
        await expect(store.append(s, events(1), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(store.append(s, events(1), 'stream_exists')).resolves.toMatchObject({ nextExpectedRevision: 1n });
        await expect(store.append(s, events(1), 'any')).resolves.toMatchObject({ nextExpectedRevision: 2n });
        await expect(store.append(s, events(1), 0n)).rejects.toMatchObject({ expected: 0n, actual: 2n });
      });

      it('is all or nothing: a rejected append writes none of its events', async () => {
        const s = stream();
        await store.append(s, events(1));
        await expect(store.append(s, events(5), 7n)).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.readStream(s)).toHaveLength(1);
        expect(await store.readAll()).toHaveLength(1);
      });

      it('rejects malformed appends without writing anything', async () => {
        const s = stream();
        const duplicate = event();
        await expect(store.append(s, [])).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(s, [duplicate, duplicate])).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(s, [{ ...event(), id: 'not-a-uuid' }])).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append('', events(1))).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append('$system', events(1))).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(s, events(1), -1n)).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.readAll()).toHaveLength(0);
      });

      it('lets exactly one of many concurrent appends with the same expected revision win', async () => {
        const s = stream();
        await store.append(s, events(1), 'no_stream');
        const outcomes = await Promise.allSettled(Array.from({ length: 16 }, () => store.append(s, events(2), 0n)));
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(15);
        for (const o of lost) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it('keeps each concurrent append to different streams independent', async () => {
        const streams = Array.from({ length: 20 }, stream);
        const results = await Promise.all(streams.map((s) => store.append(s, events(2), 'no_stream')));
        expect(results.every((r) => r.nextExpectedRevision === 1n)).toBe(true);
        expect(new Set(results.map((r) => r.position)).size).toBe(20);
        expect(await store.readAll()).toHaveLength(40);
      });
    });

    describe('idempotency by event id', () => {
      it('appending the same events again writes nothing and returns the original revision and position', async () => {
        const s = stream();
        const batch = events(3);
        const first = await store.append(s, batch, 'no_stream');
        await store.append(s, events(1));
        const again = await store.append(s, batch, 'no_stream');
        expect(again).toEqual(first);
        expect(await store.readStream(s)).toHaveLength(4);
      });

      it('treats a retried single event the same way, with any expected revision', async () => {
        const s = stream();
        const e = event();
        const first = await store.append(s, [e], 'any');
        expect(await store.append(s, [e], 'any')).toEqual(first);
        expect(await store.readAll()).toHaveLength(1);
      });

      it('rejects a partial overlap as a conflict and writes nothing', async () => {
        const s = stream();
        const batch = events(2);
        await store.append(s, batch);
        await expect(store.append(s, [batch[0]!, event()])).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(store.append(s, [event(), batch[1]!])).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('does not confuse the same id on another stream', async () => {
        const e = event();
        await store.append(stream(), [e]);
        await store.append(stream(), [e]);
        expect(await store.readAll()).toHaveLength(2);
      });
    });

    describe('readStream', () => {
      it('reads a missing stream as empty', async () => {
        expect(await store.readStream(stream())).toEqual([]);
        expect(await store.readStream(stream(), { direction: 'backwards' })).toEqual([]);
      });

      it('reads forwards and backwards, from a revision, with a max count', async () => {
        const s = stream();
        await store.append(s, events(10));
        await store.append(stream(), events(3));
        const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
          (await store.readStream(s, options)).map((e) => Number(e.revision));
        expect(await revisions({})).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(await revisions({ maxCount: 3 })).toEqual([0, 1, 2]);
        expect(await revisions({ fromRevision: 7n })).toEqual([7, 8, 9]);
        expect(await revisions({ direction: 'backwards', maxCount: 3 })).toEqual([9, 8, 7]);
        expect(await revisions({ direction: 'backwards', fromRevision: 2n })).toEqual([2, 1, 0]);
        expect(await revisions({ direction: 'backwards', fromRevision: 50n, maxCount: 2 })).toEqual([9, 8]);
      });
    });

    describe('readAll', () => {
      it('reads every stream in commit order with strictly increasing positions, from an exclusive position', async () => {
        const a = stream();
        const b = stream();
        await store.append(a, events(2));
        await store.append(b, events(2));
        await store.append(a, events(1));
        const all = await store.readAll();
        expect(all.map((e) => e.stream)).toEqual([a, a, b, b, a]);
        for (let i = 1; i < all.length; i++) expect(all[i]!.position > all[i - 1]!.position).toBe(true);
        const tail = await store.readAll({ after: all[2]!.position });
        expect(tail.map((e) => e.id)).toEqual(all.slice(3).map((e) => e.id));
        expect(await store.readAll({ after: all[0]!.position, maxCount: 2 })).toEqual(all.slice(1, 3));
        expect(await store.headPosition()).toBe(all.at(-1)!.position);
      });

      it('has no head position when the log is empty', async () => {
        expect(await store.headPosition()).toBeUndefined();
        expect(await store.readAll()).toEqual([]);
      });
    });

    describe('subscribeToAll', () => {
      it('delivers the past, then live events, in order, without gap or duplicate', async () => {
        await store.append(stream(), events(25));
        const sub = collect(store, undefined, 75, { maxBatchSize: 7 });
        const live = Promise.all(Array.from({ length: 10 }, () => store.append(stream(), events(5))));
        await live;
        await sub.finished();
        await sub.subscription.close();
        const all = await store.readAll();
        expect(sub.received.map((e) => e.id)).toEqual(all.map((e) => e.id));
      });

      it('starts mid-log after the given position', async () => {
        await store.append(stream(), events(10));
        const all = await store.readAll();
        const sub = collect(store, all[5]!.position, 6);
        await store.append(stream(), events(2));
        await sub.finished();
        await sub.subscription.close();
        expect(sub.received.map((e) => e.id)).toEqual((await store.readAll({ after: all[5]!.position })).map((e) => e.id));
      });

      it('reports when it has caught up, with the last delivered position', async () => {
        await store.append(stream(), events(4));
        const head = await store.headPosition();
        const caughtUp = await new Promise<Position | undefined>((resolve) => {
          const subscription = store.subscribeToAll(undefined, () => undefined, {
            onCaughtUp: (position) => {
              void subscription.close();
              resolve(position);
            },
          });
        });
        expect(caughtUp).toBe(head);
      });

      it('waits for a slow handler before reading on, holding one batch at a time', async () => {
        await store.append(stream(), events(50));
        let inFlight = 0;
        let maxInFlight = 0;
        let largestBatch = 0;
        let seen = 0;
        let done: () => void = () => undefined;
        const finished = new Promise<void>((resolve) => (done = resolve));
        const subscription = store.subscribeToAll(
          undefined,
          async (batch) => {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            largestBatch = Math.max(largestBatch, batch.length);
            await new Promise((resolve) => setTimeout(resolve, 5));
            seen += batch.length;
            inFlight--;
            if (seen === 50) done();
          },
          { maxBatchSize: 10 },
        );
        await finished;
        await subscription.close();
        expect(maxInFlight).toBe(1);
        expect(largestBatch).toBeLessThanOrEqual(10);
      });

      it('stops and reports the error when the handler throws, delivering nothing after it', async () => {
        await store.append(stream(), events(3));
        let calls = 0;
        const error = await new Promise<unknown>((resolve) => {
          store.subscribeToAll(
            undefined,
            () => {
              calls++;
              throw new Error('projector failed');
            },
            { maxBatchSize: 1, onError: resolve },
          );
        });
        await store.append(stream(), events(1));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect((error as Error).message).toBe('projector failed');
        expect(calls).toBe(1);
      });

      it('delivers nothing after close', async () => {
        const sub = collect(store, undefined, 1);
        await store.append(stream(), events(1));
        await sub.finished();
        await sub.subscription.close();
        await store.append(stream(), events(3));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(sub.received).toHaveLength(1);
      });
    });
  });
}
