import type { EventStore, Position, RecordedEvent, Subscription } from '#eventstore';
import { BatchApplier, type BatchOutcome } from './batch-applier.js';
import { CHECKPOINTS_TABLE, type CheckpointRow } from './checkpoint-table.js';
import { PositionWaiters } from './position-waiters.js';
import type { Projection } from './projection.js';
import type { ProjectionFailure, ProjectionStatus } from './projection-status.js';
import type { ReadModelStore } from './read-model-store.js';
import { type RunnerLogger, silentLogger } from './runner-logger.js';
import { createTables, dropTables, tablesMatch } from './table-schema.js';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  readonly projections: readonly Projection[];
  readonly logger?: RunnerLogger;
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  /** First wait before following the log again after the event store failed a subscription (default 1000 ms, doubling to 30 s). */
  readonly retryDelayMs?: number;
}

/** Runtime state of one projection. */
interface Tracked {
  readonly projection: Projection;
  readonly applier: BatchApplier;
  position: Position | undefined;
  caughtUp: boolean;
  failure: ProjectionFailure | undefined;
  subscription: Subscription | undefined;
  /** Subscriptions being closed (after a failure); `stop()` waits for them. */
  closing: Promise<void> | undefined;
  rebuilding: Promise<void> | undefined;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  retryDelayMs: number;
}

/** Thrown inside a subscription handler to end that subscription once the failure has been recorded. */
class ProjectionStopped extends Error {}

const LONGEST_RETRY_DELAY_MS = 30_000;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Feeds each projection from its own catch-up subscription, so a failure stops only that projection. Per batch,
 * the projection's row changes and its checkpoint commit in one SQLite transaction: a crash never applies an event
 * twice or skips one. A projector that throws stops its projection on that event (recorded in the checkpoint row,
 * logged, visible in `status()`); the next `start()` retries it from that event. A changed `version` (or tables
 * that no longer match their definition) rebuilds the projection from the start of the log.
 */
export class ProjectionRunner {
  private readonly tracked = new Map<string, Tracked>();
  private readonly store: EventStore;
  private readonly readModels: ReadModelStore;
  private readonly logger: RunnerLogger;
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly waiters = new PositionWaiters((position, names) => this.reached(position, names));
  private started = false;
  /** Bumped by `stop()`, so a rebuild in flight notices it should end. */
  private epoch = 0;
  /** Highest head position seen, for `status()` when the store cannot be asked. */
  private lastHead = 0n;

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.readModels = options.readModels;
    this.logger = options.logger ?? silentLogger;
    this.batchSize = options.batchSize ?? 500;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${this.batchSize}`);
    checkOwnership(options.projections);
    for (const projection of options.projections) {
      const row = this.readModels.checkpoints.read(projection.name);
      const current = row?.version === projection.version ? row : undefined;
      this.tracked.set(projection.name, {
        projection,
        applier: new BatchApplier(this.readModels.db, this.readModels.checkpoints, projection),
        position: current?.position ? BigInt(current.position) : undefined,
        caughtUp: false,
        failure: current ? storedFailure(current) : undefined,
        subscription: undefined,
        closing: undefined,
        rebuilding: undefined,
        retryTimer: undefined,
        retryDelayMs: this.retryDelayMs,
      });
    }
  }

  /**
   * Creates missing tables, rebuilds projections whose version changed, clears recorded failures (to retry them)
   * and starts following the log, each projection from its checkpoint.
   */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      for (const tracked of this.tracked.values()) {
        if (tracked.rebuilding) continue; // the rebuild resumes it when done
        this.prepare(tracked);
        this.follow(tracked);
      }
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Stops following the log and waits for the batch in flight (and ends a rebuild in flight). Safe to call twice. */
  async stop(): Promise<void> {
    this.started = false;
    this.epoch++;
    const pending: Promise<void>[] = [];
    for (const tracked of this.tracked.values()) {
      clearTimeout(tracked.retryTimer);
      tracked.retryTimer = undefined;
      pending.push(this.unfollow(tracked));
      if (tracked.rebuilding) pending.push(tracked.rebuilding.catch(() => undefined));
    }
    await Promise.all(pending);
    this.waiters.cancelAll();
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.headPosition();
    return [...this.tracked.values()].map((tracked) => {
      const position = tracked.position ?? 0n;
      const lag = head > position ? head - position : 0n;
      const following = tracked.subscription !== undefined;
      const state = tracked.failure ? 'failed' : tracked.caughtUp || (following && lag === 0n) ? 'running' : 'catching_up';
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
   * `position`; false when `timeoutMs` passes first, when one of them has failed short of it, when a name is
   * unknown or when the runner stops. Never rejects.
   */
  waitFor(position: Position, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    const selected = names ?? [...this.tracked.keys()];
    if (selected.some((name) => !this.tracked.has(name))) return Promise.resolve(false);
    return this.waiters.wait(position, selected, timeoutMs);
  }

  /**
   * Stops one projection, drops and recreates its tables, projects the log up to its current head (reporting
   * progress in positions), then resumes following it live if the runner is started. Rejects when the projector
   * fails (the failure is recorded as in live running) or when the runner stops meanwhile.
   */
  async rebuild(name: string, onProgress?: (done: bigint, total: bigint) => void): Promise<void> {
    const tracked = this.tracked.get(name);
    if (!tracked) throw new Error(`Unknown projection '${name}'; known: ${[...this.tracked.keys()].join(', ')}`);
    if (tracked.rebuilding) throw new Error(`Projection '${name}' is already being rebuilt`);
    const rebuilding = this.replay(tracked, onProgress);
    tracked.rebuilding = rebuilding;
    try {
      await rebuilding;
    } finally {
      tracked.rebuilding = undefined;
    }
    if (this.started && !tracked.failure) this.follow(tracked);
  }

  private async replay(tracked: Tracked, onProgress?: (done: bigint, total: bigint) => void): Promise<void> {
    const name = tracked.projection.name;
    const epoch = this.epoch;
    const interrupted = () => new Error(`Rebuild of projection '${name}' interrupted: the runner was stopped`);
    clearTimeout(tracked.retryTimer);
    tracked.retryTimer = undefined;
    await this.unfollow(tracked);
    if (epoch !== this.epoch) throw interrupted();
    this.logger.info({ projection: name }, 'rebuilding projection');
    this.reset(tracked);
    const total = (await this.store.headPosition()) ?? 0n;
    onProgress?.(0n, total);
    while (tracked.position === undefined || tracked.position < total) {
      if (epoch !== this.epoch) throw interrupted();
      const batch = await this.store.readAll({ after: tracked.position, maxCount: this.batchSize });
      if (epoch !== this.epoch) throw interrupted();
      if (batch.length === 0) break;
      const outcome = this.applyBatch(tracked, batch);
      if (!outcome.applied) {
        throw new Error(`Rebuild of projection '${name}' stopped at position ${outcome.failedOn.position}: ${messageOf(outcome.error)}`, {
          cause: outcome.error,
        });
      }
      onProgress?.(outcome.position < total ? outcome.position : total, total);
    }
    this.logger.info({ projection: name, position: tracked.position?.toString() ?? null }, 'projection rebuilt');
  }

  private prepare(tracked: Tracked): void {
    const { projection } = tracked;
    const row = this.readModels.checkpoints.read(projection.name);
    if (!row) {
      this.reset(tracked);
      return;
    }
    if (row.version !== projection.version) {
      this.logger.info({ projection: projection.name, from: row.version, to: projection.version }, 'projection version changed: rebuilding');
      this.reset(tracked);
      return;
    }
    if (!tablesMatch(this.readModels.db, projection)) {
      this.logger.warn(
        { projection: projection.name, version: projection.version },
        'projection tables are missing or differ from their definition although the version is unchanged: rebuilding (bump the version when changing tables)',
      );
      this.reset(tracked);
      return;
    }
    createTables(this.readModels.db, projection); // indexes added to the definition since
    if (tracked.failure) {
      this.logger.info({ projection: projection.name, position: tracked.failure.position }, 'retrying failed projection');
      tracked.failure = undefined;
      this.readModels.checkpoints.recordFailure(projection.name, undefined);
    }
  }

  /** Drops and recreates the projection's tables and starts its checkpoint over, in one transaction. */
  private reset(tracked: Tracked): void {
    const { projection } = tracked;
    const db = this.readModels.db;
    db.transaction(() => {
      dropTables(db, projection);
      createTables(db, projection);
      this.readModels.checkpoints.reset(projection.name, projection.version);
    })();
    tracked.applier.renewStatements();
    tracked.position = undefined;
    tracked.failure = undefined;
    tracked.caughtUp = false;
  }

  private follow(tracked: Tracked): void {
    tracked.caughtUp = false;
    // The handler may only act on the projection while its subscription is the projection's current one.
    const own: { subscription?: Subscription } = {};
    const current = () => own.subscription !== undefined && tracked.subscription === own.subscription;
    own.subscription = this.store.subscribeToAll(
      tracked.position,
      (batch) => {
        const outcome = this.applyBatch(tracked, batch);
        if (outcome.applied) {
          tracked.retryDelayMs = this.retryDelayMs;
          return;
        }
        if (current()) this.unsubscribe(tracked);
        throw new ProjectionStopped();
      },
      {
        maxBatchSize: this.batchSize,
        onCaughtUp: () => {
          if (current()) tracked.caughtUp = true;
        },
        onError: (error) => {
          if (error instanceof ProjectionStopped || !current()) return;
          this.resubscribeLater(tracked, error);
        },
      },
    );
    tracked.subscription = own.subscription;
  }

  /** Applies one batch, moves the projection's position, records a failure and answers the waiters it settles. */
  private applyBatch(tracked: Tracked, batch: readonly RecordedEvent[]): BatchOutcome {
    const outcome = tracked.applier.apply(batch);
    if (outcome.position !== undefined) {
      tracked.position = outcome.position;
      if (outcome.position > this.lastHead) this.lastHead = outcome.position;
    }
    if (!outcome.applied) this.fail(tracked, outcome.failedOn, outcome.error);
    this.waiters.check();
    return outcome;
  }

  private fail(tracked: Tracked, event: RecordedEvent, error: unknown): void {
    const name = tracked.projection.name;
    const failure: ProjectionFailure = { message: messageOf(error), position: event.position.toString(), eventType: event.type };
    tracked.failure = failure;
    try {
      this.readModels.checkpoints.recordFailure(name, failure);
    } catch (recordError) {
      this.logger.warn({ projection: name, err: recordError }, 'could not record the projection failure in the read-model file');
    }
    this.logger.error(
      { projection: name, position: failure.position, eventType: failure.eventType, err: error },
      'projection stopped: its projector failed on an event; fix it and restart to retry from that event',
    );
  }

  /** The event store ended the subscription (not the projector): follow the log again after a growing delay. */
  private resubscribeLater(tracked: Tracked, error: unknown): void {
    this.unsubscribe(tracked);
    tracked.caughtUp = false;
    if (!this.started) return;
    const delay = tracked.retryDelayMs;
    tracked.retryDelayMs = Math.min(delay * 2, LONGEST_RETRY_DELAY_MS);
    this.logger.error(
      { projection: tracked.projection.name, position: tracked.position?.toString() ?? null, retryInMs: delay, err: error },
      'event store subscription failed; following the log again shortly',
    );
    tracked.retryTimer = setTimeout(() => {
      tracked.retryTimer = undefined;
      if (!this.started || tracked.subscription || tracked.rebuilding || tracked.failure) return;
      try {
        this.follow(tracked);
      } catch (followError) {
        this.resubscribeLater(tracked, followError);
      }
    }, delay);
    tracked.retryTimer.unref?.();
  }

  /** Ends the current subscription without waiting (safe inside its own handler); `stop()` waits for it. */
  private unsubscribe(tracked: Tracked): void {
    const subscription = tracked.subscription;
    tracked.subscription = undefined;
    if (!subscription) return;
    const previous = tracked.closing;
    tracked.closing = Promise.all([previous, subscription.close().catch(() => undefined)]).then(() => undefined);
  }

  private async unfollow(tracked: Tracked): Promise<void> {
    this.unsubscribe(tracked);
    const closing = tracked.closing;
    await closing;
    if (tracked.closing === closing) tracked.closing = undefined;
  }

  private async headPosition(): Promise<bigint> {
    try {
      const head = (await this.store.headPosition()) ?? 0n;
      if (head > this.lastHead) this.lastHead = head;
      return head;
    } catch {
      return this.lastHead;
    }
  }

  /** True when every named projection's checkpoint is at `position` or beyond; false when one failed short of it. */
  private reached(position: Position, names: readonly string[]): boolean | undefined {
    let reached = true;
    for (const name of names) {
      const tracked = this.tracked.get(name)!;
      if (tracked.position !== undefined && tracked.position >= position) continue;
      if (tracked.failure) return false;
      reached = false;
    }
    return reached ? true : undefined;
  }
}

function storedFailure(row: CheckpointRow): ProjectionFailure | undefined {
  if (row.state !== 'failed') return undefined;
  return { message: row.error_message ?? '', position: row.error_position ?? '', eventType: row.error_event_type ?? '' };
}

/** Projection names are unique and every table has one owner: a rebuild drops only its own projection's rows. */
function checkOwnership(projections: readonly Projection[]): void {
  const names = new Set<string>();
  const owners = new Map<string, string>();
  for (const projection of projections) {
    if (names.has(projection.name)) throw new Error(`Two projections are named '${projection.name}'`);
    names.add(projection.name);
    for (const table of projection.tables) {
      if (table.name === CHECKPOINTS_TABLE || table.name.startsWith('sqlite_')) {
        throw new Error(`Projection '${projection.name}' cannot own the reserved table '${table.name}'`);
      }
      const owner = owners.get(table.name);
      if (owner !== undefined) throw new Error(`Projections '${owner}' and '${projection.name}' both own table '${table.name}'`);
      owners.set(table.name, projection.name);
    }
  }
}
