import type { EventStore } from '#eventstore';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadModelStore } from './read-model-store.js';
import type { RunnerLogger } from './runner-logger.js';

/**
 * Builds projections from scratch somewhere else than the runner's own thread (a worker thread, say), each into a
 * read-model file of its own, so that a large log is projected on two cores at once. The runner gives it part of the
 * projections it has to build from scratch, feeds the others itself meanwhile, and then takes the built ones into
 * its file (`ReadModelStore.adopt`).
 */
export interface ProjectionBuilder {
  /** The projections it can build, by name. */
  readonly names: readonly string[];
  /**
   * Builds the named projections from the start of the log up to (at least) its head when the build began, into a
   * new read-model file at `path`: tables, indexes and checkpoints, durably. Rejects when a projector fails, when
   * the build cannot run, or when `signal` aborts it.
   */
  build(request: BuildRequest): Promise<void>;
}

export interface BuildRequest {
  readonly names: readonly string[];
  readonly path: string;
  readonly signal: AbortSignal;
}

/**
 * What a builder runs, on its own thread: the projections built from the start of the log to its head into a new
 * scratch file at `path` (see `ReadModelStoreOptions.scratch`), indexes included, then the file closed.
 */
export async function buildFromScratch(
  store: EventStore,
  projections: readonly Projection[],
  path: string,
  options: { readonly logger?: RunnerLogger; readonly batchSize?: number } = {},
): Promise<void> {
  const readModels = ReadModelStore.open({ path, scratch: true });
  try {
    const runner = new ProjectionRunner({ store, readModels, projections, ...options });
    await runner.rebuildAll();
    await runner.stop();
  } finally {
    readModels.close();
  }
}
