import Database from 'better-sqlite3';

export interface ReadModelStoreOptions {
  /** The SQLite file of this process's read models, or `:memory:`. */
  readonly path: string;
}

export interface CheckpointRow {
  readonly name: string;
  readonly version: number;
  /** Position of the last event applied, as a decimal string (positions are 64-bit); null before the first. */
  readonly position: string | null;
  readonly state: 'ok' | 'failed';
  readonly error_message: string | null;
  readonly error_position: string | null;
  readonly error_event_type: string | null;
}

const CHECKPOINTS = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name             TEXT PRIMARY KEY,
  version          INTEGER NOT NULL,
  position         TEXT,
  state            TEXT NOT NULL DEFAULT 'ok',
  error_message    TEXT,
  error_position   TEXT,
  error_event_type TEXT,
  updated_at       TEXT NOT NULL
)`;

/**
 * The read models' SQLite file. `synchronous=NORMAL`: a power cut may lose the last few batches, but rows and
 * checkpoint always commit together, so the runner simply projects those events again from the log.
 */
export class ReadModelStore {
  private constructor(readonly db: Database.Database) {}

  static open(options: ReadModelStoreOptions): ReadModelStore {
    const db = new Database(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.exec(CHECKPOINTS);
    return new ReadModelStore(db);
  }

  checkpoint(name: string): CheckpointRow | undefined {
    return this.db.prepare<[string], CheckpointRow>('SELECT * FROM projection_checkpoints WHERE name = ?').get(name);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
