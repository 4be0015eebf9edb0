import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  NotLeaderError,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { builtFile } from '../support/built.js';
import { EsdbTestCluster } from '../support/esdb/server.js';
import { spawnEsdbTestServer } from '../support/esdb/spawn-server.js';
import { shared, streamIdentifier, streams, streamsGrpc, uuidMessage } from '../support/esdb/protocol.js';

const open: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function connect(options: { nodes?: number; batchAppend?: boolean } = {}) {
  const cluster = await EsdbTestCluster.start(options);
  const client = EventStoreDBClient.connectionString(cluster.connectionString());
  open.push(
    () => cluster.stop(),
    () => client.dispose(),
  );
  return { cluster, client };
}

const thing = (n: number) => jsonEvent({ type: 'ThingHappened', data: { n } });

async function read(iterable: AsyncIterable<ResolvedEvent>): Promise<ResolvedEvent[]> {
  const out: ResolvedEvent[] = [];
  for await (const resolved of iterable) out.push(resolved);
  return out;
}

describe('EventStoreDB test server: streams', () => {
  it('answers a missing stream with stream_not_found, which the client raises as StreamNotFoundError', async () => {
    const { client } = await connect();
    await expect(read(client.readStream('nothing-here'))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('soft-deletes: the stream reads as missing, its events stay in $all, and no_stream undeletes it with revisions going on', async () => {
    const { client } = await connect();
    await client.appendToStream('order-1', [thing(0), thing(1)]);
    await client.deleteStream('order-1', { expectedRevision: 1n });
    await expect(read(client.readStream('order-1'))).rejects.toBeInstanceOf(StreamNotFoundError);
    await expect(client.appendToStream('order-1', thing(2), { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
      StreamDeletedError,
    );
    const again = await client.appendToStream('order-1', thing(3), { expectedRevision: 'no_stream' });
    expect(again.nextExpectedRevision).toBe(2n);
    expect((await read(client.readStream('order-1'))).map((e) => [e.event!.revision, (e.event!.data as { n: number }).n])).toEqual([
      [2n, 3],
    ]);
    const all = await read(client.readAll());
    expect(all.filter((e) => e.event!.streamId === 'order-1')).toHaveLength(3);
    expect(all.find((e) => e.event!.streamId === '$$order-1')?.event).toMatchObject({ type: '$metadata', data: { $tb: 2 } });
  });

  it('refuses a delete at the wrong revision with the exception trailers the client reads', async () => {
    const { client } = await connect();
    await client.appendToStream('order-2', [thing(0), thing(1)]);
    const error = await client.deleteStream('order-2', { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamName: 'order-2', expectedVersion: 0n, actualVersion: 1n });
  });

  it('tombstones: reads and writes fail with stream-deleted from then on, and the tombstone is a $streamDeleted event', async () => {
    const { client } = await connect();
    await client.appendToStream('order-3', thing(0));
    await client.tombstoneStream('order-3');
    await expect(read(client.readStream('order-3'))).rejects.toMatchObject({ type: 'stream-deleted', streamName: 'order-3' });
    await expect(client.appendToStream('order-3', thing(1))).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.tombstoneStream('order-3')).rejects.toBeInstanceOf(StreamDeletedError);
    const last = (await read(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })))[0]!.event!;
    expect(last).toMatchObject({ streamId: 'order-3', type: '$streamDeleted', revision: 9223372036854775807n });
  });

  it('is idempotent by event id, and a batch only partly written before is a wrong expected version', async () => {
    const { client } = await connect();
    const batch = [thing(0), thing(1)];
    const first = await client.appendToStream('order-4', batch, { expectedRevision: 'no_stream' });
    const repeat = await client.appendToStream('order-4', batch, { expectedRevision: 'no_stream' });
    expect(repeat).toMatchObject({ nextExpectedRevision: first.nextExpectedRevision, position: first.position });
    await expect(client.appendToStream('order-4', [batch[0]!, thing(2)], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await read(client.readStream('order-4'))).toHaveLength(2);
  });

  it('gives every event a commit position equal to its prepare position, growing with the log', async () => {
    const { client } = await connect();
    await client.appendToStream('order-5', [thing(0), thing(1), thing(2)]);
    const positions = (await read(client.readAll())).map((e) => e.event!.position!);
    for (const position of positions) expect(position.commit).toBe(position.prepare);
    for (let i = 1; i < positions.length; i++) expect(positions[i]!.commit > positions[i - 1]!.commit).toBe(true);
  });

  it('reads $all in both directions from a position with a max count', async () => {
    const { client } = await connect();
    await client.appendToStream('order-6', [thing(0), thing(1), thing(2), thing(3)]);
    const all = (await read(client.readAll())).map((e) => e.event!.position!);
    const third = all.at(-2)!;
    expect((await read(client.readAll({ fromPosition: third }))).map((e) => e.event!.position!)).toEqual(all.slice(-2));
    expect((await read(client.readAll({ direction: BACKWARDS, fromPosition: third, maxCount: 2 }))).map((e) => e.event!.position!)).toEqual(
      all.slice(-4, -2).reverse(),
    );
    expect(await read(client.readAll({ direction: BACKWARDS, fromPosition: START }))).toEqual([]);
  });

  it('accepts UUIDs in the structured form, and answers in the form the reader asks for', async () => {
    const { cluster } = await connect();
    const id = randomUUID();
    const raw = new streamsGrpc.StreamsClient(cluster.nodes[0]!.address, grpc.credentials.createInsecure());
    open.push(() => raw.close());
    await new Promise<void>((resolve, reject) => {
      const call = raw.append((error) => (error ? reject(error) : resolve()));
      const options = new streams.AppendReq.Options().setStreamIdentifier(streamIdentifier('order-7')).setAny(new shared.Empty());
      call.write(new streams.AppendReq().setOptions(options));
      const proposed = new streams.AppendReq.ProposedMessage().setId(uuidMessage(id, true)).setData(Buffer.from('{}'));
      proposed.getMetadataMap().set('type', 'ThingHappened').set('content-type', 'application/json');
      call.write(new streams.AppendReq().setProposedMessage(proposed));
      call.end();
    });
    const request = new streams.ReadReq().setOptions(
      new streams.ReadReq.Options()
        .setStream(
          new streams.ReadReq.Options.StreamOptions().setStreamIdentifier(streamIdentifier('order-7')).setStart(new shared.Empty()),
        )
        .setCount('10')
        .setNoFilter(new shared.Empty())
        .setUuidOption(new streams.ReadReq.Options.UUIDOption().setStructured(new shared.Empty())),
    );
    const ids = await new Promise<unknown[]>((resolve, reject) => {
      const found: unknown[] = [];
      raw
        .read(request)
        .on('data', (resp: InstanceType<typeof streams.ReadResp>) => found.push(resp.getEvent()?.getEvent()?.getId()?.hasStructured()))
        .on('end', () => resolve(found))
        .on('error', reject);
    });
    expect(ids).toEqual([true]);
    const client = EventStoreDBClient.connectionString(cluster.connectionString());
    open.push(() => client.dispose());
    expect((await read(client.readStream('order-7')))[0]!.event!.id).toBe(id);
  });

  it('requires type and content-type metadata, with the trailer that names them', async () => {
    const { cluster } = await connect();
    const raw = new streamsGrpc.StreamsClient(cluster.nodes[0]!.address, grpc.credentials.createInsecure());
    open.push(() => raw.close());
    const error = await new Promise<grpc.ServiceError>((resolve) => {
      const call = raw.append((e) => resolve(e!));
      call.write(
        new streams.AppendReq().setOptions(
          new streams.AppendReq.Options().setStreamIdentifier(streamIdentifier('order-8')).setAny(new shared.Empty()),
        ),
      );
      call.write(
        new streams.AppendReq().setProposedMessage(new streams.AppendReq.ProposedMessage().setId(uuidMessage(randomUUID(), false))),
      );
      call.end();
    });
    expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(error.metadata.get('exception')).toEqual(['missing-required-metadata-property']);
    expect(error.metadata.get('required-metadata-properties')).toEqual(['type,content-type']);
  });
});

describe('EventStoreDB test server: subscriptions', () => {
  it('starts strictly after the given position, reports caughtUp, then delivers live events', async () => {
    const { client } = await connect();
    await client.appendToStream('order-9', [thing(0), thing(1), thing(2)]);
    const all = (await read(client.readAll())).map((e) => e.event!.position!);
    const subscription = client.subscribeToAll({ fromPosition: all.at(-2)! });
    open.push(() => subscription.unsubscribe());
    const seen: Position[] = [];
    let caughtUpAt = -1;
    const done = new Promise<void>((resolve) =>
      subscription.on('data', (e: ResolvedEvent) => {
        seen.push(e.event!.position!);
        if (seen.length === 2) resolve();
      }),
    );
    await new Promise<void>((resolve) => subscription.on('caughtUp', () => ((caughtUpAt = seen.length), resolve())));
    await client.appendToStream('order-9', thing(3));
    await done;
    expect(caughtUpAt).toBe(1);
    expect(seen[0]).toEqual(all.at(-1));
  });

  it('filters by event-type regex and stream-name prefix, and sends checkpoints as it goes', async () => {
    const { client } = await connect();
    for (let n = 0; n < 40; n++)
      await client.appendToStream(
        n % 2 ? 'invoice-1' : 'order-10',
        jsonEvent({ type: n % 4 === 0 ? 'Noted' : 'ThingHappened', data: { n } }),
      );
    const checkpoints: bigint[] = [];
    const collect = (filter: Parameters<EventStoreDBClient['subscribeToAll']>[0]) =>
      new Promise<string[]>((resolve) => {
        const got: string[] = [];
        const subscription = client.subscribeToAll(filter);
        open.push(() => subscription.unsubscribe());
        subscription.on('data', (e: ResolvedEvent) => got.push(`${e.event!.streamId}:${e.event!.type}`));
        subscription.on('caughtUp', () => resolve(got));
      });
    const byType = await collect({
      filter: eventTypeFilter({ regex: '^Noted$', checkpointInterval: 1, checkpointReached: (_s, p) => void checkpoints.push(p.commit) }),
    });
    expect(byType).toHaveLength(10);
    expect(new Set(byType)).toEqual(new Set(['order-10:Noted']));
    expect(checkpoints.length).toBeGreaterThan(0);
    for (let i = 1; i < checkpoints.length; i++) expect(checkpoints[i]! >= checkpoints[i - 1]!).toBe(true);
    const byStream = await collect({ filter: streamNameFilter({ prefixes: ['invoice-'] }) });
    expect(byStream).toHaveLength(20);
  });
});

describe('EventStoreDB test server: features and cluster', () => {
  it('advertises BatchAppend or not, and the client takes the matching path', async () => {
    for (const batchAppend of [true, false]) {
      const { cluster, client } = await connect({ batchAppend });
      await client.appendToStream('order-11', thing(0));
      const calls = cluster.nodes[0]!.calls;
      expect([calls.get('Streams.BatchAppend') ?? 0, calls.get('Streams.Append') ?? 0]).toEqual(batchAppend ? [1, 0] : [0, 1]);
    }
  });

  it('lists its members through Gossip, so the client finds the leader, and answers not-leader with the leader endpoint', async () => {
    const { cluster, client } = await connect({ nodes: 3 });
    await client.appendToStream('order-12', thing(0), { requiresLeader: true });
    expect(cluster.nodes[0]!.appendsServed).toBe(1);
    expect(cluster.nodes.map((node) => node.calls.get('Gossip.Read') ?? 0).reduce((a, b) => a + b)).toBeGreaterThan(0);

    const follower = cluster.nodes[1]!;
    const direct = EventStoreDBClient.connectionString(`esdb://${follower.address}?tls=false`);
    open.push(() => direct.dispose());
    const error = await direct.appendToStream('order-12', thing(1), { requiresLeader: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotLeaderError);
    expect((error as NotLeaderError).leader).toEqual({ address: cluster.leader.host, port: cluster.leader.port });
    // Without requires-leader a follower takes the write (EventStoreDB forwards it to the leader).
    await expect(direct.appendToStream('order-12', thing(2))).resolves.toMatchObject({ nextExpectedRevision: 1n });
  });

  it('answers UNAVAILABLE while told to, and after a restart serves the same log on the same port', async () => {
    const { cluster, client } = await connect();
    await client.appendToStream('order-13', thing(0));
    cluster.setUnavailable(true);
    await expect(client.appendToStream('order-13', thing(1))).rejects.toMatchObject({ type: 'unavailable' });
    cluster.setUnavailable(false);
    const port = cluster.nodes[0]!.port;
    await cluster.restart();
    expect(cluster.nodes[0]!.port).toBe(port);
    let events: ResolvedEvent[] = [];
    for (let attempt = 0; attempt < 20 && events.length === 0; attempt++) {
      events = await read(client.readStream('order-13')).catch(() => []);
    }
    expect(events).toHaveLength(1);
  });
});

describe('npm run esdb:test-server', () => {
  it('starts a cluster on loopback and prints the EVENTSTORE_URL to use', async () => {
    const server = spawnEsdbTestServer(builtFile('test/support/esdb/main.js'), ['--port', '0', '--nodes', '3']);
    open.push(() => void server.child.kill('SIGTERM'));
    const url = await server.url;
    expect(url).toMatch(/^esdb:\/\/127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+\?tls=false/);
    const client = EventStoreDBClient.connectionString(url);
    open.push(() => client.dispose());
    await expect(client.appendToStream('order-cli', thing(0))).resolves.toMatchObject({ nextExpectedRevision: 0n });
  });
});
