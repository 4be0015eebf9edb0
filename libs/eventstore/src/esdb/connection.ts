import {
  EventStoreDBClient,
  type Position as EsdbPosition,
  StreamDeletedError as EsdbStreamDeletedError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  isCommandError,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  type ExpectedRevision,
  type Position,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '../port.js';

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

export function isTransient(error: unknown): boolean {
  if (error instanceof Error && isCommandError(error)) return TRANSIENT.has(error.type);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && TRANSIENT_CODES.has(code);
}

export const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error)) || 'no details';
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** System events (`$`-prefixed types, `$` streams) never reach the port's readers or subscribers. */
export const isSystem = (type: string, stream: string) => type.startsWith('$') || stream.startsWith('$');
export const toEsdbPosition = (position: Position): EsdbPosition => ({ commit: position, prepare: position });

/** The port's error for what the client raised while doing `action` (on `stream`, appending at `expected`). */
export function translateError(error: unknown, action: string, stream?: string, expected?: ExpectedRevision, attempts = 1): Error {
  if (error instanceof EsdbWrongExpectedVersionError && stream !== undefined) {
    const actual = error.actualVersion === 'no_stream' || typeof error.actualVersion !== 'bigint' ? 'no_stream' : error.actualVersion;
    return new WrongExpectedVersionError(stream, expected ?? 'any', actual);
  }
  if (error instanceof EsdbStreamDeletedError) return new StreamDeletedError(stream ?? error.streamName ?? 'unknown');
  if (isTransient(error)) {
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${action} failed${tries} (${describeError(error)})`, {
      cause: error,
    });
  }
  return new EventStoreUnavailableError(`EventStoreDB refused ${action}: ${describeError(error)}`, { cause: error });
}
