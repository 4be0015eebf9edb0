import type { Position } from '#eventstore';

/** Why a projection stopped: the event it could not apply and the error. */
export interface ProjectionFailure {
  readonly message: string;
  /** Position of the event the projection stopped on (decimal string). */
  readonly position: string;
  readonly eventType: string;
}

/**
 * `catching_up` until its subscription first reports having delivered the whole log (or its checkpoint is at the
 * head), `running` afterwards, `failed` once a projector threw (until the next start or rebuild retries it).
 */
export type ProjectionState = 'catching_up' | 'running' | 'failed';

/** What `/health`, `/metrics` and `serverInfo` report of each projection. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** Position of the last event applied; undefined before the first. */
  readonly position: Position | undefined;
  /** Head position of the log minus `position`; 0n when the log is empty or the projection is at the head. */
  readonly lag: bigint;
  readonly state: ProjectionState;
  readonly error?: ProjectionFailure;
}
