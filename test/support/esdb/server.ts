/**
 * A gRPC server that speaks EventStoreDB's client protocol (Streams, ServerFeatures, Gossip), for testing the
 * EventStoreDB adapter where no EventStoreDB node can run. It follows the server's behaviour as its source
 * defines it: the same messages, the same errors in the same places (an `exception` trailer with its companion
 * trailers; `google.rpc.Status` with an `Any` detail inside BatchAppend), the same positions and read bounds.
 *
 * Several nodes share one log, as a cluster's replicas would; one is the leader. Faults can be injected: stop
 * and restart nodes, answer UNAVAILABLE, delay every call, drop subscriptions, move the leader.
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { type Expected, type LogRecord, type ProposedEvent, TestLog, type WriteOutcome } from './log.js';
import {
  type AppendReq,
  type AppendResp,
  type BatchAppendReq,
  type BatchAppendResp,
  type DeleteReq,
  type DeleteResp,
  type ReadReq,
  type ReadResp,
  type TombstoneReq,
  type TombstoneResp,
  emptyPb,
  features,
  featuresGrpc,
  gossip,
  gossipGrpc,
  packAny,
  rpcStatus,
  shared,
  streamIdentifier,
  streamName,
  streams,
  streamsGrpc,
  uuidMessage,
  uuidToString,
} from './protocol.js';

export interface EsdbTestClusterOptions {
  /** Number of nodes (default 1). The first one starts as leader. */
  readonly nodes?: number;
  /** Advertise BatchAppend in ServerFeatures (default true); when false the client uses Append. */
  readonly batchAppend?: boolean;
  /** Fixed ports, one per node; 0 or absent picks a free one. */
  readonly ports?: readonly number[];
  readonly host?: string;
}

type Status = grpc.status;
const READ_BATCH = 32;
const SERVER_VERSION = '24.10.0';
const LEADER = gossip.MemberInfo.VNodeState.LEADER;
const FOLLOWER = gossip.MemberInfo.VNodeState.FOLLOWER;

/** An error as the server's RpcExceptions build it: status, message and trailers. */
function rpcError(code: Status, details: string, trailers: Record<string, string> = {}): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

const errors = {
  notReady: () => rpcError(grpc.status.UNAVAILABLE, 'Server Is Not Ready'),
  notLeader: (host: string, port: number) =>
    rpcError(grpc.status.NOT_FOUND, 'Leader info available', {
      exception: 'not-leader',
      'leader-endpoint-host': host,
      'leader-endpoint-port': String(port),
    }),
  streamDeleted: (stream: string) =>
    rpcError(grpc.status.FAILED_PRECONDITION, `Event stream '${stream}' is deleted.`, {
      exception: 'stream-deleted',
      'stream-name': stream,
    }),
  wrongExpectedVersion: (operation: string, stream: string, expected: bigint, actual: bigint | undefined) =>
    rpcError(
      grpc.status.FAILED_PRECONDITION,
      `${operation} failed due to WrongExpectedVersion. Stream: ${stream}, Expected version: ${expected}, Actual version: ${actual ?? ''}`,
      {
        exception: 'wrong-expected-version',
        'stream-name': stream,
        'expected-version': String(expected),
        'actual-version': actual === undefined ? '' : String(actual),
      },
    ),
  missingMetadata: (property: string) =>
    rpcError(grpc.status.INVALID_ARGUMENT, `Required Metadata Property '${property}' is missing`, {
      exception: 'missing-required-metadata-property',
      'required-metadata-properties': 'type,content-type',
    }),
  invalidArgument: (message: string) => rpcError(grpc.status.INVALID_ARGUMENT, message),
};

/** ExpectedVersion as a number the way the server reports it in trailers. */
const expectedAsLong = (expected: Expected): bigint =>
  expected.kind === 'any' ? -2n : expected.kind === 'no_stream' ? -1n : expected.kind === 'stream_exists' ? -4n : expected.revision;

/** The expected revision an Append, BatchAppend, Delete or Tombstone request names: a revision, or one of the kinds. */
function expectedOf(options: { hasNoStream(): boolean; hasStreamExists(): boolean }, revision: string | undefined): Expected {
  if (revision !== undefined) return { kind: 'revision', revision: BigInt(revision) };
  return options.hasNoStream() ? { kind: 'no_stream' } : options.hasStreamExists() ? { kind: 'stream_exists' } : { kind: 'any' };
}

type EventFilter = (record: LogRecord) => boolean;

function compileFilter(options: InstanceType<typeof streams.ReadReq.Options>): { filter: EventFilter; interval: number } | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const field = (record: LogRecord) => (onStream ? record.stream : record.type);
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex();
  let test: (value: string) => boolean;
  if (prefixes.length > 0) test = (value) => prefixes.some((prefix) => value.startsWith(prefix));
  else if (regex) {
    const compiled = new RegExp(regex);
    test = (value) => compiled.test(value);
  } else test = () => true;
  const window = filter.hasMax() ? filter.getMax() : READ_BATCH;
  return { filter: (record) => test(field(record)), interval: Math.max(1, filter.getCheckpointintervalmultiplier()) * window };
}

interface ActiveSubscription {
  readonly call: grpc.ServerWritableStream<ReadReq, ReadResp>;
  closed: boolean;
}

/** Writes one message, waiting for the transport to drain when its buffer is full. */
function send<T>(call: grpc.ServerWritableStream<unknown, T> | grpc.ServerDuplexStream<unknown, T>, message: T): Promise<void> {
  if (call.write(message)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('close', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('close', done);
    call.on('cancelled', done);
  });
}

export class EsdbTestNode {
  state: number;
  /** Appends this node has written to the log (Append and BatchAppend). */
  appendsServed = 0;
  /** Calls received, by method name (`Streams.Append`, `Streams.BatchAppend`, `Gossip.Read`, ...). */
  readonly calls = new Map<string, number>();
  private server: grpc.Server | undefined;
  private readonly subscriptions = new Set<ActiveSubscription>();
  private readonly instanceId = randomUUID();

  constructor(
    private readonly cluster: EsdbTestCluster,
    readonly host: string,
    public port: number,
    leader: boolean,
  ) {
    this.state = leader ? LEADER : FOLLOWER;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  get isLeader(): boolean {
    return this.state === LEADER;
  }

  get address(): string {
    return `${this.host}:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = new grpc.Server();
    server.addService(streamsGrpc.StreamsService, this.streamsService());
    server.addService(featuresGrpc.ServerFeaturesService, this.featuresService());
    server.addService(gossipGrpc.GossipService, this.gossipService());
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${this.host}:${this.port}`, grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
    if (this.isLeader)
      this.cluster.log.writeSystemEvent(`$stats-${this.address}`, '$statsCollected', { 'proc-startTime': new Date().toISOString() });
  }

  /** Stops at once, as a crash would: open calls end with UNAVAILABLE. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const subscription of this.subscriptions) subscription.closed = true;
    this.subscriptions.clear();
    server.forceShutdown();
  }

  /** Ends every open subscription on this node the way a dropped subscription ends. */
  dropSubscriptions(): number {
    const dropped = [...this.subscriptions];
    this.subscriptions.clear();
    for (const subscription of dropped) {
      subscription.closed = true;
      subscription.call.emit('error', errors.notReady());
    }
    return dropped.length;
  }

  private async guard(metadata: grpc.Metadata, needsLeader: boolean): Promise<void> {
    if (this.cluster.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.cluster.delayMs));
    if (this.cluster.isUnavailable) throw errors.notReady();
    const requiresLeader = metadata.get('requires-leader')[0] === 'true';
    if (needsLeader && requiresLeader && !this.isLeader) {
      const leader = this.cluster.leader;
      throw errors.notLeader(leader.host, leader.port);
    }
  }

  /** Counts each call by method before handing it on. */
  private counted(service: string, handlers: grpc.UntypedServiceImplementation): grpc.UntypedServiceImplementation {
    return Object.fromEntries(
      Object.entries(handlers).map(([method, handler]) => {
        const name = `${service}.${method[0]!.toUpperCase()}${method.slice(1)}`;
        const wrapped = (...args: unknown[]) => {
          this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
          return (handler as (...a: unknown[]) => unknown)(...args);
        };
        return [method, wrapped];
      }),
    ) as grpc.UntypedServiceImplementation;
  }

  private streamsService(): grpc.UntypedServiceImplementation {
    return this.counted('Streams', {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => {
        this.read(call).catch((error: unknown) => call.emit('error', error));
      },
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) => {
        const messages: AppendReq[] = [];
        call.on('data', (message: AppendReq) => messages.push(message));
        call.on('error', () => undefined);
        call.on('end', () => {
          this.append(call.metadata, messages).then(
            (response) => callback(null, response),
            (error: grpc.ServiceError) => callback(error),
          );
        });
      },
      batchAppend: (call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => this.batchAppend(call),
      delete: (call: grpc.ServerUnaryCall<DeleteReq, DeleteResp>, callback: grpc.sendUnaryData<DeleteResp>) => {
        this.remove(call.metadata, call.request, 'soft').then(
          (position) => callback(null, this.deletePosition(new streams.DeleteResp(), position)),
          (error: grpc.ServiceError) => callback(error),
        );
      },
      tombstone: (call: grpc.ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: grpc.sendUnaryData<TombstoneResp>) => {
        this.remove(call.metadata, call.request, 'hard').then(
          (position) => callback(null, this.deletePosition(new streams.TombstoneResp(), position)),
          (error: grpc.ServiceError) => callback(error),
        );
      },
    });
  }

  private featuresService(): grpc.UntypedServiceImplementation {
    return this.counted('ServerFeatures', {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => {
        if (this.cluster.isUnavailable) return callback(errors.notReady());
        const methods = ['Read', 'Append', 'Delete', 'Tombstone', ...(this.cluster.batchAppend ? ['BatchAppend'] : [])].map((name) =>
          new features.SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name.toLowerCase()),
        );
        methods.push(new features.SupportedMethod().setServiceName('event_store.client.gossip.gossip').setMethodName('read'));
        callback(null, new features.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(SERVER_VERSION));
      },
    });
  }

  private gossipService(): grpc.UntypedServiceImplementation {
    return this.counted('Gossip', {
      read: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => {
        const members = this.cluster.nodes.map((node) =>
          new gossip.MemberInfo()
            .setInstanceId(uuidMessage(node.instanceId, true))
            .setTimeStamp(String(BigInt(Date.now()) * 10_000n))
            .setState(node.state)
            .setIsAlive(node.running)
            .setHttpEndPoint(new gossip.EndPoint().setAddress(node.host).setPort(node.port)),
        );
        callback(null, new gossip.ClusterInfo().setMembersList(members));
      },
    });
  }

  private async read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): Promise<void> {
    const options = call.request.getOptions();
    if (!options) throw errors.invalidArgument('Read needs options');
    await this.guard(call.metadata, false);
    const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
    const compiled = compileFilter(options);
    if (options.hasSubscription()) return this.subscribe(call, options, compiled, structuredIds);

    const count = options.hasCount() ? BigInt(options.getCount()) : 0n;
    const backwards = options.getReadDirection() === streams.ReadReq.Options.ReadDirection.BACKWARDS;
    let selected: LogRecord[];
    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      const name = streamName(streamOptions.getStreamIdentifier());
      const outcome = this.cluster.log.read(name);
      if (outcome.kind === 'deleted') throw errors.streamDeleted(name);
      if (outcome.kind === 'not_found') {
        await send(
          call,
          new streams.ReadResp().setStreamNotFound(new streams.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name))),
        );
        call.end();
        return;
      }
      const from = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision()) : undefined;
      const atEnd = streamOptions.hasEnd();
      selected = backwards
        ? outcome.events.filter((r) => from === undefined || r.revision <= from).reverse()
        : atEnd
          ? []
          : outcome.events.filter((r) => from === undefined || r.revision >= from);
    } else {
      const all = options.getAll()!;
      const records = this.cluster.log.records;
      const position = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : undefined;
      if (backwards) {
        const end = all.hasPosition() ? this.cluster.log.indexAfter(position, true) : records.length;
        selected = all.hasStart() ? [] : records.slice(0, end).reverse();
      } else {
        selected = all.hasEnd() ? [] : records.slice(this.cluster.log.indexAfter(position, true));
      }
      if (compiled) selected = selected.filter(compiled.filter);
    }
    if (count < BigInt(selected.length)) selected = selected.slice(0, Number(count));
    for (const record of selected) {
      if (call.cancelled) return;
      await send(call, this.eventMessage(record, structuredIds));
    }
    call.end();
  }

  private async subscribe(
    call: grpc.ServerWritableStream<ReadReq, ReadResp>,
    options: InstanceType<typeof streams.ReadReq.Options>,
    compiled: { filter: EventFilter; interval: number } | undefined,
    structuredIds: boolean,
  ): Promise<void> {
    const log = this.cluster.log;
    const subscription: ActiveSubscription = { call, closed: false };
    this.subscriptions.add(subscription);
    let wake: () => void = () => undefined;
    const unlisten = log.onWrite(() => wake());
    const stop = () => {
      subscription.closed = true;
      this.subscriptions.delete(subscription);
      unlisten();
      wake();
    };
    call.on('cancelled', stop);
    call.on('close', stop);
    call.on('error', stop);

    let matches: EventFilter;
    let cursor: number;
    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      const name = streamName(streamOptions.getStreamIdentifier());
      const from = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision()) : undefined;
      matches = (record) => record.stream === name && (from === undefined || record.revision > from);
      cursor = streamOptions.hasEnd() ? log.records.length : 0;
    } else {
      const all = options.getAll()!;
      matches = compiled?.filter ?? (() => true);
      // A subscription starts strictly after the position it is given.
      cursor = all.hasEnd() ? log.records.length : all.hasPosition() ? log.indexAfter(BigInt(all.getPosition()!.getCommitPosition())) : 0;
    }

    await send(
      call,
      new streams.ReadResp().setConfirmation(new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())),
    );
    let caughtUp = false;
    let considered = 0;
    let lastPosition: bigint | undefined;
    while (!subscription.closed) {
      while (cursor < log.records.length && !subscription.closed) {
        const record = log.records[cursor++]!;
        lastPosition = record.position;
        considered++;
        if (matches(record)) await send(call, this.eventMessage(record, structuredIds));
        if (compiled && considered % compiled.interval === 0) await send(call, this.checkpoint(record.position));
      }
      if (subscription.closed) break;
      if (!caughtUp) {
        caughtUp = true;
        if (compiled && lastPosition !== undefined) await send(call, this.checkpoint(lastPosition));
        await send(call, new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp()));
      }
      if (cursor >= log.records.length) await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  private checkpoint(position: bigint): ReadResp {
    return new streams.ReadResp().setCheckpoint(
      new streams.ReadResp.Checkpoint().setCommitPosition(String(position)).setPreparePosition(String(position)),
    );
  }

  private eventMessage(record: LogRecord, structuredIds: boolean): ReadResp {
    const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
      .setId(uuidMessage(record.id, structuredIds))
      .setStreamIdentifier(streamIdentifier(record.stream))
      .setStreamRevision(String(record.revision))
      .setCommitPosition(String(record.position))
      .setPreparePosition(String(record.position))
      .setData(record.data)
      .setCustomMetadata(record.metadata);
    recorded.getMetadataMap().set('type', record.type).set('created', String(record.created)).set('content-type', record.contentType);
    const event = new streams.ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(record.position));
    return new streams.ReadResp().setEvent(event);
  }

  private proposed(message: {
    getId(): InstanceType<typeof shared.UUID> | undefined;
    getMetadataMap(): { get(key: string): string | undefined };
    getData_asU8(): Uint8Array;
    getCustomMetadata_asU8(): Uint8Array;
  }): ProposedEvent {
    const metadata = message.getMetadataMap();
    const type = metadata.get('type');
    if (type === undefined) throw errors.missingMetadata('type');
    const contentType = metadata.get('content-type');
    if (contentType === undefined) throw errors.missingMetadata('content-type');
    return {
      id: uuidToString(message.getId()),
      type,
      contentType,
      data: message.getData_asU8(),
      metadata: message.getCustomMetadata_asU8(),
    };
  }

  private async append(metadata: grpc.Metadata, messages: AppendReq[]): Promise<AppendResp> {
    await this.guard(metadata, true);
    const [header, ...rest] = messages;
    const options = header?.getOptions();
    if (!options) throw errors.invalidArgument('The first Append message carries the options');
    const stream = streamName(options.getStreamIdentifier());
    const expected = expectedOf(options, options.hasRevision() ? options.getRevision() : undefined);
    const events = rest.map((message) => {
      const proposed = message.getProposedMessage();
      if (!proposed) throw errors.invalidArgument('Only proposed messages may follow the options');
      return this.proposed(proposed);
    });
    const outcome = this.cluster.log.append(stream, expected, events);
    this.appendsServed++;
    this.cluster.loseResponse();
    const response = new streams.AppendResp();
    if (outcome.kind === 'stream_deleted') throw errors.streamDeleted(stream);
    if (outcome.kind === 'success') {
      const success = new streams.AppendResp.Success();
      if (outcome.lastRevision < 0n) success.setNoStream(new shared.Empty());
      else success.setCurrentRevision(String(outcome.lastRevision));
      if (outcome.position === undefined) success.setNoPosition(new shared.Empty());
      else
        success.setPosition(
          new streams.AppendResp.Position().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position)),
        );
      return response.setSuccess(success);
    }
    const wrong = new streams.AppendResp.WrongExpectedVersion();
    switch (expected.kind) {
      case 'any':
        wrong.setExpectedAny(new shared.Empty()).setAny2060(new shared.Empty());
        break;
      case 'stream_exists':
        wrong.setExpectedStreamExists(new shared.Empty()).setStreamExists2060(new shared.Empty());
        break;
      case 'no_stream':
        wrong.setExpectedNoStream(new shared.Empty());
        break;
      case 'revision':
        wrong.setExpectedRevision(String(expected.revision));
        break;
    }
    if (outcome.current === undefined) wrong.setCurrentNoStream(new shared.Empty()).setNoStream2060(new shared.Empty());
    else wrong.setCurrentRevision(String(outcome.current));
    return response.setWrongExpectedVersion(wrong);
  }

  private batchAppend(call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const pending = new Map<string, { options: InstanceType<typeof streams.BatchAppendReq.Options>; events: ProposedEvent[] }>();
    let queue = Promise.resolve();
    call.on('error', () => undefined);
    call.on('end', () => {
      void queue.then(() => call.end());
    });
    call.on('data', (request: BatchAppendReq) => {
      queue = queue.then(async () => {
        if (call.cancelled || call.destroyed) return;
        try {
          await this.guard(call.metadata, true);
          const key = uuidToString(request.getCorrelationId());
          const entry = request.hasOptions() ? { options: request.getOptions()!, events: [] as ProposedEvent[] } : pending.get(key);
          if (!entry) throw errors.invalidArgument(`No options were sent for correlation ${key}`);
          pending.set(key, entry);
          for (const message of request.getProposedMessagesList()) entry.events.push(this.proposed(message));
          if (!request.getIsFinal()) return;
          pending.delete(key);
          await send(call, this.batchResult(request, entry.options, entry.events));
        } catch (error) {
          // Errors outside an append's own outcome end the whole call, as on the real server.
          call.emit('error', error);
        }
      });
    });
  }

  private batchResult(
    request: BatchAppendReq,
    options: InstanceType<typeof streams.BatchAppendReq.Options>,
    events: ProposedEvent[],
  ): BatchAppendResp {
    const stream = streamName(options.getStreamIdentifier());
    const expected = expectedOf(options, options.hasStreamPosition() ? options.getStreamPosition() : undefined);
    const response = new streams.BatchAppendResp()
      .setCorrelationId(request.getCorrelationId())
      .setStreamIdentifier(streamIdentifier(stream));
    switch (expected.kind) {
      case 'revision':
        response.setStreamPosition(String(expected.revision));
        break;
      case 'no_stream':
        response.setNoStream(new emptyPb.Empty());
        break;
      case 'stream_exists':
        response.setStreamExists(new emptyPb.Empty());
        break;
      case 'any':
        response.setAny(new emptyPb.Empty());
    }
    const deadline = options.getDeadline();
    if (deadline && deadline.toDate().getTime() < Date.now()) {
      return response.setError(this.status(4, 'Timeout', packAny(new shared.Timeout(), 'event_store.client.Timeout')));
    }
    const outcome: WriteOutcome = this.cluster.log.append(stream, expected, events);
    this.appendsServed++;
    this.cluster.loseResponse();
    if (outcome.kind === 'success') {
      const success = new streams.BatchAppendResp.Success();
      if (outcome.lastRevision < 0n) success.setNoStream(new emptyPb.Empty());
      else success.setCurrentRevision(String(outcome.lastRevision));
      if (outcome.position === undefined) success.setNoPosition(new emptyPb.Empty());
      else
        success.setPosition(
          new shared.AllStreamPosition().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position)),
        );
      return response.setSuccess(success);
    }
    if (outcome.kind === 'stream_deleted') {
      const detail = new shared.StreamDeleted().setStreamIdentifier(streamIdentifier(stream));
      return response.setError(this.status(5, 'StreamDeleted', packAny(detail, 'event_store.client.StreamDeleted')));
    }
    const detail = new shared.WrongExpectedVersion();
    if (outcome.current === undefined) detail.setCurrentNoStream(new emptyPb.Empty());
    else detail.setCurrentStreamRevision(String(outcome.current));
    if (expected.kind === 'revision') detail.setExpectedStreamPosition(String(expected.revision));
    else if (expected.kind === 'no_stream') detail.setExpectedNoStream(new emptyPb.Empty());
    else if (expected.kind === 'stream_exists') detail.setExpectedStreamExists(new emptyPb.Empty());
    else detail.setExpectedAny(new emptyPb.Empty());
    return response.setError(this.status(6, 'WrongExpectedVersion', packAny(detail, 'event_store.client.WrongExpectedVersion')));
  }

  private status(code: number, message: string, details: ReturnType<typeof packAny>) {
    return new rpcStatus.Status().setCode(code).setMessage(message).setDetails(details);
  }

  private async remove(metadata: grpc.Metadata, request: DeleteReq | TombstoneReq, kind: 'soft' | 'hard'): Promise<bigint | undefined> {
    await this.guard(metadata, true);
    const options = request.getOptions();
    if (!options) throw errors.invalidArgument('Delete needs options');
    const stream = streamName(options.getStreamIdentifier());
    const expected = expectedOf(options, options.hasRevision() ? options.getRevision() : undefined);
    const log = this.cluster.log;
    const outcome = kind === 'soft' ? log.softDelete(stream, expected) : log.tombstone(stream, expected);
    if (outcome.kind === 'stream_deleted') throw errors.streamDeleted(stream);
    if (outcome.kind === 'wrong_expected_version') {
      throw errors.wrongExpectedVersion('Delete', stream, expectedAsLong(expected), outcome.current);
    }
    return outcome.position;
  }

  private deletePosition<T extends DeleteResp | TombstoneResp>(response: T, position: bigint | undefined): T {
    if (position === undefined) response.setNoPosition(new shared.Empty());
    else if (response instanceof streams.DeleteResp) {
      response.setPosition(new streams.DeleteResp.Position().setCommitPosition(String(position)).setPreparePosition(String(position)));
    } else {
      (response as TombstoneResp).setPosition(
        new streams.TombstoneResp.Position().setCommitPosition(String(position)).setPreparePosition(String(position)),
      );
    }
    return response;
  }
}

export class EsdbTestCluster {
  readonly log = new TestLog();
  readonly nodes: EsdbTestNode[];
  readonly batchAppend: boolean;
  delayMs = 0;
  isUnavailable = false;
  private responsesToLose = 0;

  private constructor(options: EsdbTestClusterOptions) {
    const host = options.host ?? '127.0.0.1';
    const count = options.nodes ?? 1;
    this.batchAppend = options.batchAppend ?? true;
    this.nodes = Array.from({ length: count }, (_, i) => new EsdbTestNode(this, host, options.ports?.[i] ?? 0, i === 0));
  }

  static async start(options: EsdbTestClusterOptions = {}): Promise<EsdbTestCluster> {
    const cluster = new EsdbTestCluster(options);
    for (const node of cluster.nodes) await node.start();
    return cluster;
  }

  get leader(): EsdbTestNode {
    const leader = this.nodes.find((node) => node.isLeader);
    if (!leader) throw new Error('the cluster has no leader');
    return leader;
  }

  /**
   * The connection string a client uses: the single node's address, or every node as gossip seeds (the client
   * then discovers the leader through Gossip).
   */
  connectionString(extra = ''): string {
    const hosts = this.nodes.map((node) => node.address).join(',');
    const discovery = this.nodes.length > 1 ? '&nodePreference=leader&discoveryInterval=50&maxDiscoverAttempts=100' : '';
    return `esdb://${hosts}?tls=false${discovery}${extra}`;
  }

  /** Answer every call with UNAVAILABLE ("Server Is Not Ready") while on. */
  setUnavailable(on: boolean): void {
    this.isUnavailable = on;
    if (on) this.dropSubscriptions();
  }

  /**
   * The next `count` appends are written to the log but answered with UNAVAILABLE, as when a connection breaks
   * after the write: the client cannot know the outcome. Inside BatchAppend the whole call fails, as it does then.
   */
  loseResponses(count: number): void {
    this.responsesToLose = count;
  }

  /** @internal Throws UNAVAILABLE when a lost response is due. */
  loseResponse(): void {
    if (this.responsesToLose <= 0) return;
    this.responsesToLose--;
    throw errors.notReady();
  }

  dropSubscriptions(): number {
    return this.nodes.reduce((sum, node) => sum + node.dropSubscriptions(), 0);
  }

  /** Makes another node the leader; subscriptions are dropped as in an election. */
  moveLeader(to: number): void {
    const target = this.nodes[to];
    if (!target) throw new Error(`no node ${to}`);
    for (const node of this.nodes) node.state = node === target ? LEADER : FOLLOWER;
    this.dropSubscriptions();
  }

  async stop(): Promise<void> {
    for (const node of this.nodes) await node.stop();
  }

  /** Stops every node and starts it again on the same port with the same log, as a restart after a crash. */
  async restart(downMs = 0): Promise<void> {
    await this.stop();
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    for (const node of this.nodes) await node.start();
  }
}
