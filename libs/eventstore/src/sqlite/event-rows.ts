import type Database from 'better-sqlite3';
import { InvalidAppendError, type NewEvent, type RecordedEvent } from '../port.js';
import type { UpcasterRegistry } from '../upcasting.js';
import { LimitedStatements } from './limited-statements.js';

/** A row of the `events` table (read with safe integers: positions and revisions are bigints). */
export interface EventRow {
  position: bigint;
  stream: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

/** An event's data and metadata as stored: JSON. */
export interface EventPayload {
  readonly data: string;
  readonly metadata: string;
}

/** Decodes a stored event, in its current shape (the registry's upcasters applied). */
export function toRecorded(row: EventRow, upcasters: UpcasterRegistry): RecordedEvent {
  return upcasters.upcast({
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    stream: row.stream,
    revision: row.revision,
    position: row.position,
  });
}

/** Encodes an event for the `events` table; an event that is not JSON is an invalid append. */
export function serialise(stream: string, event: NewEvent): EventPayload {
  try {
    return { data: JSON.stringify(event.data ?? null), metadata: JSON.stringify(event.metadata ?? {}) };
  } catch (error) {
    throw new InvalidAppendError(`Event ${event.id} on '${stream}' is not JSON-serialisable: ${(error as Error).message}`);
  }
}

/** The statements the store runs on the `events` table, prepared once. */
export function prepareEventStatements(db: Database.Database) {
  return {
    head: db.prepare<[], { position: bigint }>('SELECT position FROM events ORDER BY position DESC LIMIT 1'),
    streamHead: db.prepare<[string], { revision: bigint }>('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1'),
    revisionOf: db.prepare<[string, string], { revision: bigint }>('SELECT revision FROM events WHERE stream = ? AND event_id = ?'),
    at: db.prepare<[string, bigint], { event_id: string; position: bigint }>(
      'SELECT event_id, position FROM events WHERE stream = ? AND revision = ?',
    ),
    insert: db.prepare<[string, bigint, string, string, string, string]>(
      'INSERT INTO events (stream, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    forwards: new LimitedStatements<[string, bigint], EventRow>(
      db,
      'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC',
    ),
    backwards: new LimitedStatements<[string, bigint], EventRow>(
      db,
      'SELECT * FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC',
    ),
    all: new LimitedStatements<[bigint], EventRow>(db, 'SELECT * FROM events WHERE position > ? ORDER BY position ASC'),
    dataVersion: db.prepare<[], number>('PRAGMA data_version'),
    ping: db.prepare('SELECT 1'),
  };
}

export type EventStatements = ReturnType<typeof prepareEventStatements>;
