import Database from 'better-sqlite3';
import { BackgroundCheckpoints } from '#eventstore';
import { closeSync, existsSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { CHECKPOINTS_TABLE, CREATE_CHECKPOINTS, CheckpointTable, type CheckpointRow } from './checkpoint-table.js';
import type { Projection } from './projection.js';
import { createTables, quoteIdentifier } from './table-schema.js';

export interface ReadModelStoreOptions {
  /** The SQLite file of this process's read models, or `:memory:`. */
  readonly path: string;
  /** WAL checkpoints on a worker thread instead of at the commit that fills the WAL (see BackgroundCheckpoints). */
  readonly backgroundCheckpoints?: boolean;
  /**
   * A file built only to be copied into another and removed (see `ProjectionBuilder`): no WAL (the rollback journal
   * is kept in memory), no fsync, no bulk-load marker. Nothing in it survives a crash, and nothing needs to.
   */
  readonly scratch?: boolean;
}

/**
 * The read models' SQLite file: the projections' tables and their checkpoints (`projection_checkpoints`).
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
  private bulk = false;
  private walCheckpoints: BackgroundCheckpoints | undefined;

  private constructor(
    readonly db: Database.Database,
    /** The file, or `:memory:`. */
    readonly path: string,
    /** True when `open` found an unfinished bulk load and discarded the file it left. */
    readonly discardedUnfinishedBuild: boolean,
    /** The bulk-load marker; none for an in-memory or scratch file, which never bulk-load. */
    private readonly marker: string | undefined,
  ) {
    this.checkpoints = new CheckpointTable(db);
  }

  static open(options: ReadModelStoreOptions): ReadModelStore {
    const marker = options.scratch || inMemory(options.path) ? undefined : markerOf(options.path);
    const discarded = marker !== undefined && existsSync(marker);
    if (discarded) removeReadModelFile(options.path);
    const db = new Database(options.path);
    try {
      if (options.scratch) {
        db.pragma('journal_mode = MEMORY');
        db.pragma('synchronous = OFF');
      } else {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
        // Checkpoint the WAL every ~40 MB instead of every ~4 MB: a page rewritten by many batches (random keys)
        // is copied into the database once per checkpoint, which makes catch-up of large tables far faster.
        db.pragma('wal_autocheckpoint = 10000');
        db.pragma('journal_size_limit = 67108864');
      }
      db.pragma('cache_size = -65536');
      db.exec(CREATE_CHECKPOINTS);
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

  /** True for `:memory:`: nothing to share with another connection or thread. */
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

  /**
   * Takes in projections built from scratch in another read-model file (see `ProjectionBuilder`), in one transaction:
   * their tables here are replaced by the built ones (rows and indexes copied as they are) and their checkpoints set
   * to the built ones. Each must have been built without failure. Returns the checkpoints; the other file is left as
   * it is.
   */
  adopt(path: string, projections: readonly Projection[]): CheckpointRow[] {
    const db = this.db;
    db.prepare('ATTACH DATABASE ? AS built').run(path);
    try {
      return db.transaction(() =>
        projections.map((projection) => {
          const built = db.prepare<[string], CheckpointRow>(`SELECT * FROM built.${CHECKPOINTS_TABLE} WHERE name = ?`).get(projection.name);
          if (built?.version !== projection.version || built.state !== 'ok') {
            throw new Error(`${path} holds no complete build of projection '${projection.name}' version ${projection.version}`);
          }
          for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS main.${quoteIdentifier(table.name)}`);
          createTables(db, projection);
          // Same definition on both sides: SQLite copies the rows and index entries without re-sorting them.
          for (const table of projection.tables) db.exec(`INSERT INTO main.${quoteIdentifier(table.name)} SELECT * FROM built.${quoteIdentifier(table.name)}`);
          this.checkpoints.reset(projection.name, projection.version);
          if (built.position !== null) this.checkpoints.advance(projection.name, BigInt(built.position));
          return this.checkpoints.read(projection.name)!;
        }),
      )();
    } finally {
      db.exec('DETACH DATABASE built');
    }
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

/**
 * Whether opening the read-model file at `path` will find no read models at all, so that every projection is built
 * from scratch: no file yet, or one whose bulk load never finished (which `open` discards).
 */
export function buildsEverythingFromScratch(path: string): boolean {
  return !inMemory(path) && (!existsSync(path) || existsSync(markerOf(path)));
}

const inMemory = (path: string): boolean => path === ':memory:' || path === '';
const markerOf = (path: string): string => `${path}.building`;
