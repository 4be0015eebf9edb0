import type { EventStore, Position, RecordedEvent, Subscription } from '#eventstore';
import { BatchApplier, type BatchOutcome, GroupApplier, type GroupMember } from './batch-applier.js';
import { CHECKPOINTS_TABLE, type CheckpointRow } from './checkpoint-table.js';
import { PositionWaiters } from './position-waiters.js';
import type { Projection } from './projection.js';
import { type ProjectionBuilder, besideReadModels } from './projection-builder.js';
import type { ProjectionFailure, ProjectionStatus } from './projection-status.js';
import { type ReadModelStore, removeReadModelFile } from './read-model-store.js';
import { type RunnerLogger, silentLogger } from './runner-logger.js';
import { enableAsOf } from './history.js';
import { createTables, dropTable, dropTables, tableExists, tablesMatch } from './table-schema.js';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  readonly projections: readonly Projection[];
  readonly logger?: RunnerLogger;
  /** Most events per transaction (default 2000; live batches hold what arrived since the last). */
  readonly batchSize?: number;
  /** First wait before following the log again after the event store failed a subscription (default 1000 ms, doubling to 30 s). */
  readonly retryDelayMs?: number;
  /** Projections no longer kept: `start()` drops their tables and checkpoint from files that still have them. */
  readonly retired?: readonly RetiredProjection[];
  /**
   * Builds some projections elsewhere (another thread) when `start()` finds several to build from scratch: those it
   * can build go to it, the others are fed here meanwhile (see `ProjectionBuilder`). Not used for in-memory files.
   */
  readonly builder?: ProjectionBuilder;
}

/** A projection that was removed, and the tables it owned. */
export interface RetiredProjection {
  readonly name: string;
  readonly tables: readonly string[];
}

/** Runtime state of one projection. */
interface Tracked extends GroupMember {
  readonly projection: Projection;
  readonly applier: BatchApplier;
  position: Position | undefined;
  failure: ProjectionFailure | undefined;
  rebuilding: Promise<void> | undefined;
}

/** The one subscription that feeds every projection (but those being rebuilt or failed). */
interface Feed {
  subscription: Subscription | undefined;
  /** Subscriptions being closed; `stop()` waits for them. */
  closing: Promise<void> | undefined;
  /** Position of the last event delivered by the current subscription. */
  delivered: Position | undefined;
  caughtUp: boolean;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  retryDelayMs: number;
}

const LONGEST_RETRY_DELAY_MS = 30_000;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Feeds the projections from one catch-up subscription: each batch of events is read once and applied to every
 * projection in one SQLite transaction, rows and checkpoints together, so a crash never applies an event twice or
 * skips one. A projection whose checkpoint is further on skips the events it has already applied. A projector that
 * throws stops only its own projection on that event (recorded in the checkpoint row, logged, visible in
 * `status()`); the others go on, and the next `start()` retries it from that event. A changed `version` (or tables
 * that no longer match their definition) rebuilds the projection from the start of the log.
 */
export class ProjectionRunner {
  private readonly tracked = new Map<string, Tracked>();
  private readonly store: EventStore;
  private readonly readModels: ReadModelStore;
  private readonly logger: RunnerLogger;
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly retired: readonly RetiredProjection[];
  private readonly builder: ProjectionBuilder | undefined;
  /** Builds handed to the builder and not yet taken in; `stop()` aborts them. */
  private readonly builds = new Set<AbortController>();
  private readonly group: GroupApplier;
  private readonly feed: Feed;
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
    this.batchSize = options.batchSize ?? 2000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${this.batchSize}`);
    checkOwnership(options.projections, options.retired ?? []);
    this.retired = options.retired ?? [];
    this.builder = options.builder;
    this.group = new GroupApplier(this.readModels.db);
    enableAsOf(this.readModels.db, options.projections); // the `as_of_` views of the tables that keep their history
    this.feed = { subscription: undefined, closing: undefined, delivered: undefined, caughtUp: false, retryTimer: undefined, retryDelayMs: this.retryDelayMs };
    for (const projection of options.projections) {
      const row = this.readModels.checkpoints.read(projection.name);
      const current = row?.version === projection.version ? row : undefined;
      this.tracked.set(projection.name, {
        projection,
        applier: new BatchApplier(this.readModels.db, this.readModels.checkpoints, projection),
        position: current?.position ? BigInt(current.position) : undefined,
        failure: current ? storedFailure(current) : undefined,
        rebuilding: undefined,
      });
    }
  }

  /**
   * Creates missing tables, rebuilds projections whose version changed, clears recorded failures (to retry them)
   * and starts following the log from the earliest checkpoint.
   */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      this.removeRetired();
      const fresh: Tracked[] = [];
      for (const tracked of this.tracked.values()) {
        // a rebuild in flight rejoins the feed when done
        if (!tracked.rebuilding && this.prepare(tracked) === 'reset') fresh.push(tracked);
      }
      this.delegate(fresh);
      this.follow();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Stops following the log and waits for the batch in flight (and ends a rebuild in flight). Safe to call twice. */
  async stop(): Promise<void> {
    this.started = false;
    this.epoch++;
    clearTimeout(this.feed.retryTimer);
    this.feed.retryTimer = undefined;
    for (const build of this.builds) build.abort();
    const pending: Promise<void>[] = [this.unfollow()];
    for (const tracked of this.tracked.values()) {
      if (tracked.rebuilding) pending.push(tracked.rebuilding.catch(() => undefined));
    }
    await Promise.all(pending);
    this.readModels.endBulkLoad(); // a clean stop leaves a durable file, even in the middle of a build
    this.waiters.cancelAll();
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.headPosition();
    const following = this.feed.subscription !== undefined;
    return [...this.tracked.values()].map((tracked) => {
      const position = tracked.position ?? 0n;
      const lag = head > position ? head - position : 0n;
      const fed = following && !tracked.rebuilding;
      const state = tracked.failure ? 'failed' : fed && (this.feed.caughtUp || lag === 0n) ? 'running' : 'catching_up';
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
   * Stops feeding one projection, drops and recreates its tables, projects the log up to its current head
   * (reporting progress in positions), then feeds it live again if the runner is started. Rejects when the
   * projector fails (the failure is recorded as in live running) or when the runner stops meanwhile.
   */
  async rebuild(name: string, onProgress?: (done: bigint, total: bigint) => void): Promise<void> {
    const tracked = this.tracked.get(name);
    if (!tracked) throw new Error(`Unknown projection '${name}'; known: ${[...this.tracked.keys()].join(', ')}`);
    await this.rebuildSome([tracked], onProgress);
  }

  /** Rebuilds every projection in one pass over the log (each event read once), as `rebuild` does for one. */
  async rebuildAll(onProgress?: (done: bigint, total: bigint) => void): Promise<void> {
    await this.rebuildSome([...this.tracked.values()], onProgress);
  }

  private async rebuildSome(members: readonly Tracked[], onProgress?: (done: bigint, total: bigint) => void): Promise<void> {
    const busy = members.find((tracked) => tracked.rebuilding);
    if (busy) throw new Error(`Projection '${busy.projection.name}' is already being rebuilt`);
    const rebuilding = this.replay(members, onProgress);
    for (const tracked of members) tracked.rebuilding = rebuilding;
    try {
      await rebuilding;
    } finally {
      for (const tracked of members) tracked.rebuilding = undefined;
    }
    if (this.started) await this.rejoin(members);
  }

  private async replay(members: readonly Tracked[], onProgress?: (done: bigint, total: bigint) => void): Promise<void> {
    const names = members.map((tracked) => tracked.projection.name).join(', ');
    const epoch = this.epoch;
    const interrupted = () => new Error(`Rebuild of projection '${names}' interrupted: the runner was stopped`);
    await Promise.resolve(); // `rebuilding` is set on the members before anything below runs
    // Nobody left to feed: the feed would only read the log beside the rebuild.
    if ([...this.tracked.values()].every((tracked) => tracked.rebuilding || tracked.failure)) await this.unfollow();
    if (epoch !== this.epoch) throw interrupted();
    this.logger.info({ projection: names }, 'rebuilding projection');
    for (const tracked of members) this.reset(tracked);
    const total = (await this.store.headPosition()) ?? 0n;
    onProgress?.(0n, total);
    let position: Position | undefined;
    while (position === undefined || position < total) {
      if (epoch !== this.epoch) throw interrupted();
      const batch = await this.store.readAll({ after: position, maxCount: this.batchSize });
      if (epoch !== this.epoch) throw interrupted();
      if (batch.length === 0) break;
      const failed = this.applyBatch(members, batch);
      if (failed) {
        throw new Error(`Rebuild of projection '${failed.name}' stopped at position ${failed.event.position}: ${messageOf(failed.error)}`, {
          cause: failed.error,
        });
      }
      position = batch.at(-1)!.position;
      onProgress?.(position < total ? position : total, total);
      // better-sqlite3 is synchronous: let the process's requests in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.createDeferredIndexes(members);
    this.logger.info({ projection: names, position: position?.toString() ?? null }, 'projection rebuilt');
  }

  /** Rebuilt projections are fed again: the feed follows them from where they are, restarting if it has gone past. */
  private async rejoin(members: readonly Tracked[]): Promise<void> {
    const { feed } = this;
    const behind = members.some((tracked) => feed.delivered !== undefined && (tracked.position === undefined || tracked.position < feed.delivered));
    if (feed.subscription && behind) await this.unfollow();
    if (this.started) this.follow();
  }

  /**
   * Before the feed starts: a projection without a checkpoint, of another version or whose tables differ from their
   * definition starts over from empty tables ('reset'); the others go on from their checkpoint ('kept').
   */
  private prepare(tracked: Tracked): 'reset' | 'kept' {
    const { projection } = tracked;
    const row = this.readModels.checkpoints.read(projection.name);
    if (!row) {
      this.reset(tracked);
      return 'reset';
    }
    if (row.version !== projection.version) {
      this.logger.info({ projection: projection.name, from: row.version, to: projection.version }, 'projection version changed: rebuilding');
      this.reset(tracked);
      return 'reset';
    }
    if (!tablesMatch(this.readModels.db, projection)) {
      this.logger.warn(
        { projection: projection.name, version: projection.version },
        'projection tables are missing or differ from their definition although the version is unchanged: rebuilding (bump the version when changing tables)',
      );
      this.reset(tracked);
      return 'reset';
    }
    createTables(this.readModels.db, projection); // indexes added to the definition since
    if (tracked.failure) {
      this.logger.info({ projection: projection.name, position: tracked.failure.position }, 'retrying failed projection');
      tracked.failure = undefined;
      this.readModels.checkpoints.recordFailure(projection.name, undefined);
    }
    return 'kept';
  }

  /**
   * Of the projections `start()` builds from scratch, the builder takes those it can build, provided some stay here
   * to be fed meanwhile (otherwise nothing runs beside it). They stay out of the feed until their built tables are
   * taken into this file, then join it from their checkpoint; if the builder fails, they are built here after all.
   */
  private delegate(fresh: readonly Tracked[]): void {
    const { builder } = this;
    if (!builder || this.readModels.inMemory) return;
    const away = fresh.filter((tracked) => builder.names.includes(tracked.projection.name));
    if (away.length === 0 || away.length === fresh.length) return;
    const building = this.buildAway(builder, away).then(async () => {
      for (const tracked of away) tracked.rebuilding = undefined;
      if (this.started) await this.rejoin(away);
    });
    for (const tracked of away) tracked.rebuilding = building;
  }

  /** Has the builder build `members` into a file beside this one and takes them in; on failure, resets them here. */
  private async buildAway(builder: ProjectionBuilder, members: readonly Tracked[]): Promise<void> {
    const names = members.map((tracked) => tracked.projection.name);
    const path = besideReadModels(this.readModels.path);
    const epoch = this.epoch;
    const control = new AbortController();
    this.builds.add(control);
    const started = Date.now();
    this.logger.info({ projections: names }, 'building projections on a second thread');
    try {
      await builder.build({ names, path, signal: control.signal });
      if (epoch !== this.epoch) return;
      const checkpoints = this.readModels.adopt(
        path,
        members.map((tracked) => tracked.projection),
      );
      members.forEach((tracked, index) => {
        tracked.applier.renewStatements();
        tracked.applier.createIndexes(); // they came with the tables
        const { position } = checkpoints[index]!;
        tracked.position = position === null ? undefined : BigInt(position);
      });
      this.logger.info({ projections: names, ms: Date.now() - started }, 'projections built on a second thread taken in');
      this.createDeferredIndexes(members); // ends the bulk load if nothing else is being filled
      this.waiters.check(); // readers waiting for them need not wait for the next event
    } catch (error) {
      if (epoch !== this.epoch) return;
      this.logger.warn({ projections: names, err: error }, 'building projections on a second thread failed: building them here');
      for (const tracked of members) this.reset(tracked);
    } finally {
      this.builds.delete(control);
      removeReadModelFile(path);
    }
  }

  /** Drops the tables and checkpoint of retired projections still in the file, in one transaction. */
  private removeRetired(): void {
    const db = this.readModels.db;
    for (const retired of this.retired) {
      const present = retired.tables.filter((table) => tableExists(db, table));
      if (present.length === 0 && !this.readModels.checkpoints.read(retired.name)) continue;
      db.transaction(() => {
        for (const table of present) dropTable(db, table);
        this.readModels.checkpoints.remove(retired.name);
      })();
      this.logger.info({ projection: retired.name, tables: present }, 'retired projection removed');
    }
  }

  /** Drops and recreates the projection's tables and starts its checkpoint over, in one transaction. */
  private reset(tracked: Tracked): void {
    const { projection } = tracked;
    const db = this.readModels.db;
    db.transaction(() => {
      dropTables(db, projection);
      createTables(db, projection, { indexes: false });
      this.readModels.checkpoints.reset(projection.name, projection.version);
    })();
    tracked.applier.renewStatements();
    tracked.applier.deferIndexes();
    this.readModels.beginBulkLoad();
    tracked.position = undefined;
    tracked.failure = undefined;
  }

  /**
   * Builds the indexes of projections filled from scratch, now that they have caught up; once no projection is being
   * filled any more (or it failed), the file is synced and written durably again.
   */
  private createDeferredIndexes(members: readonly Tracked[]): void {
    for (const tracked of members) {
      const started = Date.now();
      if (tracked.applier.createIndexes()) {
        this.logger.info({ projection: tracked.projection.name, ms: Date.now() - started }, 'projection caught up: indexes created');
      }
    }
    if (this.readModels.bulkLoading && ![...this.tracked.values()].some((tracked) => tracked.applier.filling && !tracked.failure)) this.readModels.endBulkLoad();
  }

  /** The projections the feed applies events to. */
  private fed(): Tracked[] {
    return [...this.tracked.values()].filter((tracked) => !tracked.rebuilding && !tracked.failure);
  }

  /** Starts the feed, if it is not running, from the earliest checkpoint of the projections it feeds. */
  private follow(): void {
    const { feed } = this;
    if (feed.subscription || !this.started) return;
    const members = this.fed();
    if (members.length === 0) return;
    const from = earliestPosition(members);
    feed.caughtUp = false;
    feed.delivered = from;
    // The handler may only act while its subscription is the feed's current one.
    const own: { subscription?: Subscription } = {};
    const current = () => own.subscription !== undefined && feed.subscription === own.subscription;
    own.subscription = this.store.subscribeToAll(
      from,
      (batch) => {
        if (!current()) return;
        feed.delivered = batch.at(-1)!.position;
        feed.retryDelayMs = this.retryDelayMs;
        const members = this.fed();
        this.applyBatch(members, batch);
        if (members.every((tracked) => tracked.failure)) this.unsubscribe();
      },
      {
        maxBatchSize: this.batchSize,
        onCaughtUp: () => {
          if (!current()) return;
          feed.caughtUp = true;
          this.createDeferredIndexes(this.fed());
        },
        onError: (error) => {
          if (current()) this.resubscribeLater(error);
        },
      },
    );
    feed.subscription = own.subscription;
  }

  /**
   * Applies one batch to the given projections, moves their positions, records failures and answers the waiters it
   * settles. Returns the first failure, if any.
   */
  private applyBatch(members: readonly Tracked[], batch: readonly RecordedEvent[]): { name: string; event: RecordedEvent; error: unknown } | undefined {
    const outcomes = this.group.apply(batch, members);
    let failed: { name: string; event: RecordedEvent; error: unknown } | undefined;
    outcomes.forEach((outcome: BatchOutcome, index) => {
      const tracked = members[index]!;
      if (outcome.position !== undefined) {
        tracked.position = outcome.position;
        if (outcome.position > this.lastHead) this.lastHead = outcome.position;
      }
      if (!outcome.applied) {
        this.fail(tracked, outcome.failedOn, outcome.error);
        failed ??= { name: tracked.projection.name, event: outcome.failedOn, error: outcome.error };
      }
    });
    this.waiters.check();
    return failed;
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

  /** The event store ended the subscription (not a projector): follow the log again after a growing delay. */
  private resubscribeLater(error: unknown): void {
    const { feed } = this;
    this.unsubscribe();
    if (!this.started) return;
    const delay = feed.retryDelayMs;
    feed.retryDelayMs = Math.min(delay * 2, LONGEST_RETRY_DELAY_MS);
    this.logger.error(
      { position: feed.delivered?.toString() ?? null, retryInMs: delay, err: error },
      'event store subscription failed; following the log again shortly',
    );
    feed.retryTimer = setTimeout(() => {
      feed.retryTimer = undefined;
      if (!this.started || feed.subscription) return;
      try {
        this.follow();
      } catch (followError) {
        this.resubscribeLater(followError);
      }
    }, delay);
    feed.retryTimer.unref?.();
  }

  /** Ends the feed's subscription without waiting (safe inside its own handler); `stop()` waits for it. */
  private unsubscribe(): void {
    const { feed } = this;
    const subscription = feed.subscription;
    feed.subscription = undefined;
    feed.caughtUp = false;
    if (!subscription) return;
    const previous = feed.closing;
    feed.closing = Promise.all([previous, subscription.close().catch(() => undefined)]).then(() => undefined);
  }

  private async unfollow(): Promise<void> {
    this.unsubscribe();
    const closing = this.feed.closing;
    await closing;
    if (this.feed.closing === closing) this.feed.closing = undefined;
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

/** The earliest checkpoint among projections; undefined when one of them has applied nothing yet. */
function earliestPosition(members: readonly Tracked[]): Position | undefined {
  let earliest = members[0]!.position;
  for (const { position } of members) {
    if (position === undefined) return undefined;
    if (earliest === undefined || position < earliest) earliest = position;
  }
  return earliest;
}

function storedFailure(row: CheckpointRow): ProjectionFailure | undefined {
  if (row.state !== 'failed') return undefined;
  return { message: row.error_message ?? '', position: row.error_position ?? '', eventType: row.error_event_type ?? '' };
}

/**
 * Projection names are unique and every table has one owner: a rebuild drops only its own projection's rows. A
 * retired projection's name and tables are not reused by a live one (removing them would drop its rows).
 */
function checkOwnership(projections: readonly Projection[], retired: readonly RetiredProjection[]): void {
  const names = new Set<string>();
  const owners = new Map<string, string>();
  for (const projection of retired) {
    names.add(projection.name);
    for (const table of projection.tables) owners.set(table, `${projection.name} (retired)`);
  }
  for (const projection of projections) {
    if (retired.some((gone) => gone.name === projection.name)) throw new Error(`'${projection.name}' is the name of a retired projection`);
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
