import {
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  type JSONType,
  type Position as EsdbPosition,
  type ResolvedEvent,
  START,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  excludeSystemEvents,
  isCommandError,
} from '@eventstore/db-client';
import { checkExpectedRevision, findEarlierAppend, validateAppend } from '../append-rules.js';
import {
  type AppendResult,
  type EventMetadata,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type Revision,
  StreamDeletedError,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
  WrongExpectedVersionError,
} from '../port.js';

export interface EsdbEventStoreOptions {
  /** `esdb://` or `esdb+discover://` connection string (`kurrentdb://` is accepted as a synonym). */
  readonly connectionString: string;
  /** How long an append whose outcome is unknown keeps being retried before it fails (default 10 s). */
  readonly retryBudgetMs?: number;
  /** Longest pause between two attempts to resubscribe after a dropped subscription (default 5 s). */
  readonly maxResubscribeDelayMs?: number;
}

/**
 * A client for an `esdb://` (or `kurrentdb://`) connection string. Refuses `throwOnAppendFailure=false`: with it,
 * BatchAppend reports a wrong next revision, and the platform relies on append failures being errors.
 */
export function connectEsdb(connectionString: string): EventStoreDBClient {
  const normalized = connectionString.replace(/^kurrentdb(\+discover)?:\/\//, (_, discover: string | undefined) =>
    discover ? 'esdb+discover://' : 'esdb://',
  );
  if (/[?&]throwOnAppendFailure=false(&|$)/i.test(normalized)) {
    throw new Error('EVENTSTORE_URL must not set throwOnAppendFailure=false');
  }
  return EventStoreDBClient.connectionString(normalized);
}

/** Client error types after which the outcome of a call is unknown or the node was unreachable: worth retrying. */
const TRANSIENT = new Set(['unavailable', 'deadline-exceeded', 'not-leader', 'cancelled', 'timeout']);
/** Raw gRPC status codes with the same meaning (CANCELLED, DEADLINE_EXCEEDED, ABORTED, UNAVAILABLE). */
const TRANSIENT_CODES = new Set([1, 4, 10, 14]);

function isTransient(error: unknown): boolean {
  if (error instanceof Error && isCommandError(error)) return TRANSIENT.has(error.type);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && TRANSIENT_CODES.has(code);
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)) || 'no details';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const isSystem = (type: string, stream: string) => type.startsWith('$') || stream.startsWith('$');
const toEsdbPosition = (position: Position): EsdbPosition => ({ commit: position, prepare: position });
const READ_PAGE = 1_000;

/**
 * The event store port on EventStoreDB (KurrentDB), through `@eventstore/db-client`.
 *
 * - The commit position of an event is its global position.
 * - System events (`$`-prefixed types, `$` streams) never reach the port's readers or subscribers.
 * - An append whose outcome is unknown (node unavailable, deadline, leader change) is sent again with the same
 *   event ids and expected revision until the retry budget runs out; EventStoreDB's idempotency makes the repeat
 *   harmless. This also covers the client's BatchAppend, where one transport error rejects every in-flight append.
 * - `any` and `stream_exists` appends read the stream first and append at the revision they saw, so the port's
 *   idempotency rules (a partly repeated batch is a conflict) hold exactly; the application itself always appends
 *   at an exact revision.
 */
export class EsdbEventStore implements EventStore {
  readonly kind = 'esdb';
  private readonly client: EventStoreDBClient;
  private readonly retryBudgetMs: number;
  private readonly maxResubscribeDelayMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(options: EsdbEventStoreOptions) {
    this.client = connectEsdb(options.connectionString);
    this.retryBudgetMs = options.retryBudgetMs ?? 10_000;
    this.maxResubscribeDelayMs = options.maxResubscribeDelayMs ?? 5_000;
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    if (expected === 'any' || expected === 'stream_exists') return this.appendAtCurrentRevision(stream, events, expected);
    return this.appendAt(stream, events, expected, expected);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      requiresLeader: true,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw this.translate(error, `reading stream '${stream}'`, stream);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    // Reads from a position include the event at it; the port's `after` excludes it.
    let after = options.after;
    while (events.length < limit) {
      let seen = 0;
      try {
        for await (const resolved of this.client.readAll({
          fromPosition: after === undefined ? START : toEsdbPosition(after),
          maxCount: READ_PAGE,
        }) as AsyncIterable<AllStreamResolvedEvent>) {
          seen++;
          const event = resolved.event;
          if (!event?.position || (after !== undefined && event.position.commit <= after)) continue;
          after = event.position.commit;
          if (isSystem(event.type, event.streamId)) continue;
          if (events.length < limit) events.push(toRecorded(event));
        }
      } catch (error) {
        throw this.translate(error, 'reading $all');
      }
      if (seen < READ_PAGE) break;
    }
    return events;
  }

  async headPosition(): Promise<Position | undefined> {
    this.assertOpen();
    // Pages are read to their end: leaving a read early would leave its call open until the client is disposed.
    let before: Position | undefined;
    for (;;) {
      let seen = 0;
      let head: Position | undefined;
      try {
        for await (const resolved of this.client.readAll({
          direction: BACKWARDS,
          fromPosition: before === undefined ? END : toEsdbPosition(before),
          maxCount: 100,
        }) as AsyncIterable<AllStreamResolvedEvent>) {
          seen++;
          const event = resolved.event;
          if (head !== undefined || !event?.position || (before !== undefined && event.position.commit >= before)) continue;
          before = event.position.commit;
          if (!isSystem(event.type, event.streamId)) head = event.position.commit;
        }
      } catch (error) {
        throw this.translate(error, 'reading the head of $all');
      }
      if (head !== undefined) return head;
      if (seen < 100) return undefined;
    }
  }

  subscribeToAll(after: Position | undefined, handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new ResubscribingSubscription(this.client, after, handler, options, this.maxResubscribeDelayMs, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    try {
      for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: 2_000 })) void _;
    } catch (error) {
      throw this.translate(error, 'checking the connection');
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }

  /** Appends at an exact expectation, retrying while the outcome is unknown. */
  private async appendAt(
    stream: string,
    events: readonly NewEvent[],
    revision: 'no_stream' | Revision,
    reported: ExpectedRevision,
  ): Promise<AppendResult> {
    const data = events.map((event) => ({
      id: event.id,
      type: event.type,
      contentType: 'application/json' as const,
      data: event.data as JSONType,
      metadata: event.metadata as unknown as JSONType,
    }));
    const deadline = Date.now() + this.retryBudgetMs;
    let result: EsdbAppendResult;
    for (let attempt = 0; ; attempt++) {
      try {
        result = await this.client.appendToStream(stream, data, { expectedRevision: revision, requiresLeader: true });
        break;
      } catch (error) {
        if (!isTransient(error) || this.closed || Date.now() >= deadline) {
          throw this.translate(error, `appending to '${stream}'`, stream, reported, attempt + 1);
        }
        await sleep(Math.min(50 * 2 ** attempt, 1_000));
      }
    }
    const position = result.position?.commit ?? (await this.positionOf(stream, result.nextExpectedRevision));
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  }

  private async appendAtCurrentRevision(
    stream: string,
    events: readonly NewEvent[],
    expected: 'any' | 'stream_exists',
  ): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      const existing = await this.readStream(stream);
      const byId = new Map(existing.map((event) => [event.id.toLowerCase(), event]));
      const byRevision = new Map(existing.map((event) => [event.revision, event]));
      const current = existing.at(-1)?.revision;
      const earlier = findEarlierAppend(stream, events, expected, current, {
        revisionOf: (id) => byId.get(id.toLowerCase())?.revision,
        idAt: (revision) => byRevision.get(revision)?.id,
      });
      if (earlier !== undefined) return { nextExpectedRevision: earlier, position: byRevision.get(earlier)!.position };
      checkExpectedRevision(stream, expected, current);
      try {
        return await this.appendAt(stream, events, current ?? 'no_stream', expected);
      } catch (error) {
        // Someone else appended between the read and the append: read again.
        if (!(error instanceof WrongExpectedVersionError) || attempt >= 10) throw error;
      }
    }
  }

  /** Position of the event at `revision`, for answers that carry none (an idempotent repeat). */
  private async positionOf(stream: string, revision: Revision): Promise<Position> {
    const [event] = await this.readStream(stream, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new EventStoreUnavailableError(`EventStoreDB acknowledged an append to '${stream}' whose event ${revision} cannot be read`);
    return event.position;
  }

  /** The port's error for what the client raised. */
  private translate(error: unknown, action: string, stream?: string, expected?: ExpectedRevision, attempts = 1): Error {
    if (error instanceof EsdbWrongExpectedVersionError && stream !== undefined) {
      const actual = error.actualVersion === 'no_stream' || typeof error.actualVersion !== 'bigint' ? 'no_stream' : error.actualVersion;
      return new WrongExpectedVersionError(stream, expected ?? 'any', actual);
    }
    if (error instanceof EsdbStreamDeletedError) return new StreamDeletedError(stream ?? error.streamName ?? 'unknown');
    if (isTransient(error)) {
      const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
      return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${action} failed${tries} (${describe(error)})`, { cause: error });
    }
    return new EventStoreUnavailableError(`EventStoreDB refused ${action}: ${describe(error)}`, { cause: error });
  }
}

type ClientRecord = NonNullable<ResolvedEvent['event']>;

function toRecorded(event: ClientRecord): RecordedEvent {
  if (!event.position) throw new EventStoreUnavailableError(`EventStoreDB sent event ${event.id} of '${event.streamId}' without a position`);
  const metadata = event.metadata && !(event.metadata instanceof Uint8Array) ? (event.metadata as unknown as EventMetadata) : undefined;
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: metadata ?? { correlationId: event.id, occurredAt: event.created.toISOString(), schemaVersion: 1 },
    stream: event.streamId,
    revision: event.revision,
    position: event.position.commit,
  };
}

/**
 * A catch-up subscription to `$all` that survives dropped connections: it resubscribes from the last event it
 * received, with backoff, so the handler sees no gap and no duplicate. Events are handed over in batches; the
 * client's stream is paused while a batch is handled, so a slow handler holds back the server instead of memory.
 */
class ResubscribingSubscription implements Subscription {
  private closed = false;
  private current: ReturnType<EventStoreDBClient['subscribeToAll']> | undefined;
  private readonly queue: RecordedEvent[] = [];
  private lastReceived: Position | undefined;
  private lastDelivered: Position | undefined;
  private caughtUp = false;
  private draining: Promise<void> | undefined;
  private drainScheduled = false;
  private failures = 0;
  private readonly maxBatchSize: number;

  constructor(
    private readonly client: EventStoreDBClient,
    after: Position | undefined,
    private readonly handler: SubscriptionHandler,
    private readonly options: SubscribeOptions,
    private readonly maxDelayMs: number,
    private readonly onClosed: () => void,
  ) {
    this.lastReceived = after;
    this.lastDelivered = after;
    this.maxBatchSize = options.maxBatchSize ?? 500;
    this.open();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    const current = this.current;
    this.current = undefined;
    await current?.unsubscribe().catch(() => undefined);
    await this.draining;
  }

  private open(): void {
    if (this.closed) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: this.lastReceived === undefined ? START : toEsdbPosition(this.lastReceived),
      filter: excludeSystemEvents(),
    });
    this.current = subscription;
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      if (this.current !== subscription || this.closed) return;
      const event = resolved.event;
      if (!event?.position) return;
      // A resubscription starts after the last event received; guard against a server that repeats it.
      if (this.lastReceived !== undefined && event.position.commit <= this.lastReceived) return;
      this.lastReceived = event.position.commit;
      this.failures = 0;
      if (isSystem(event.type, event.streamId)) return;
      this.queue.push(toRecorded(event));
      if (this.queue.length >= this.maxBatchSize) subscription.pause();
      this.scheduleDrain();
    });
    subscription.on('caughtUp', () => {
      if (this.current !== subscription) return;
      this.caughtUp = true;
      this.scheduleDrain();
    });
    subscription.on('error', (error: unknown) => this.dropped(subscription, error));
    subscription.on('end', () => this.dropped(subscription, undefined));
  }

  private dropped(subscription: ReturnType<EventStoreDBClient['subscribeToAll']>, error: unknown): void {
    if (this.current !== subscription || this.closed) return;
    this.current = undefined;
    void subscription.unsubscribe().catch(() => undefined);
    if (error !== undefined && !isTransient(error)) {
      this.fail(new EventStoreUnavailableError(`EventStoreDB ended the subscription to $all: ${describe(error)}`, { cause: error }));
      return;
    }
    const delay = Math.min(100 * 2 ** this.failures, this.maxDelayMs);
    this.failures++;
    setTimeout(() => this.open(), delay).unref();
  }

  private scheduleDrain(): void {
    if (this.drainScheduled || this.draining) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.draining = this.drain().finally(() => {
        this.draining = undefined;
        if (this.queue.length > 0 && !this.closed) this.scheduleDrain();
      });
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.closed) {
      const batch = this.queue.splice(0, this.maxBatchSize);
      try {
        await this.handler(batch);
      } catch (error) {
        this.fail(error);
        return;
      }
      this.lastDelivered = batch.at(-1)!.position;
    }
    if (this.closed) return;
    const current = this.current;
    if (this.caughtUp && (!current || current.readableLength === 0)) this.options.onCaughtUp?.(this.lastDelivered);
    if (current?.isPaused()) current.resume();
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.queue.length = 0;
    void this.close();
    this.options.onError?.(error);
  }
}
