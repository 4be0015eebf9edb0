export * from './projection.js';
export { type Column, defineTable, integer, type KeyOf, real, type RowOf, type Table, type TableShape, text } from './table-schema.js';
export type { ProjectionFailure, ProjectionState, ProjectionStatus } from './projection-status.js';
export type { Phase, PhaseKind } from './projection-state.js';
export type { RunnerLogger } from './runner-logger.js';
export type { CheckpointRow } from './checkpoint-table.js';
export { ReadModelStore, type ReadModelStoreOptions, removeReadModelFile } from './read-model-store.js';
export { ProjectionRunner, type ProjectionRunnerOptions, type RetiredProjection } from './projection-runner.js';
export { physicalName, ReadModelUnavailableError } from './generations.js';
export {
  asOfView,
  enableAsOf,
  historyTable,
  keepingHistory,
  readAsOf,
  tablesWithHistory,
  VALID_FROM,
  VALID_TO,
  versionDay,
} from './history.js';
