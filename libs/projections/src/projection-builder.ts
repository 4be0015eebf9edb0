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
