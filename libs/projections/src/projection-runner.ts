import type { EventStore, Position, RecordedEvent, Subscription } from '#eventstore';
import type { Projection } from './projection.js';
import type { ReadModelStore } from './read-model-store.js';
import { RowWriter } from './row-writer.js';
import { createTables, dropTables } from './table-schema.js';

export interface RunnerLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  readonly projections: readonly Projection[];
  readonly logger?: RunnerLogger;
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
}

export interface ProjectionFailure {
  readonly message: string;
  /** Position of the event the projection stopped on. */
  readonly position: string;
  readonly eventType: string;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** Last event position applied; undefined before the first. */
  readonly position: bigint | undefined;
  /** Head position of the log minus `position`. */
  readonly lag: bigint;
  readonly state: 'catching_up' | 'running' | 'failed';
  readonly error?: ProjectionFailure;
}

interface Tracked {
  readonly projection: Projection;
  readonly handles: ReadonlySet<string>;
  writer: RowWriter;
  position: bigint | undefined;
  caughtUp: boolean;
  failure: ProjectionFailure | undefined;
  subscription: Subscription | undefined;
}

interface Waiter {
  readonly position: bigint;
  readonly names: readonly string[];
  readonly resolve: (reached: boolean) => void;
}

/** Thrown inside a subscription handler to stop it after the failure has been recorded. */
class ProjectionStopped extends Error {}

const silent: RunnerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Feeds each projection from its own catch-up subscription. Per batch, the projection's row changes and its
 * checkpoint commit in one SQLite transaction, so a crash never applies an event twice or skips one. A projector
 * that throws stops its projection on that event (recorded, logged, visible in `status()`); the next `start()`
 * retries it. A changed `version` rebuilds the projection from the start of the log.
 */
export class ProjectionRunner {
  private readonly tracked = new Map<string, Tracked>();
  private readonly store: EventStore;
  private readonly readModels: ReadModelStore;
  private readonly logger: RunnerLogger;
  private readonly batchSize: number;
  private waiters: Waiter[] = [];
  private started = false;
  private readonly commitBatch;
  private readonly saveFailure;

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.readModels = options.readModels;
    this.logger = options.logger ?? silent;
    this.batchSize = options.batchSize ?? 500;
    const db = this.readModels.db;
    const checkpoint = db.prepare<[string | null, string, string]>(
      'UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name = ?',
    );
    this.commitBatch = db.transaction((tracked: Tracked, events: readonly RecordedEvent[]) => {
      for (const event of events) {
        if (!tracked.handles.has(event.type)) continue;
        for (const change of tracked.projection.project(event, tracked.writer)) tracked.writer.apply(change);
      }
      checkpoint.run(events.at(-1)!.position.toString(), new Date().toISOString(), tracked.projection.name);
    });
    const failure = db.prepare<[{ message: string | null; position: string | null; type: string | null; now: string; name: string }]>(
      `UPDATE projection_checkpoints SET state = CASE WHEN @message IS NULL THEN 'ok' ELSE 'failed' END,
         error_message = @message, error_position = @position, error_event_type = @type, updated_at = @now WHERE name = @name`,
    );
    this.saveFailure = (name: string, value: ProjectionFailure | undefined) =>
      failure.run({
        message: value?.message ?? null,
        position: value?.position ?? null,
        type: value?.eventType ?? null,
        now: new Date().toISOString(),
        name,
      });
    for (const projection of options.projections) {
      if (this.tracked.has(projection.name)) throw new Error(`Two projections are named '${projection.name}'`);
      const row = this.readModels.checkpoint(projection.name);
      this.tracked.set(projection.name, {
        projection,
        handles: new Set(projection.eventTypes),
        writer: new RowWriter(db, projection),
        position: row?.position ? BigInt(row.position) : undefined,
        caughtUp: false,
        failure:
          row?.state === 'failed'
            ? { message: row.error_message ?? '', position: row.error_position ?? '', eventType: row.error_event_type ?? '' }
            : undefined,
        subscription: undefined,
      });
    }
  }

  /** Prepares every projection's tables (rebuilding those whose version changed) and starts following the log. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const tracked of this.tracked.values()) {
      this.prepare(tracked);
      this.follow(tracked);
    }
  }

  /** Stops following the log; waits for the batch in flight. Safe to call twice. */
  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.tracked.values()].map((tracked) => this.unfollow(tracked)));
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters = [];
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = (await this.store.headPosition()) ?? 0n;
    return [...this.tracked.values()].map((tracked) => {
      const lag = head > (tracked.position ?? 0n) ? head - (tracked.position ?? 0n) : 0n;
      const state = tracked.failure ? 'failed' : tracked.caughtUp || (this.started && lag === 0n) ? 'running' : 'catching_up';
      return {
        name: tracked.projection.name,
        version: tracked.projection.version,
        position: tracked.position,
        lag,
        state,
        ...(tracked.failure ? { error: tracked.failure } : {}),
      };
    });
  }

  /**
   * Read-your-writes: resolves true once every named projection (default: all) has applied the event at
   * `position`, false when `timeoutMs` passes first or one of them has failed. Never rejects.
   */
  waitFor(position: Position, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    const selected = names ?? [...this.tracked.keys()];
    const unknown = selected.find((name) => !this.tracked.has(name));
    if (unknown) return Promise.resolve(false);
    const verdict = this.verdict(position, selected);
    if (verdict !== undefined) return Promise.resolve(verdict);
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(false), timeoutMs);
      const waiter: Waiter = { position, names: selected, resolve: (reached) => settle(reached) };
      const settle = (reached: boolean) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(reached);
      };
      this.waiters.push(waiter);
    });
  }

  /** Drops one projection's rows and projects the whole log again, reporting progress in positions. */
  async rebuild(name: string, onProgress?: (done: bigint, total: bigint) => void): Promise<void> {
    const tracked = this.tracked.get(name);
    if (!tracked) throw new Error(`Unknown projection '${name}'`);
    await this.unfollow(tracked);
    this.reset(tracked);
    const total = (await this.store.headPosition()) ?? 0n;
    onProgress?.(0n, total);
    while (tracked.position === undefined || tracked.position < total) {
      const batch = await this.store.readAll({ after: tracked.position, maxCount: this.batchSize });
      if (batch.length === 0) break;
      this.commitBatch(tracked, batch);
      tracked.position = batch.at(-1)!.position;
      onProgress?.(tracked.position < total ? tracked.position : total, total);
    }
    this.logger.info({ projection: name, position: tracked.position?.toString() ?? null }, 'projection rebuilt');
    if (this.started) this.follow(tracked);
  }

  private prepare(tracked: Tracked): void {
    const { projection } = tracked;
    const row = this.readModels.checkpoint(projection.name);
    if (!row || row.version !== projection.version) {
      if (row) {
        this.logger.info({ projection: projection.name, from: row.version, to: projection.version }, 'projection version changed: rebuilding');
      }
      this.reset(tracked);
      return;
    }
    createTables(this.readModels.db, projection);
    if (tracked.failure) {
      this.logger.info({ projection: projection.name, position: tracked.failure.position }, 'retrying failed projection');
      tracked.failure = undefined;
      this.saveFailure(projection.name, undefined);
    }
  }

  private reset(tracked: Tracked): void {
    const { projection } = tracked;
    const db = this.readModels.db;
    db.transaction(() => {
      dropTables(db, projection);
      createTables(db, projection);
      db.prepare(
        `INSERT INTO projection_checkpoints (name, version, position, state, updated_at) VALUES (?, ?, NULL, 'ok', ?)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = NULL, state = 'ok',
           error_message = NULL, error_position = NULL, error_event_type = NULL, updated_at = excluded.updated_at`,
      ).run(projection.name, projection.version, new Date().toISOString());
    })();
    tracked.writer = new RowWriter(db, projection);
    tracked.position = undefined;
    tracked.failure = undefined;
    tracked.caughtUp = false;
  }

  private follow(tracked: Tracked): void {
    tracked.caughtUp = false;
    tracked.subscription = this.store.subscribeToAll(tracked.position, (batch) => this.apply(tracked, batch), {
      maxBatchSize: this.batchSize,
      onCaughtUp: () => {
        tracked.caughtUp = true;
      },
      onError: (error) => {
        if (error instanceof ProjectionStopped) return;
        this.fail(tracked, { message: `event store: ${(error as Error).message}`, position: '', eventType: '' }, error);
      },
    });
  }

  private async unfollow(tracked: Tracked): Promise<void> {
    const subscription = tracked.subscription;
    tracked.subscription = undefined;
    await subscription?.close();
  }

  private apply(tracked: Tracked, batch: readonly RecordedEvent[]): void {
    try {
      this.commitBatch(tracked, batch);
      tracked.position = batch.at(-1)!.position;
    } catch (error) {
      this.applyUntilFailure(tracked, batch, error);
      throw new ProjectionStopped();
    } finally {
      this.settleWaiters();
    }
  }

  /** The batch failed as a whole: commit the events before the culprit, then stop on it. */
  private applyUntilFailure(tracked: Tracked, batch: readonly RecordedEvent[], batchError: unknown): void {
    let culprit: RecordedEvent | undefined;
    let cause: unknown = batchError;
    for (const event of batch) {
      try {
        this.commitBatch(tracked, [event]);
        tracked.position = event.position;
      } catch (error) {
        culprit = event;
        cause = error;
        break;
      }
    }
    const failure: ProjectionFailure = {
      message: (cause as Error)?.message ?? String(cause),
      position: culprit?.position.toString() ?? '',
      eventType: culprit?.type ?? '',
    };
    this.fail(tracked, failure, cause);
  }

  private fail(tracked: Tracked, failure: ProjectionFailure, error: unknown): void {
    tracked.failure = failure;
    tracked.subscription = undefined;
    try {
      this.saveFailure(tracked.projection.name, failure);
    } catch (saveError) {
      this.logger.warn({ projection: tracked.projection.name, err: saveError }, 'could not record the projection failure');
    }
    this.logger.error(
      { projection: tracked.projection.name, position: failure.position, eventType: failure.eventType, err: error },
      'projection stopped: a projector failed on an event; fix it and restart to retry from that event',
    );
    this.settleWaiters();
  }

  private verdict(position: bigint, names: readonly string[]): boolean | undefined {
    let reached = true;
    for (const name of names) {
      const tracked = this.tracked.get(name)!;
      if (tracked.failure) return false;
      if (tracked.position === undefined || tracked.position < position) reached = false;
    }
    return reached ? true : undefined;
  }

  private settleWaiters(): void {
    for (const waiter of [...this.waiters]) {
      const verdict = this.verdict(waiter.position, waiter.names);
      if (verdict !== undefined) waiter.resolve(verdict);
    }
  }
}
