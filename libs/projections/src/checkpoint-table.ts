import type Database from 'better-sqlite3';
import type { Position } from '#eventstore';
import type { ProjectionFailure } from './projection-status.js';

/** One row of `projection_checkpoints`. */
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
}

export const CHECKPOINTS_TABLE = 'projection_checkpoints';

export const CREATE_CHECKPOINTS = `
CREATE TABLE IF NOT EXISTS ${CHECKPOINTS_TABLE} (
  name             TEXT PRIMARY KEY,
  version          INTEGER NOT NULL,
  position         TEXT,
  state            TEXT NOT NULL DEFAULT 'ok',
  error_message    TEXT,
  error_position   TEXT,
  error_event_type TEXT,
  updated_at       TEXT NOT NULL
)`;

interface FailureParameters {
  readonly message: string | null;
  readonly position: string | null;
  readonly eventType: string | null;
  readonly now: string;
  readonly name: string;
}

/** The checkpoints of the projections, through statements prepared once. */
export class CheckpointTable {
  private readonly select;
  private readonly advanceStatement;
  private readonly resetStatement;
  private readonly failureStatement;
  private readonly removeStatement;

  constructor(db: Database.Database) {
    this.select = db.prepare<[string], CheckpointRow>(`SELECT * FROM ${CHECKPOINTS_TABLE} WHERE name = ?`);
    this.advanceStatement = db.prepare<[string, string, string]>(
      `UPDATE ${CHECKPOINTS_TABLE} SET position = ?, updated_at = ? WHERE name = ?`,
    );
    this.resetStatement = db.prepare<[string, number, string]>(
      `INSERT INTO ${CHECKPOINTS_TABLE} (name, version, position, state, updated_at) VALUES (?, ?, NULL, 'ok', ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = NULL, state = 'ok',
         error_message = NULL, error_position = NULL, error_event_type = NULL, updated_at = excluded.updated_at`,
    );
    this.removeStatement = db.prepare<[string]>(`DELETE FROM ${CHECKPOINTS_TABLE} WHERE name = ?`);
    this.failureStatement = db.prepare<[FailureParameters]>(
      `UPDATE ${CHECKPOINTS_TABLE} SET state = CASE WHEN @message IS NULL THEN 'ok' ELSE 'failed' END,
         error_message = @message, error_position = @position, error_event_type = @eventType, updated_at = @now
       WHERE name = @name`,
    );
  }

  read(name: string): CheckpointRow | undefined {
    return this.select.get(name);
  }

  /** Moves a checkpoint; runs inside the transaction that wrote the rows up to `position`. */
  advance(name: string, position: Position): void {
    this.advanceStatement.run(position.toString(), new Date().toISOString(), name);
  }

  /** Starts a projection over: no position, no failure, the given version. */
  reset(name: string, version: number): void {
    this.resetStatement.run(name, version, new Date().toISOString());
  }

  /** Forgets a projection that is no longer kept. */
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
