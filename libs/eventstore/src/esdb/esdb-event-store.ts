import {
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  type JSONType,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { checkExpectedRevision, findEarlierAppend, validateAppend } from '../append-rules.js';
import {
  type AppendResult,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type Revision,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
  WrongExpectedVersionError,
} from '../port.js';
import { NO_UPCASTERS, type UpcasterRegistry } from '../upcasting.js';
import { connectEsdb, isSystem, isTransient, sleep, toEsdbPosition, translateError } from './connection.js';
import { toRecorded } from './decode.js';
import { ResubscribingSubscription } from './resubscribing-subscription.js';

export { connectEsdb } from './connection.js';

export interface EsdbEventStoreOptions {
  /** `esdb://` or `esdb+discover://` connection string (`kurrentdb://` is accepted as a synonym). */
  readonly connectionString: string;
  /** How long an append whose outcome is unknown keeps being retried before it fails (default 10 s). */
  readonly retryBudgetMs?: number;
  /** Longest pause between two attempts to resubscribe after a dropped subscription (default 5 s). */
  readonly maxResubscribeDelayMs?: number;
  /** Applied to every event read, so that readers see current shapes only (none by default). */
  readonly upcasters?: UpcasterRegistry;
}

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
  private readonly upcasters: UpcasterRegistry;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(options: EsdbEventStoreOptions) {
    this.client = connectEsdb(options.connectionString);
    this.retryBudgetMs = options.retryBudgetMs ?? 10_000;
    this.maxResubscribeDelayMs = options.maxResubscribeDelayMs ?? 5_000;
    this.upcasters = options.upcasters ?? NO_UPCASTERS;
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
        if (resolved.event) events.push(toRecorded(resolved.event, this.upcasters));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateError(error, `reading stream '${stream}'`, stream);
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
          if (events.length < limit) events.push(toRecorded(event, this.upcasters));
        }
      } catch (error) {
        throw translateError(error, 'reading $all');
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
        throw translateError(error, 'reading the head of $all');
      }
      if (head !== undefined) return head;
      if (seen < 100) return undefined;
    }
  }

  subscribeToAll(after: Position | undefined, handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new ResubscribingSubscription(
      this.client,
      after,
      handler,
      options,
      this.maxResubscribeDelayMs,
      this.upcasters,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    try {
      for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: 2_000 })) void _;
    } catch (error) {
      throw translateError(error, 'checking the connection');
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
          throw translateError(error, `appending to '${stream}'`, stream, reported, attempt + 1);
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
    if (!event)
      throw new EventStoreUnavailableError(`EventStoreDB acknowledged an append to '${stream}' whose event ${revision} cannot be read`);
    return event.position;
  }
}
