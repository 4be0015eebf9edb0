export * from './projection.js';
export { ReadModelStore, type ReadModelStoreOptions, type CheckpointRow } from './read-model-store.js';
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
  type ProjectionFailure,
  type RunnerLogger,
} from './projection-runner.js';
