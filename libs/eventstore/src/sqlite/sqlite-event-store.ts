import Database from 'better-sqlite3';
import { validateAppend } from '../append-rules.js';
import { SubscriptionSet } from '../catch-up-subscription.js';
import { ChangeNotifier } from '../change-notifier.js';
import {
  type AppendResult,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../port.js';
import { NO_UPCASTERS, type UpcasterRegistry } from '../upcasting.js';
import { BackgroundCheckpoints } from './background-checkpoints.js';
import { type EventStatements, prepareEventStatements, serialise, toRecorded } from './event-rows.js';
import { GroupCommit } from './group-commit.js';
import { EVENT_LOG_SCHEMA } from './schema.js';

export interface SqliteEventStoreOptions {
  /** The database file; created with its directory's permissions when missing. */
  readonly path: string;
  /** How often to look for appends made by other processes on the same file (default 100 ms). */
  readonly pollIntervalMs?: number;
  /** Milliseconds to wait for another process's write lock before an append fails (default 5000). */
  readonly busyTimeoutMs?: number;
  /** WAL checkpoints on a worker thread instead of at the commit that fills the WAL (see BackgroundCheckpoints). */
  readonly backgroundCheckpoints?: boolean;
  /** Applied to every event read, so that readers see current shapes only (none by default). */
  readonly upcasters?: UpcasterRegistry;
}

export interface SqliteEventStoreStats {
  /** Transactions committed by this instance. */
  readonly commits: number;
  /** Appends acknowledged by this instance (several share a commit under load). */
  readonly appends: number;
}

const MAX_REVISION = 9223372036854775807n;

/**
 * The embedded default: an EventStoreDB-compatible log in one SQLite file (WAL, `synchronous=FULL`, so an
 * acknowledged append survives a power cut). Appends share commits (`GroupCommit`). Appends made by other processes
 * on the same file are noticed through `PRAGMA data_version`.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly changes = new ChangeNotifier();
  private readonly subscriptions = new SubscriptionSet(
    (after, maxCount) => this.readAll({ after, maxCount }),
    this.changes,
    (count) => (count > 0 ? this.startPolling() : this.stopPolling()),
  );
  private closed = false;
  private poller: NodeJS.Timeout | undefined;
  private dataVersion: number;
  private readonly statements: EventStatements;
  private readonly commits: GroupCommit;

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    let db: Database.Database;
    try {
      db = new Database(options.path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      db.exec(EVENT_LOG_SCHEMA);
    } catch (error) {
      throw new EventStoreUnavailableError(`Cannot open the event log at ${options.path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const walCheckpoints = options.backgroundCheckpoints ? BackgroundCheckpoints.start(db) : undefined;
    return new SqliteEventStore(db, options.pollIntervalMs ?? 100, walCheckpoints, options.upcasters ?? NO_UPCASTERS);
  }

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
    private readonly walCheckpoints: BackgroundCheckpoints | undefined,
    private readonly upcasters: UpcasterRegistry,
  ) {
    db.defaultSafeIntegers(true);
    this.statements = prepareEventStatements(db);
    this.commits = new GroupCommit(db, this.statements, () => this.changes.notify());
    this.dataVersion = this.readDataVersion();
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
    validateAppend(stream, events, expected);
    const payloads = events.map((event) => serialise(stream, event));
    return this.commits.enqueue(stream, events, expected, payloads);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount;
    const rows =
      options.direction === 'backwards'
        ? this.read(() => this.statements.backwards.for(limit).all(stream, options.fromRevision ?? MAX_REVISION))
        : this.read(() => this.statements.forwards.for(limit).all(stream, options.fromRevision ?? 0n));
    return rows.map((row) => toRecorded(row, this.upcasters));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.read(() => this.statements.all.for(options.maxCount).all(options.after ?? 0n)).map((row) =>
      toRecorded(row, this.upcasters),
    );
  }

  async headPosition(): Promise<Position | undefined> {
    return this.read(() => this.statements.head.get())?.position;
  }

  subscribeToAll(after: Position | undefined, handler: SubscriptionHandler, options?: SubscribeOptions): Subscription {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
    return this.subscriptions.subscribe(after, handler, options);
  }

  async ping(): Promise<void> {
    this.read(() => this.statements.ping.get());
  }

  /** Commit and append counters: `appends / commits` is the mean group size. */
  stats(): SqliteEventStoreStats {
    return { commits: this.commits.commits, appends: this.commits.appends };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.commits.flush();
    this.stopPolling();
    await this.subscriptions.closeAll();
    await this.walCheckpoints?.stop();
    this.db.close();
  }

  private read<T>(query: () => T): T {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
    try {
      return query();
    } catch (error) {
      throw new EventStoreUnavailableError(`The event log could not be read: ${(error as Error).message}`, { cause: error });
    }
  }

  private readDataVersion(): number {
    return Number(this.statements.dataVersion.pluck().get());
  }

  /** Another process (the CLI) may append to the same file: its commits change `data_version`. */
  private startPolling(): void {
    if (this.poller || this.closed) return;
    this.poller = setInterval(() => {
      if (this.closed) return;
      const version = this.readDataVersion();
      if (version !== this.dataVersion) {
        this.dataVersion = version;
        this.changes.notify();
      }
    }, this.pollIntervalMs);
    this.poller.unref();
  }

  private stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }
}
