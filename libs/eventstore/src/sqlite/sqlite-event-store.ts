import Database from 'better-sqlite3';
import { checkExpectedRevision, findEarlierAppend, validateAppend } from '../append-rules.js';
import { SubscriptionSet } from '../catch-up-subscription.js';
import { ChangeNotifier } from '../change-notifier.js';
import {
  type AppendResult,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  InvalidAppendError,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type Revision,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
  WrongExpectedVersionError,
} from '../port.js';
import { BackgroundCheckpoints } from './background-checkpoints.js';
import { LimitedStatements } from './limited-statements.js';
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
}

interface EventRow {
  position: bigint;
  stream: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly payloads: readonly { data: string; metadata: string }[];
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

export interface SqliteEventStoreStats {
  /** Transactions committed by this instance. */
  readonly commits: number;
  /** Appends acknowledged by this instance (several share a commit under load). */
  readonly appends: number;
}

const MAX_REVISION = 9223372036854775807n;

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    stream: row.stream,
    revision: row.revision,
    position: row.position,
  };
}

function serialise(stream: string, event: NewEvent): { data: string; metadata: string } {
  try {
    return { data: JSON.stringify(event.data ?? null), metadata: JSON.stringify(event.metadata ?? {}) };
  } catch (error) {
    throw new InvalidAppendError(`Event ${event.id} on '${stream}' is not JSON-serialisable: ${(error as Error).message}`);
  }
}

/**
 * The embedded default: an EventStoreDB-compatible log in one SQLite file (WAL, `synchronous=FULL`, so an
 * acknowledged append survives a power cut).
 *
 * Group commit: appends are queued and written by one flush per turn of the event loop: every append that
 * arrived while the previous commit was running goes into the next transaction, each inside its own SAVEPOINT,
 * so each keeps its own expected-revision check and its own outcome while the group shares one fsync.
 * Appends made by other processes on the same file are noticed through `PRAGMA data_version`.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly changes = new ChangeNotifier();
  private readonly subscriptions = new SubscriptionSet(
    (after, maxCount) => this.readAll({ after, maxCount }),
    this.changes,
    (count) => (count > 0 ? this.startPolling() : this.stopPolling()),
  );
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private poller: NodeJS.Timeout | undefined;
  private dataVersion: number;
  private commits = 0;
  private appends = 0;

  private readonly statements;
  private readonly appendGroup;
  private readonly appendOne;

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
    return new SqliteEventStore(db, options.pollIntervalMs ?? 100, walCheckpoints);
  }

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
    private readonly walCheckpoints: BackgroundCheckpoints | undefined,
  ) {
    db.defaultSafeIntegers(true);
    this.statements = {
      head: db.prepare<[], { position: bigint }>('SELECT position FROM events ORDER BY position DESC LIMIT 1'),
      streamHead: db.prepare<[string], { revision: bigint }>(
        'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      revisionOf: db.prepare<[string, string], { revision: bigint }>(
        'SELECT revision FROM events WHERE stream = ? AND event_id = ?',
      ),
      at: db.prepare<[string, bigint], { event_id: string; position: bigint }>(
        'SELECT event_id, position FROM events WHERE stream = ? AND revision = ?',
      ),
      insert: db.prepare<[string, bigint, string, string, string, string]>(
        'INSERT INTO events (stream, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      forwards: new LimitedStatements<[string, bigint], EventRow>(db, 'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC'),
      backwards: new LimitedStatements<[string, bigint], EventRow>(db, 'SELECT * FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC'),
      all: new LimitedStatements<[bigint], EventRow>(db, 'SELECT * FROM events WHERE position > ? ORDER BY position ASC'),
      dataVersion: db.prepare<[], number>('PRAGMA data_version'),
      ping: db.prepare('SELECT 1'),
    };
    this.appendOne = db.transaction((pending: PendingAppend) => this.write(pending));
    this.appendGroup = db.transaction((group: readonly PendingAppend[]) =>
      group.map((pending): Outcome => {
        try {
          return { ok: true, result: this.appendOne(pending) };
        } catch (error) {
          if (error instanceof WrongExpectedVersionError || error instanceof InvalidAppendError) return { ok: false, error };
          throw error;
        }
      }),
    );
    this.dataVersion = this.readDataVersion();
  }

  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
      validateAppend(stream, events, expected);
      const payloads = events.map((event) => serialise(stream, event));
      this.queue.push({ stream, events, expected, payloads, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount;
    const rows =
      options.direction === 'backwards'
        ? this.read(() => this.statements.backwards.for(limit).all(stream, options.fromRevision ?? MAX_REVISION))
        : this.read(() => this.statements.forwards.for(limit).all(stream, options.fromRevision ?? 0n));
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.read(() => this.statements.all.for(options.maxCount).all(options.after ?? 0n)).map(toRecorded);
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
    return { commits: this.commits, appends: this.appends };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    this.stopPolling();
    await this.subscriptions.closeAll();
    await this.walCheckpoints?.stop();
    this.db.close();
  }

  /**
   * Writes every queued append in one transaction; each succeeds or fails on its own. A lone append needs no
   * savepoint: its own failure rolls the whole (one-append) transaction back.
   */
  private flush(): void {
    this.flushScheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = group.length === 1 ? [this.appendAlone(group[0]!)] : this.appendGroup.immediate(group);
    } catch (error) {
      const failure = new EventStoreUnavailableError(`The event log could not commit: ${(error as Error).message}`, { cause: error });
      for (const pending of group) pending.reject(failure);
      return;
    }
    this.commits += 1;
    let wrote = false;
    outcomes.forEach((outcome, i) => {
      const pending = group[i]!;
      if (outcome.ok) {
        this.appends += 1;
        wrote = true;
        pending.resolve(outcome.result);
      } else {
        pending.reject(outcome.error);
      }
    });
    if (wrote) this.changes.notify();
  }

  /** One append in its own transaction: a broken rule is that append's outcome, anything else a failed commit. */
  private appendAlone(pending: PendingAppend): Outcome {
    try {
      return { ok: true, result: this.appendOne.immediate(pending) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError || error instanceof InvalidAppendError) return { ok: false, error };
      throw error;
    }
  }

  private write({ stream, events, expected, payloads }: PendingAppend): AppendResult {
    const { statements } = this;
    const current = statements.streamHead.get(stream)?.revision;
    const earlier = findEarlierAppend(stream, events, expected, current, {
      revisionOf: (id) => statements.revisionOf.get(stream, id)?.revision,
      idAt: (revision) => statements.at.get(stream, revision)?.event_id,
    });
    if (earlier !== undefined) {
      return { nextExpectedRevision: earlier, position: statements.at.get(stream, earlier)!.position };
    }
    checkExpectedRevision(stream, expected, current);
    let revision: Revision = current === undefined ? 0n : current + 1n;
    let position = 0n;
    events.forEach((event, i) => {
      const payload = payloads[i]!;
      position = BigInt(statements.insert.run(stream, revision, event.id, event.type, payload.data, payload.metadata).lastInsertRowid);
      revision += 1n;
    });
    return { nextExpectedRevision: revision - 1n, position };
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
