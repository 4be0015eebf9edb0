import Database from 'better-sqlite3';
import { BackgroundCheckpoints } from '#eventstore';
import { closeSync, existsSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { BUILDS_TABLE, CheckpointTable, type CheckpointRow, createCheckpointTables } from './checkpoint-table.js';
import { registerUnavailable } from './generations.js';

export interface ReadModelStoreOptions {
  /** The SQLite file of this process's read models, or `:memory:`. */
  readonly path: string;
  /** WAL checkpoints on a worker thread instead of at the commit that fills the WAL (see BackgroundCheckpoints). */
  readonly backgroundCheckpoints?: boolean;
}

/**
 * The read models' SQLite file: the projections' tables, their checkpoints (`projection_checkpoints`, the versions
 * readers are answered from) and the versions being built beside them (`projection_builds`; see README.md).
 * WAL, `synchronous=NORMAL`: a power cut may lose the last few batches, but rows and checkpoint always commit
 * together, so the runner simply projects those events again from the log. Query-side readers run their
 * SELECTs on `db`; only the projection runner writes.
 *
 * While read models are built from scratch (`beginBulkLoad`), the file is written with `synchronous=OFF`: no
 * fsync at all, so building is far faster, and a power cut may leave the file corrupt. A marker file beside it
 * (`<path>.building`, synced before the first unsynced write) says so; `endBulkLoad` syncs everything and removes
 * it. Opening a file whose marker is still there discards the file: its read models are built again from the log.
 */
export class ReadModelStore {
  /** Checkpoint statements, shared by the runner. */
  readonly checkpoints: CheckpointTable;
  /** The checkpoints of the versions being built. */
  readonly builds: CheckpointTable;
  private bulk = false;
  private walCheckpoints: BackgroundCheckpoints | undefined;

  private constructor(
    readonly db: Database.Database,
    /** The file, or `:memory:`. */
    readonly path: string,
    /** True when `open` found an unfinished bulk load and discarded the file it left. */
    readonly discardedUnfinishedBuild: boolean,
    /** The bulk-load marker; none for an in-memory file, which never bulk-loads. */
    private readonly marker: string | undefined,
  ) {
    this.checkpoints = new CheckpointTable(db);
    this.builds = new CheckpointTable(db, BUILDS_TABLE);
  }

  static open(options: ReadModelStoreOptions): ReadModelStore {
    const marker = inMemory(options.path) ? undefined : markerOf(options.path);
    const discarded = marker !== undefined && existsSync(marker);
    if (discarded) removeReadModelFile(options.path);
    const db = new Database(options.path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      // Checkpoint the WAL every ~40 MB instead of every ~4 MB: a page rewritten by many batches (random keys)
      // is copied into the database once per checkpoint, which makes catch-up of large tables far faster.
      db.pragma('wal_autocheckpoint = 10000');
      db.pragma('journal_size_limit = 67108864');
      db.pragma('cache_size = -65536');
      createCheckpointTables(db);
      registerUnavailable(db);
      const store = new ReadModelStore(db, options.path, discarded, marker);
      if (options.backgroundCheckpoints && marker !== undefined) store.walCheckpoints = BackgroundCheckpoints.start(db);
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The stored checkpoint of one projection, if it ever ran on this file. */
  checkpoint(name: string): CheckpointRow | undefined {
    return this.checkpoints.read(name);
  }

  /** True for `:memory:`. */
  get inMemory(): boolean {
    return inMemory(this.path);
  }

  /** True between `beginBulkLoad` and `endBulkLoad`. */
  get bulkLoading(): boolean {
    return this.bulk;
  }

  /** Writes without fsync until `endBulkLoad` (see the class comment). Safe to call twice. */
  beginBulkLoad(): void {
    const { marker } = this;
    if (this.bulk || marker === undefined) return;
    const fd = openSync(marker, 'w');
    try {
      writeSync(fd, `read models of ${this.path} are being built without fsync since ${new Date().toISOString()}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.db.pragma('synchronous = OFF');
    // Few large checkpoints, by the writing connection itself, until the build ends.
    this.walCheckpoints?.pause();
    this.bulk = true;
  }

  /**
   * Back to `synchronous=NORMAL`: checkpoints the whole WAL into the file, synced, then removes the marker. If the
   * checkpoint cannot complete, the marker stays (the file is then rebuilt at the next start, never trusted).
   */
  endBulkLoad(): void {
    if (!this.bulk || !this.db.open) return;
    this.db.pragma('synchronous = NORMAL');
    const [result] = this.db.pragma('wal_checkpoint(FULL)') as { busy: number; log: number; checkpointed: number }[];
    if (result && result.busy === 0 && result.checkpointed === result.log) rmSync(this.marker!, { force: true });
    this.walCheckpoints?.resume();
    this.bulk = false;
  }

  /** Closes the file; stop the runner first (it ends a bulk load). Safe to call twice. */
  close(): void {
    if (!this.db.open) return;
    this.endBulkLoad();
    void this.walCheckpoints?.stop();
    this.db.close();
  }
}

/** Removes a read-model file with its WAL, shared-memory and bulk-load marker files. */
export function removeReadModelFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '.building']) rmSync(`${path}${suffix}`, { force: true });
}

const inMemory = (path: string): boolean => path === ':memory:' || path === '';
const markerOf = (path: string): string => `${path}.building`;
