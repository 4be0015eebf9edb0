/**
 * The event store port. Semantics follow EventStoreDB so that the embedded SQLite adapter and the
 * EventStoreDB adapter are interchangeable.
 */

/** Global position of an event in the log: strictly increasing in commit order. */
export type Position = bigint;

/** Revision of an event inside its stream: 0 for the first event. */
export type Revision = bigint;

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | Revision;

export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId?: string;
  /** The authenticated subject (`sub`) that caused the event, or `system`. */
  readonly actor?: string;
  /** ISO-8601 instant. */
  readonly occurredAt: string;
  readonly schemaVersion: number;
  readonly [key: string]: unknown;
}

export interface NewEvent<T extends string = string, D = unknown> {
  /** UUID. Appending the same ids again to the same stream is an idempotent no-op. */
  readonly id: string;
  readonly type: T;
  readonly data: D;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<T extends string = string, D = unknown> extends NewEvent<T, D> {
  readonly stream: string;
  readonly revision: Revision;
  readonly position: Position;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  readonly nextExpectedRevision: Revision;
  /** Global position of the last event of the append. */
  readonly position: Position;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the first (forwards) or last (backwards) event. */
  readonly fromRevision?: Revision;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: only events with a position greater than this one. Defaults to the start of the log. */
  readonly after?: Position;
  readonly maxCount?: number;
}

export type SubscriptionHandler = (batch: readonly RecordedEvent[]) => Promise<void> | void;

export interface SubscribeOptions {
  /** Largest batch handed to the handler at once (default 500). */
  readonly maxBatchSize?: number;
  /** Called each time the subscription has delivered everything it knows of (end of catch-up, then after each live batch). */
  readonly onCaughtUp?: (position: Position | undefined) => void;
  /** Called when the subscription stops on an error (the handler threw, or the store failed). */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops delivery; resolves once no handler call is running. */
  close(): Promise<void>;
}

export interface EventStore {
  /** Human-readable kind, e.g. `sqlite`, `memory`, `esdb`. */
  readonly kind: string;
  append(stream: string, events: readonly NewEvent[], expected?: ExpectedRevision): Promise<AppendResult>;
  /** A missing stream reads as an empty array, not an error. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events in commit order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in the log, or undefined when the log is empty. */
  headPosition(): Promise<Position | undefined>;
  /**
   * Catch-up subscription: delivers every event after `after` (all when undefined) in order, then live events,
   * never a gap or a duplicate. The handler is awaited before the next batch is read, so a slow handler
   * slows the subscription down instead of buffering without bound.
   */
  subscribeToAll(after: Position | undefined, handler: SubscriptionHandler, options?: SubscribeOptions): Subscription;
  /** Cheap reachability check for health endpoints. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class WrongExpectedVersionError extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or `no_stream`. */
    readonly actual: Revision | 'no_stream',
  ) {
    super(`Wrong expected version on stream '${stream}': expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

export class EventStoreUnavailableError extends Error {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

export class InvalidAppendError extends Error {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** The stream was hard-deleted (tombstoned): it can never be read or written again. */
export class StreamDeletedError extends Error {
  readonly code = 'STREAM_DELETED';
  constructor(readonly stream: string) {
    super(`Stream '${stream}' is deleted`);
    this.name = 'StreamDeletedError';
  }
}
