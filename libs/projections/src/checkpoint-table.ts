import type Database from 'better-sqlite3';
import type { Position } from '#eventstore';
import type { ProjectionFailure } from './projection-status.js';

/** One row of `projection_checkpoints` (the version readers are answered from) or `projection_builds` (one being built). */
export interface CheckpointRow {
  readonly name: string;
  readonly version: number;
  /** Position of the last event applied, as a decimal string (positions are 64-bit); null before the first. */
  readonly position: string | null;
  readonly state: 'ok' | 'failed';
  readonly error_message: string | null;
  readonly error_position: string | null;
  readonly error_event_type: string | null;
  readonly updated_at: string;
  /** Which tables hold the rows: `<table>__g<generation>`, or the table itself for 0 (files from before generations). */
  readonly generation: number;
}

/** The versions that serve readers, one per projection. */
export const CHECKPOINTS_TABLE = 'projection_checkpoints';
/** The versions being built beside them, one per projection at most. */
export const BUILDS_TABLE = 'projection_builds';

const createTable = (name: string): string => `
CREATE TABLE IF NOT EXISTS ${name} (
  name             TEXT PRIMARY KEY,
  version          INTEGER NOT NULL,
  position         TEXT,
  state            TEXT NOT NULL DEFAULT 'ok',
  error_message    TEXT,
  error_position   TEXT,
  error_event_type TEXT,
  updated_at       TEXT NOT NULL,
  generation       INTEGER NOT NULL DEFAULT 0
)`;

/** Creates both tables; a checkpoint table from before generations gets the column (0: the tables themselves). */
export function createCheckpointTables(db: Database.Database): void {
  for (const table of [CHECKPOINTS_TABLE, BUILDS_TABLE]) {
    db.exec(createTable(table));
    const columns = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table);
    if (!columns.some((column) => column.name === 'generation'))
      db.exec(`ALTER TABLE ${table} ADD COLUMN generation INTEGER NOT NULL DEFAULT 0`);
  }
}

interface FailureParameters {
  readonly message: string | null;
  readonly position: string | null;
  readonly eventType: string | null;
  readonly now: string;
  readonly name: string;
}

/** The rows of one of the two tables, through statements prepared once. */
export class CheckpointTable {
  private readonly select;
  private readonly advanceStatement;
  private readonly resetStatement;
  private readonly failureStatement;
  private readonly removeStatement;

  constructor(
    db: Database.Database,
    readonly table: string = CHECKPOINTS_TABLE,
  ) {
    this.select = db.prepare<[string], CheckpointRow>(`SELECT * FROM ${table} WHERE name = ?`);
    this.advanceStatement = db.prepare<[string | null, string, string]>(`UPDATE ${table} SET position = ?, updated_at = ? WHERE name = ?`);
    this.resetStatement = db.prepare<[string, number, number, string]>(
      `INSERT INTO ${table} (name, version, generation, position, state, updated_at) VALUES (?, ?, ?, NULL, 'ok', ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, generation = excluded.generation, position = NULL, state = 'ok',
         error_message = NULL, error_position = NULL, error_event_type = NULL, updated_at = excluded.updated_at`,
    );
    this.removeStatement = db.prepare<[string]>(`DELETE FROM ${table} WHERE name = ?`);
    this.failureStatement = db.prepare<[FailureParameters]>(
      `UPDATE ${table} SET state = CASE WHEN @message IS NULL THEN 'ok' ELSE 'failed' END,
         error_message = @message, error_position = @position, error_event_type = @eventType, updated_at = @now
       WHERE name = @name`,
    );
  }

  read(name: string): CheckpointRow | undefined {
    return this.select.get(name);
  }

  /** Moves a checkpoint; runs inside the transaction that wrote the rows up to `position`. */
  advance(name: string, position: Position | undefined): void {
    this.advanceStatement.run(position?.toString() ?? null, new Date().toISOString(), name);
  }

  /** Starts a projection's row over: no position, no failure, the given version and generation. */
  reset(name: string, version: number, generation: number): void {
    this.resetStatement.run(name, version, generation, new Date().toISOString());
  }

  /** Forgets a projection's row. */
  remove(name: string): void {
    this.removeStatement.run(name);
  }

  /** Records the failure a projection stopped on, or clears it (`undefined`). */
  recordFailure(name: string, failure: ProjectionFailure | undefined): void {
    this.failureStatement.run({
      message: failure?.message ?? null,
      position: failure?.position ?? null,
      eventType: failure?.eventType ?? null,
      now: new Date().toISOString(),
      name,
    });
  }
}
