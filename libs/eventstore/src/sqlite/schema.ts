/**
 * The embedded log: one table, positions from an AUTOINCREMENT key (never reused, strictly increasing in commit
 * order because SQLite admits one writer at a time), unique revisions and event ids per stream.
 */
export const EVENT_LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream    TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream, revision)
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_event_id ON events (stream, event_id);
`;
