import type { Position } from '#eventstore';
import type { Projection } from './projection.js';
import type { Phase, PhaseKind } from './projection-state.js';

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
  /** Position of the last event applied to the version that serves; undefined before the first. */
  readonly position: Position | undefined;
  /** Head position of the log minus `position`; 0n when the log is empty or the projection is at the head. */
  readonly lag: bigint;
  readonly state: ProjectionState;
  /** Where it stands in the runner (see `Phase`). */
  readonly phase: PhaseKind;
  /** A complete version serves readers; false while the first one is built (its readers get `UNAVAILABLE`). */
  readonly available: boolean;
  /** The version being built beside the one that serves, if any, and how far it is. */
  readonly building?: { readonly version: number; readonly position: Position | undefined };
  readonly error?: ProjectionFailure;
}

/**
 * What `status()` reports of a projection in `phase` when the log's head is at `head`: `running` once live and fed by
 * a subscription that has caught up (`caughtUp`) or is at the head; the position and lag of the version that serves.
 */
export function statusOf(projection: Projection, phase: Phase, head: bigint, caughtUp: boolean, following: boolean): ProjectionStatus {
  const position = phase.serving?.position;
  const lag = head > (position ?? 0n) ? head - (position ?? 0n) : 0n;
  const running = phase.kind === 'live' && following && (caughtUp || lag === 0n);
  const build = phase.kind === 'building' || phase.kind === 'failed' ? phase.build : undefined;
  return {
    name: projection.name,
    version: projection.version,
    position,
    lag,
    state: phase.kind === 'failed' ? 'failed' : running ? 'running' : 'catching_up',
    phase: phase.kind,
    available: phase.serving !== undefined,
    ...(build ? { building: { version: build.version, position: build.position } } : {}),
    ...(phase.kind === 'failed' ? { error: phase.failure } : {}),
  };
}
