import { type ExpectedRevision, InvalidAppendError, type NewEvent, type Revision, WrongExpectedVersionError } from './port.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rejects malformed appends before anything is written: empty batches, bad ids, reserved names. */
export function validateAppend(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): void {
  if (typeof stream !== 'string' || stream.length === 0 || stream.startsWith('$')) {
    throw new InvalidAppendError(`Invalid stream name '${String(stream)}': it must be non-empty and not start with '$'`);
  }
  if (typeof expected === 'bigint' ? expected < 0n : !['any', 'no_stream', 'stream_exists'].includes(expected)) {
    throw new InvalidAppendError(`Invalid expected revision '${String(expected)}' for stream '${stream}'`);
  }
  if (events.length === 0) throw new InvalidAppendError(`An append to '${stream}' needs at least one event`);
  const ids = new Set<string>();
  for (const event of events) {
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidAppendError(`Event id '${String(event.id)}' on stream '${stream}' is not a UUID`);
    }
    if (ids.has(event.id.toLowerCase())) {
      throw new InvalidAppendError(`Event id '${event.id}' appears twice in one append to '${stream}'`);
    }
    ids.add(event.id.toLowerCase());
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidAppendError(`Invalid event type '${String(event.type)}' on stream '${stream}'`);
    }
  }
}

/** Throws the typed conflict when the stream's current revision does not satisfy the expectation. */
export function checkExpectedRevision(stream: string, expected: ExpectedRevision, current: Revision | undefined): void {
  const satisfied =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  if (!satisfied) throw new WrongExpectedVersionError(stream, expected, current ?? 'no_stream');
}

export interface StreamIndex {
  /** Revision of the event with this id in the stream, if any. */
  revisionOf(id: string): Revision | undefined;
  /** Id of the event at this revision of the stream, if any. */
  idAt(revision: Revision): string | undefined;
}

/**
 * Idempotency by event id, as EventStoreDB does it: when the whole batch is already in the stream, in order,
 * returns the revision of its last event (the append is a no-op); when none of it is, returns undefined; a
 * partial overlap is a conflict.
 */
export function findEarlierAppend(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  current: Revision | undefined,
  index: StreamIndex,
): Revision | undefined {
  const [first, ...rest] = events;
  if (!first || current === undefined) return undefined;
  const start = index.revisionOf(first.id);
  if (start === undefined) {
    if (rest.some((event) => index.revisionOf(event.id) !== undefined)) {
      throw new WrongExpectedVersionError(stream, expected, current);
    }
    return undefined;
  }
  rest.forEach((event, i) => {
    if (index.idAt(start + BigInt(i + 1)) !== event.id) throw new WrongExpectedVersionError(stream, expected, current);
  });
  return start + BigInt(rest.length);
}
