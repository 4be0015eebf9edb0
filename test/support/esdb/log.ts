/**
 * The test server's transaction log and stream index, with EventStoreDB's write semantics: expected-revision
 * rules, idempotency by event id, soft delete (a `$tb` truncation recorded in the `$$stream` metadata stream,
 * undone by the next append) and tombstones (a `$streamDeleted` event; the stream can never be written again).
 *
 * Positions are byte offsets in the log, as on a real node: each event's commit position equals its prepare
 * position, and they grow by the record's size, so they are monotonic but not consecutive.
 */
import { randomUUID } from 'node:crypto';

/** EventStoreDB's expected versions: -2 any, -1 no stream, -4 stream exists, else an exact revision. */
export type Expected = { kind: 'any' } | { kind: 'no_stream' } | { kind: 'stream_exists' } | { kind: 'revision'; revision: bigint };

export interface LogRecord {
  readonly stream: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** .NET ticks since the Unix epoch, as the server reports `created`. */
  readonly created: bigint;
  readonly position: bigint;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export type WriteOutcome =
  | { kind: 'success'; lastRevision: bigint; position: bigint | undefined }
  | { kind: 'wrong_expected_version'; current: bigint | undefined }
  | { kind: 'stream_deleted' };

export type ReadOutcome = { kind: 'events'; events: LogRecord[] } | { kind: 'not_found' } | { kind: 'deleted' };

/** Revision EventStoreDB gives the `$streamDeleted` event of a tombstoned stream (long.MaxValue). */
export const TOMBSTONE_REVISION = 9223372036854775807n;
const TICKS_PER_MS = 10_000n;
const EPOCH_TICKS = 0n;
const RECORD_OVERHEAD = 97n;

interface StreamState {
  records: LogRecord[];
  /** Revision of the last event written to the stream, including truncated ones; -1 when none. */
  last: bigint;
  /** Soft delete: events before this revision are invisible. */
  truncateBefore: bigint;
  softDeleted: boolean;
  tombstoned: boolean;
  ids: Map<string, bigint>;
}

export class TestLog {
  private readonly all: LogRecord[] = [];
  private readonly streams = new Map<string, StreamState>();
  private nextPosition: bigint;
  private readonly listeners = new Set<() => void>();

  constructor(firstPosition = 1_024n) {
    this.nextPosition = firstPosition;
  }

  /** Every record, system ones included, in commit order. */
  get records(): readonly LogRecord[] {
    return this.all;
  }

  get head(): bigint | undefined {
    return this.all.at(-1)?.position;
  }

  /** Calls `listener` after each write; returns the unsubscribe function. */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Index of the first record whose position is greater than (or equal to, when inclusive) `position`. */
  indexAfter(position: bigint | undefined, inclusive = false): number {
    if (position === undefined) return 0;
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const at = this.all[mid]!.position;
      if (at < position || (!inclusive && at === position)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  append(stream: string, expected: Expected, events: readonly ProposedEvent[]): WriteOutcome {
    const state = this.streams.get(stream);
    if (state?.tombstoned) return { kind: 'stream_deleted' };
    const check = this.checkCommit(state, expected, events);
    if (check.kind !== 'ok') return check;
    if (events.length === 0) return { kind: 'success', lastRevision: state?.last ?? -1n, position: undefined };
    const target = state ?? this.createStream(stream);
    if (target.softDeleted) {
      // The first write after a soft delete undeletes the stream; the truncation stays.
      target.softDeleted = false;
    }
    let position = 0n;
    for (const event of events) {
      target.last += 1n;
      position = this.write(stream, target.last, event);
      target.ids.set(event.id, target.last);
    }
    this.notify();
    return { kind: 'success', lastRevision: target.last, position };
  }

  read(stream: string): ReadOutcome {
    const state = this.streams.get(stream);
    if (!state) return { kind: 'not_found' };
    if (state.tombstoned) return { kind: 'deleted' };
    const visible = state.records.filter((r) => r.revision >= state.truncateBefore);
    if (state.softDeleted && visible.length === 0) return { kind: 'not_found' };
    return { kind: 'events', events: visible };
  }

  /** Soft delete: the stream reads as missing until it is written again; its events stay in `$all`. */
  softDelete(stream: string, expected: Expected): WriteOutcome {
    const state = this.streams.get(stream);
    if (state?.tombstoned) return { kind: 'stream_deleted' };
    const current = state && !state.softDeleted ? state.last : undefined;
    if (!this.deleteExpectationHolds(expected, current)) return { kind: 'wrong_expected_version', current };
    const target = state ?? this.createStream(stream);
    target.truncateBefore = target.last + 1n;
    target.softDeleted = true;
    const metaStream = `$$${stream}`;
    const meta = this.streams.get(metaStream) ?? this.createStream(metaStream);
    meta.last += 1n;
    const body = new TextEncoder().encode(JSON.stringify({ $tb: Number(target.truncateBefore) }));
    const position = this.write(metaStream, meta.last, {
      id: randomUUID(),
      type: '$metadata',
      contentType: 'application/json',
      data: body,
      metadata: new Uint8Array(),
    });
    this.notify();
    return { kind: 'success', lastRevision: target.last, position };
  }

  /** Hard delete: a `$streamDeleted` event; reads and writes fail with stream-deleted from then on. */
  tombstone(stream: string, expected: Expected): WriteOutcome {
    const state = this.streams.get(stream);
    if (state?.tombstoned) return { kind: 'stream_deleted' };
    const current = state && !state.softDeleted ? state.last : undefined;
    if (!this.deleteExpectationHolds(expected, current)) return { kind: 'wrong_expected_version', current };
    const target = state ?? this.createStream(stream);
    target.tombstoned = true;
    const position = this.write(stream, TOMBSTONE_REVISION, {
      id: randomUUID(),
      type: '$streamDeleted',
      contentType: 'application/octet-stream',
      data: new Uint8Array(),
      metadata: new Uint8Array(),
    });
    this.notify();
    return { kind: 'success', lastRevision: TOMBSTONE_REVISION, position };
  }

  /** A system event, as a node writes them on its own (`$statsCollected`, `$ProjectionsInitialized`, ...). */
  writeSystemEvent(stream: string, type: string, body: unknown): void {
    const state = this.streams.get(stream) ?? this.createStream(stream);
    state.last += 1n;
    this.write(stream, state.last, {
      id: randomUUID(),
      type,
      contentType: 'application/json',
      data: new TextEncoder().encode(JSON.stringify(body)),
      metadata: new Uint8Array(),
    });
    this.notify();
  }

  /** IndexWriter.CheckCommit: what EventStoreDB decides for a write before it is committed. */
  private checkCommit(state: StreamState | undefined, expected: Expected, events: readonly ProposedEvent[]): { kind: 'ok' } | WriteOutcome {
    if (!state || (state.last < 0n && !state.softDeleted)) {
      return expected.kind === 'any' || expected.kind === 'no_stream'
        ? { kind: 'ok' }
        : { kind: 'wrong_expected_version', current: undefined };
    }
    const current = state.last;
    if (expected.kind === 'stream_exists' && state.softDeleted) return { kind: 'stream_deleted' };

    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      // Idempotency by id: the first event decides; a batch that is only partly there is corrupt.
      let first = true;
      let end = -1n;
      for (const event of events) {
        const revision = state.ids.get(event.id);
        if (revision === undefined) {
          return first ? { kind: 'ok' } : { kind: 'wrong_expected_version', current };
        }
        end = revision;
        first = false;
      }
      if (first) return { kind: 'ok' };
      return { kind: 'success', lastRevision: end, position: this.positionOf(state, end) };
    }

    const expectedRevision = expected.kind === 'no_stream' ? -1n : expected.revision;
    if (expectedRevision < current) {
      let revision = expectedRevision;
      for (const event of events) {
        revision += 1n;
        if (state.ids.get(event.id) === revision) continue;
        if (revision !== expectedRevision + 1n) return { kind: 'wrong_expected_version', current };
        if (expected.kind === 'no_stream' && state.softDeleted) return { kind: 'ok' };
        return { kind: 'wrong_expected_version', current };
      }
      if (revision === expectedRevision) return { kind: 'wrong_expected_version', current };
      return { kind: 'success', lastRevision: revision, position: this.positionOf(state, revision) };
    }
    if (expectedRevision > current) return { kind: 'wrong_expected_version', current };
    return { kind: 'ok' };
  }

  private deleteExpectationHolds(expected: Expected, current: bigint | undefined): boolean {
    switch (expected.kind) {
      case 'any':
        return true;
      case 'no_stream':
        return current === undefined;
      case 'stream_exists':
        return current !== undefined;
      case 'revision':
        return current === expected.revision;
    }
  }

  private positionOf(state: StreamState, revision: bigint): bigint | undefined {
    return state.records.find((r) => r.revision === revision)?.position;
  }

  private createStream(stream: string): StreamState {
    const state: StreamState = {
      records: [],
      last: -1n,
      truncateBefore: 0n,
      softDeleted: false,
      tombstoned: false,
      ids: new Map(),
    };
    this.streams.set(stream, state);
    return state;
  }

  private write(stream: string, revision: bigint, event: ProposedEvent): bigint {
    const position = this.nextPosition;
    const record: LogRecord = {
      stream,
      revision,
      id: event.id,
      type: event.type,
      contentType: event.contentType,
      data: event.data,
      metadata: event.metadata,
      created: EPOCH_TICKS + BigInt(Date.now()) * TICKS_PER_MS,
      position,
    };
    this.nextPosition += RECORD_OVERHEAD + BigInt(stream.length + event.type.length + event.data.length + event.metadata.length);
    this.all.push(record);
    this.streams.get(stream)!.records.push(record);
    return position;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
