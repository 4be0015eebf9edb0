import Database from 'better-sqlite3';
import { CREATE_CHECKPOINTS, CheckpointTable, type CheckpointRow } from './checkpoint-table.js';

export interface ReadModelStoreOptions {
  /** The SQLite file of this process's read models, or `:memory:`. */
  readonly path: string;
}

/**
 * The read models' SQLite file: the projections' tables and their checkpoints (`projection_checkpoints`).
 * WAL, `synchronous=NORMAL`: a power cut may lose the last few batches, but rows and checkpoint always commit
 * together, so the runner simply projects those events again from the log. Query-side readers run their
 * SELECTs on `db`; only the projection runner writes.
 */
export class ReadModelStore {
  /** Checkpoint statements, shared by the runner. */
  readonly checkpoints: CheckpointTable;

  private constructor(readonly db: Database.Database) {
    this.checkpoints = new CheckpointTable(db);
  }

  static open(options: ReadModelStoreOptions): ReadModelStore {
    const db = new Database(options.path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('cache_size = -65536');
      // Checkpoint the WAL every ~40 MB instead of every ~4 MB: a page rewritten by many batches (random keys)
      // is copied into the database once per checkpoint, which makes catch-up of large tables far faster.
      db.pragma('wal_autocheckpoint = 10000');
      db.pragma('journal_size_limit = 67108864');
      db.exec(CREATE_CHECKPOINTS);
      return new ReadModelStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The stored checkpoint of one projection, if it ever ran on this file. */
  checkpoint(name: string): CheckpointRow | undefined {
    return this.checkpoints.read(name);
  }

  /** Closes the file; stop the runner first. Safe to call twice. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
