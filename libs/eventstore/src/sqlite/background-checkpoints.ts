import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface BackgroundCheckpointOptions {
  /** How often the worker copies committed WAL frames into the database file (default 100 ms). */
  readonly intervalMs?: number;
}

/**
 * What the worker runs: its own connection to the file, a PASSIVE checkpoint every interval unless paused. Given as
 * source (CommonJS, `eval`) rather than a module file, so that it runs the same from the compiled build and from the
 * TypeScript sources under test; the driver's path comes from this module's own resolution.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const paused = new Int32Array(workerData.paused);
const checkpoint = () => {
  if (Atomics.load(paused, 0) !== 0) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * WAL checkpoints on a worker thread. A checkpoint copies the WAL's pages into the database file and fsyncs it;
 * run by the writing connection (SQLite's automatic checkpoint, at the commit that fills the WAL), it blocks the
 * event loop for tens or hundreds of milliseconds now and then: the tail of every request's latency. Here the
 * writing connection never checkpoints (`wal_autocheckpoint=0`); a worker with its own connection to the same file
 * runs a PASSIVE checkpoint every `intervalMs`, which never waits for readers or writers. Commits and their
 * fsyncs are unchanged, so nothing about durability changes: a checkpoint only moves committed pages.
 *
 * If the worker fails, the writing connection goes back to checkpointing itself. `pause()` hands checkpoints back
 * to the writing connection for a while (a bulk load that prefers few, large checkpoints).
 */
export class BackgroundCheckpoints {
  private readonly paused = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private running = true;

  private constructor(
    private readonly db: Database.Database,
    /** The writing connection's own wal_autocheckpoint, used while paused or after a failure. */
    private readonly fallbackPages: number,
    options: BackgroundCheckpointOptions,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        path: db.name,
        intervalMs: options.intervalMs ?? 100,
        paused: this.paused.buffer,
      },
    });
    this.worker.unref();
    this.worker.on('message', () => this.fallBack());
    this.worker.on('error', () => this.fallBack());
    this.worker.on('exit', () => this.fallBack());
  }

  /** Starts checkpointing `db` (a WAL database in a file) on a worker thread. */
  static start(db: Database.Database, options: BackgroundCheckpointOptions = {}): BackgroundCheckpoints {
    const pages = Number(db.pragma('wal_autocheckpoint', { simple: true }));
    return new BackgroundCheckpoints(db, pages, options);
  }

  /** True while the worker checkpoints (not paused, not failed, not stopped). */
  get active(): boolean {
    return this.running && Atomics.load(this.paused, 0) === 0;
  }

  /** The writing connection checkpoints itself until `resume()`. */
  pause(): void {
    if (!this.running) return;
    Atomics.store(this.paused, 0, 1);
    this.db.pragma(`wal_autocheckpoint = ${this.fallbackPages}`);
  }

  resume(): void {
    if (!this.running) return;
    this.db.pragma('wal_autocheckpoint = 0');
    Atomics.store(this.paused, 0, 0);
  }

  /** Stops the worker (its connection closes); the writing connection checkpoints itself again. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.fallbackPages}`);
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    // Whoever awaits the stop keeps the process alive until the worker has closed its connection.
    this.worker.ref();
    this.worker.postMessage('stop');
    await exited;
  }

  private fallBack(): void {
    if (!this.running) return;
    this.running = false;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.fallbackPages}`);
    void this.worker.terminate();
  }
}
