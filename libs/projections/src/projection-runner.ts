import type { EventStore, Position, RecordedEvent } from '#eventstore';
import { BatchApplier, GroupApplier } from './batch-applier.js';
import { buildToHead } from './build-loop.js';
import { earliestPosition, Feed } from './feed.js';
import { enableAsOf } from './history.js';
import { PositionWaiters } from './position-waiters.js';
import { transitions } from './projection-state.js';
import { type ProjectionFailure, type ProjectionStatus, statusOf } from './projection-status.js';
import type { ReadModelStore } from './read-model-store.js';
import { type RunnerLogger, silentLogger } from './runner-logger.js';
import type { ProjectionRunnerOptions } from './runner-options.js';
import { checkOwnership, handOver, newBuild, removeRetired, type RetiredProjection, retry, settle, type Tracked } from './settle.js';

export type { RetiredProjection } from './settle.js';
export type { ProjectionRunnerOptions } from './runner-options.js';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Keeps the read models: each projection is live (fed by one subscription, `Feed`), building (a new version filled
 * from the start of the log in tables of its own, beside the version that serves), handed over or failed (see
 * `Phase`, README.md). The first start, a changed `version`, tables that no longer match their definition and
 * `rebuild()` all build the same way; a build takes over in one transaction once it has caught up, so readers see
 * the previous complete version or the new one, never a half-built table. A projector that throws stops only its
 * own projection on that event (recorded, logged, in `status()`); the next `start()` retries it from there.
 */
export class ProjectionRunner {
  private readonly tracked = new Map<string, Tracked>();
  private readonly store: EventStore;
  private readonly readModels: ReadModelStore;
  private readonly logger: RunnerLogger;
  private readonly batchSize: number;
  private readonly retired: readonly RetiredProjection[];
  private readonly group: GroupApplier;
  private readonly feed: Feed;
  private readonly waiters = new PositionWaiters((position, names) => this.reached(position, names));
  /** The builds being run, by projection; `stop()` waits for them. */
  private readonly running = new Map<Tracked, Promise<unknown>>();
  private started = false;
  /** The one cancellation: `stop()` aborts it (ending the feed's retries and the builds) and makes a new one. */
  private lifetime = new AbortController();
  /** Highest head position seen, for `status()` when the store cannot be asked. */
  private lastHead = 0n;

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.readModels = options.readModels;
    this.logger = options.logger ?? silentLogger;
    this.batchSize = options.batchSize ?? 2000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1)
      throw new Error(`batchSize must be a positive integer, not ${this.batchSize}`);
    checkOwnership(options.projections, options.retired ?? []);
    this.retired = options.retired ?? [];
    this.group = new GroupApplier(this.readModels.db);
    enableAsOf(this.readModels.db, options.projections); // the `as_of_` views of the tables that keep their history
    this.feed = new Feed({
      store: this.store,
      logger: this.logger,
      batchSize: this.batchSize,
      retryDelayMs: options.retryDelayMs ?? 1000,
      members: () => this.fed().map((tracked) => this.servingMember(tracked)),
      deliver: (batch) => {
        const members = this.fed();
        this.applyBatch(members, batch, 'serving');
        if (members.every((tracked) => tracked.phase.kind === 'failed')) this.feed.unsubscribe();
      },
    });
    for (const projection of options.projections) {
      const tracked: Tracked = { projection, phase: undefined as never, serving: undefined, build: undefined };
      settle(this.readModels, this.logger, tracked);
      this.tracked.set(projection.name, tracked);
    }
  }

  /**
   * Drops retired projections, retries failed ones from where they stopped, starts the builds that are due and
   * follows the log for the live ones. A log that fits in one batch is built (and taken over) before it resolves.
   */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      removeRetired(this.readModels, this.logger, this.retired);
      for (const tracked of this.tracked.values()) retry(this.readModels, this.logger, tracked);
      const due = [...this.tracked.values()].filter((tracked) => tracked.phase.kind === 'building' && !this.running.has(tracked));
      if (due.length > 0) {
        if ([...this.tracked.values()].every((tracked) => tracked.phase.serving === undefined)) this.readModels.beginBulkLoad();
        let firstBatch!: () => void;
        const first = new Promise<void>((resolve) => (firstBatch = resolve));
        const signal = this.lifetime.signal;
        const built = this.build(due, undefined, firstBatch).catch((error: unknown) => {
          // A projector's failure is logged and recorded where it happened; anything else is logged here.
          if (!signal.aborted && !due.some((tracked) => tracked.phase.kind === 'failed'))
            this.logger.error({ err: error }, 'building read models stopped');
        });
        await Promise.race([first, built]);
      }
      this.feed.follow(this.lifetime.signal);
      for (const tracked of this.fed()) if (tracked.phase.kind === 'handed_over') tracked.phase = transitions.joined(tracked.phase); // built before start
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Stops following the log, ends the builds in flight and waits for both. Safe to call twice. */
  async stop(): Promise<void> {
    this.started = false;
    this.lifetime.abort();
    this.lifetime = new AbortController();
    await Promise.all([this.feed.unfollow(), ...[...this.running.values()].map((running) => running.catch(() => undefined))]);
    this.readModels.endBulkLoad(); // a clean stop leaves a durable file, even in the middle of a build
    this.waiters.cancelAll();
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.headPosition();
    const following = this.feed.following;
    const caughtUp = this.feed.caughtUp;
    return [...this.tracked.values()].map(({ projection, phase }) => statusOf(projection, phase, head, following && caughtUp, following));
  }

  /**
   * Read-your-writes: resolves true once every named projection (default: all) serves a version that has applied
   * the event at `position`; false when `timeoutMs` passes first, when one of them has failed short of it, when a
   * name is unknown or when the runner stops. Never rejects.
   */
  waitFor(position: Position, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    const selected = names ?? [...this.tracked.keys()];
    if (selected.some((name) => !this.tracked.has(name))) return Promise.resolve(false);
    return this.waiters.wait(position, selected, timeoutMs);
  }

  /**
   * Builds a new version of one projection beside the one that serves, from the start of the log up to its head
   * (reporting progress in positions), and lets it take over; the feed then takes it on if the runner is started.
   * Rejects when the projector fails (recorded as in live running) or when the runner stops meanwhile.
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
    const busy = members.find((tracked) => this.running.has(tracked));
    if (busy) throw new Error(`Projection '${busy.projection.name}' is already being rebuilt`);
    for (const tracked of members) if (tracked.phase.kind !== 'building') newBuild(this.readModels, tracked);
    await this.build(members, onProgress);
  }

  /**
   * The one build path: fills the builds of `members` from their positions to the head of the log, then each one
   * still building takes over. Rejects when a projector failed or the runner stopped.
   */
  private async build(
    members: readonly Tracked[],
    onProgress?: (done: bigint, total: bigint) => void,
    onFirstBatch?: () => void,
  ): Promise<void> {
    const names = members.map((tracked) => tracked.projection.name).join(', ');
    let failed: { name: string; event: RecordedEvent; error: unknown } | undefined;
    const building = () => members.filter((tracked) => tracked.phase.kind === 'building');
    const run = (async () => {
      await Promise.resolve(); // registered in `running` before anything below runs
      this.logger.info({ projection: names }, 'building read model beside the version that serves');
      const caughtUp = await buildToHead({
        store: this.store,
        batchSize: this.batchSize,
        signal: this.lifetime.signal,
        interrupted: () => new Error(`Rebuild of projection '${names}' interrupted: the runner was stopped`),
        from: earliestPosition(members.map((tracked) => this.buildMember(tracked))),
        apply: (batch) => {
          failed ??= this.applyBatch(building(), batch, 'build');
          return building().length > 0;
        },
        onFirstBatch,
        onProgress,
      });
      if (caughtUp) for (const tracked of building()) handOver(this.readModels, this.logger, tracked);
      if (![...this.tracked.values()].some((tracked) => tracked.phase.kind === 'building')) this.readModels.endBulkLoad();
    })();
    for (const tracked of members) this.running.set(tracked, run);
    try {
      await run;
    } finally {
      for (const tracked of members) if (this.running.get(tracked) === run) this.running.delete(tracked);
      this.waiters.check(); // readers waiting for a build that took over
    }
    if (this.started) await this.rejoin();
    if (failed) {
      throw new Error(`Rebuild of projection '${failed.name}' stopped at position ${failed.event.position}: ${messageOf(failed.error)}`, {
        cause: failed.error,
      });
    }
  }

  /** Handed-over projections join the feed: it restarts when it has gone past one of them. */
  private async rejoin(): Promise<void> {
    const { delivered } = this.feed;
    const joining = this.fed().filter((tracked) => tracked.phase.kind === 'handed_over');
    const behind = joining.some(
      (tracked) => delivered !== undefined && (tracked.phase.serving?.position === undefined || tracked.phase.serving.position < delivered),
    );
    if (this.feed.following && behind) await this.feed.unfollow();
    if (!this.started) return;
    this.feed.follow(this.lifetime.signal);
    for (const tracked of joining) if (tracked.phase.kind === 'handed_over') tracked.phase = transitions.joined(tracked.phase);
  }

  /** The projections the feed applies events to. */
  private fed(): Tracked[] {
    return [...this.tracked.values()].filter((tracked) => tracked.phase.kind === 'live' || tracked.phase.kind === 'handed_over');
  }

  private servingMember(tracked: Tracked): { applier: BatchApplier; position: Position | undefined } {
    const serving = tracked.phase.serving!;
    if (tracked.serving?.generation !== serving.generation) {
      tracked.serving = new BatchApplier(this.readModels.db, this.readModels.checkpoints, tracked.projection, serving.generation);
    }
    return { applier: tracked.serving, position: serving.position };
  }

  private buildMember(tracked: Tracked): { applier: BatchApplier; position: Position | undefined } {
    const { phase } = tracked;
    if (phase.kind !== 'building' || !tracked.build) throw new Error(`Projection '${tracked.projection.name}' has no build`);
    return { applier: tracked.build, position: phase.build.position };
  }

  /** Applies a batch to the serving versions or the builds of `members`, moves their phases, records failures. */
  private applyBatch(members: readonly Tracked[], batch: readonly RecordedEvent[], which: 'serving' | 'build') {
    const group = members.map((tracked) => (which === 'serving' ? this.servingMember(tracked) : this.buildMember(tracked)));
    const outcomes = this.group.apply(batch, group);
    let failed: { name: string; event: RecordedEvent; error: unknown } | undefined;
    outcomes.forEach((outcome, index) => {
      const tracked = members[index]!;
      if (outcome.position !== undefined) {
        tracked.phase =
          which === 'serving' ? transitions.fed(tracked.phase, outcome.position) : transitions.built(tracked.phase, outcome.position);
        if (outcome.position > this.lastHead) this.lastHead = outcome.position;
      }
      if (!outcome.applied) {
        this.fail(tracked, outcome.failedOn, outcome.error, which);
        failed ??= { name: tracked.projection.name, event: outcome.failedOn, error: outcome.error };
      }
    });
    this.waiters.check();
    return failed;
  }

  private fail(tracked: Tracked, event: RecordedEvent, error: unknown, which: 'serving' | 'build'): void {
    const name = tracked.projection.name;
    const failure: ProjectionFailure = { message: messageOf(error), position: event.position.toString(), eventType: event.type };
    tracked.phase = transitions.failed(tracked.phase, failure);
    try {
      (which === 'serving' ? this.readModels.checkpoints : this.readModels.builds).recordFailure(name, failure);
    } catch (recordError) {
      this.logger.warn({ projection: name, err: recordError }, 'could not record the projection failure in the read-model file');
    }
    const context = { projection: name, position: failure.position, eventType: failure.eventType, err: error };
    this.logger.error(context, 'projection stopped: its projector failed on an event; fix it and restart to retry from that event');
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

  /** True when every named projection serves a version at `position` or beyond; false when one failed short of it. */
  private reached(position: Position, names: readonly string[]): boolean | undefined {
    let reached = true;
    for (const name of names) {
      const { phase } = this.tracked.get(name)!;
      const at = phase.serving?.position;
      if (at !== undefined && at >= position) continue;
      if (phase.kind === 'failed') return false;
      reached = false;
    }
    return reached ? true : undefined;
  }
}
