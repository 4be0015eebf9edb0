import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  type EventStore,
  MemoryEventStore,
  type NewEvent,
  type RecordedEvent,
  SqliteEventStore,
  type Upcaster,
  UpcasterRegistry,
} from '#eventstore';
import { EsdbEventStore } from '#eventstore/esdb/esdb-event-store';
import { EsdbTestCluster } from '../../../test/support/esdb/server.js';
import { removeDir, tempDataDir } from '../../../test/support/temp-dir.js';

/**
 * A test-only event whose shape changed: `NameGiven` (schema 1) held one `name`; its current shape, `NameGiven.v2`
 * (schema 2), holds `given` and `family`. Events stored in the old shape stay as they are and are read in the new one.
 */
const oldShape = (name: string): NewEvent => ({
  id: randomUUID(),
  type: 'NameGiven',
  data: { name },
  metadata: { correlationId: randomUUID(), occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
});
const newShape = (given: string, family: string): NewEvent => ({
  id: randomUUID(),
  type: 'NameGiven.v2',
  data: { given, family },
  metadata: { correlationId: randomUUID(), occurredAt: '2026-01-02T00:00:00.000Z', schemaVersion: 2 },
});

/** The upcaster from the old shape, counting its calls. */
function nameSplitter(): Upcaster & { calls: number } {
  return {
    calls: 0,
    type: 'NameGiven',
    schemaVersion: 1,
    upcast(event) {
      this.calls++;
      const [given = '', ...family] = (event.data as { name: string }).name.split(' ');
      return { type: 'NameGiven.v2', schemaVersion: 2, data: { given, family: family.join(' ') } };
    },
  };
}

const shapes = (events: readonly RecordedEvent[]) =>
  events.map((event) => ({ type: event.type, schemaVersion: event.metadata.schemaVersion, data: event.data }));
const CURRENT = [
  { type: 'NameGiven.v2', schemaVersion: 2, data: { given: 'Ada', family: 'King Lovelace' } },
  { type: 'NameGiven.v2', schemaVersion: 2, data: { given: 'Grace', family: 'Hopper' } },
];

/** Everything a subscription delivers until it has `count` events. */
async function subscribed(store: EventStore, count: number): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  let subscription: { close(): Promise<void> } | undefined;
  await new Promise<void>((resolve) => {
    subscription = store.subscribeToAll(undefined, (batch) => {
      received.push(...batch);
      if (received.length >= count) resolve();
    });
  });
  await subscription!.close();
  return received;
}

interface Backend {
  /**
   * A store that writes events as they are given (no upcasters), and one on the same log that reads with `upcasters`
   * (the memory store: one store, both).
   */
  open(upcasters: UpcasterRegistry): Promise<{ writer: EventStore; reader: EventStore; dispose(): Promise<void> }>;
}

const backends: Record<string, Backend> = {
  memory: {
    async open(upcasters) {
      const store = new MemoryEventStore({ upcasters });
      return { writer: store, reader: store, dispose: () => store.close() };
    },
  },
  sqlite: {
    async open(upcasters) {
      const dir = tempDataDir('npa-upcast-');
      const path = join(dir, 'events.sqlite');
      const writer = SqliteEventStore.open({ path });
      const reader = SqliteEventStore.open({ path, upcasters, pollIntervalMs: 20 });
      return {
        writer,
        reader,
        dispose: async () => {
          await reader.close();
          await writer.close();
          removeDir(dir);
        },
      };
    },
  },
  esdb: {
    async open(upcasters) {
      const cluster = await EsdbTestCluster.start();
      const writer = new EsdbEventStore({ connectionString: cluster.connectionString() });
      const reader = new EsdbEventStore({ connectionString: cluster.connectionString(), upcasters });
      return {
        writer,
        reader,
        dispose: async () => {
          await reader.close();
          await writer.close();
          await cluster.stop();
        },
      };
    },
  },
};

describe.each(Object.keys(backends))('%s event store with an upcaster', (name) => {
  const upcaster = nameSplitter();
  let opened: Awaited<ReturnType<Backend['open']>>;
  const stream = `person-${randomUUID()}`;
  const appended: NewEvent[] = [oldShape('Ada King Lovelace'), newShape('Grace', 'Hopper')];

  beforeAll(async () => {
    opened = await backends[name]!.open(new UpcasterRegistry([upcaster]));
    await opened.writer.append(stream, appended, 'no_stream');
  });
  afterAll(() => opened.dispose());

  it('reads an event stored in the old shape in the current one, from its stream and from the log, once per event read', async () => {
    upcaster.calls = 0;
    const fromStream = await opened.reader.readStream(stream);
    expect(shapes(fromStream)).toEqual(CURRENT);
    expect(fromStream.map((event) => event.id)).toEqual(appended.map((event) => event.id));
    expect(fromStream.map((event) => event.revision)).toEqual([0n, 1n]);
    expect(upcaster.calls).toBe(1);
    const fromLog = await opened.reader.readAll();
    expect(shapes(fromLog)).toEqual(CURRENT);
    expect(fromLog.map((event) => event.position)).toEqual(fromStream.map((event) => event.position));
    expect(upcaster.calls).toBe(2);
    expect(shapes(await opened.reader.readStream(stream, { direction: 'backwards' }))).toEqual([...CURRENT].reverse());
  });

  it('delivers the current shape to a subscription, upcast once for every consumer of the batch', async () => {
    upcaster.calls = 0;
    const batch = await subscribed(opened.reader, 2);
    // Two projectors fed by the one subscription see the same upcast events: the upcaster ran once per event.
    const projectors = [shapes(batch), shapes(batch)];
    expect(projectors).toEqual([CURRENT, CURRENT]);
    expect(upcaster.calls).toBe(1);
  });

  it('leaves the stored event in its old shape', async () => {
    // The memory store is its own writer: what it holds is checked by reading it without the registry.
    if (opened.writer === opened.reader) return;
    expect(shapes(await opened.writer.readStream(stream))[0]).toEqual({
      type: 'NameGiven',
      schemaVersion: 1,
      data: { name: 'Ada King Lovelace' },
    });
  });
});

describe('upcaster registry', () => {
  const recorded = (event: NewEvent): RecordedEvent => ({ ...event, stream: 'person-1', revision: 0n, position: 1n });

  it('passes a current event through untouched, the same object', () => {
    const event = recorded(newShape('Grace', 'Hopper'));
    expect(new UpcasterRegistry([nameSplitter()]).upcast(event)).toBe(event);
  });

  it('follows a chain of shapes to the current one, keeping the rest of the metadata', () => {
    const toV3: Upcaster = {
      type: 'NameGiven.v2',
      schemaVersion: 2,
      upcast: (event) => ({ type: 'NameGiven.v3', schemaVersion: 3, data: { ...(event.data as object), title: null } }),
    };
    const event = recorded(oldShape('Ada Lovelace'));
    const upcast = new UpcasterRegistry([toV3, nameSplitter()]).upcast(event);
    expect(upcast).toMatchObject({
      id: event.id,
      type: 'NameGiven.v3',
      data: { given: 'Ada', family: 'Lovelace', title: null },
      position: 1n,
    });
    expect(upcast.metadata).toEqual({ ...event.metadata, schemaVersion: 3 });
    expect(event.type).toBe('NameGiven');
  });

  it('refuses two upcasters of one shape, and a circle of them', () => {
    expect(() => new UpcasterRegistry([nameSplitter(), nameSplitter()])).toThrow(/Two upcasters read 'NameGiven' at schema version 1/);
    const back: Upcaster = {
      type: 'NameGiven.v2',
      schemaVersion: 2,
      upcast: () => ({ type: 'NameGiven', schemaVersion: 1, data: { name: 'x' } }),
    };
    expect(() => new UpcasterRegistry([nameSplitter(), back]).upcast(recorded(oldShape('x')))).toThrow(/go round in a circle/);
  });
});
