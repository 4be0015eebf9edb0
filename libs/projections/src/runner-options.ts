import type { EventStore } from '#eventstore';
import type { Projection } from './projection.js';
import type { ReadModelStore } from './read-model-store.js';
import type { RunnerLogger } from './runner-logger.js';
import type { RetiredProjection } from './settle.js';

/** What a `ProjectionRunner` runs: the log, the read-model file, the projections and how it batches and retries. */
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
}
