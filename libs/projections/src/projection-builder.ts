import type { EventStore } from '#eventstore';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadModelStore, removeReadModelFile } from './read-model-store.js';
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

/** Where the projections built elsewhere are built, beside the read-model file at `path` that takes them in. */
export const besideReadModels = (path: string): string => `${path}.parallel`;

/**
 * A builder that begins building all its projections into `path` now, before the runner asks: a process that finds
 * no read models at all (see `buildsEverythingFromScratch`) knows what its runner will hand over, and the build need
 * not wait for the rest of the start-up. The runner's request for the same projections and path takes this build
 * over, abort included; any other request waits for it to be cancelled and then builds as asked.
 */
export function begunBuild(builder: ProjectionBuilder, path: string): ProjectionBuilder {
  const control = new AbortController();
  let begun: Promise<void> | undefined = builder.build({ names: builder.names, path, signal: control.signal });
  begun.catch(() => undefined); // reported to the runner when it asks
  return {
    names: builder.names,
    build(request) {
      const taken = begun;
      begun = undefined;
      if (taken && request.path === path && sameNames(request.names, builder.names)) {
        if (request.signal.aborted) control.abort();
        else request.signal.addEventListener('abort', () => control.abort(), { once: true });
        return taken;
      }
      control.abort();
      return (taken ?? Promise.resolve()).catch(() => undefined).then(() => builder.build(request));
    },
  };
}

const sameNames = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((name) => b.includes(name));

/**
 * What a builder runs, on its own thread: the projections built from the start of the log to its head into a new
 * scratch file at `path` (see `ReadModelStoreOptions.scratch`), indexes included, then the file closed. A file left
 * at `path` by a build that stopped in the middle is removed first.
 */
export async function buildFromScratch(
  store: EventStore,
  projections: readonly Projection[],
  path: string,
  options: { readonly logger?: RunnerLogger; readonly batchSize?: number } = {},
): Promise<void> {
  removeReadModelFile(path);
  const readModels = ReadModelStore.open({ path, scratch: true });
  try {
    const runner = new ProjectionRunner({ store, readModels, projections, ...options });
    await runner.rebuildAll();
    await runner.stop();
  } finally {
    readModels.close();
  }
}
