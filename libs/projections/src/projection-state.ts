import type { Position } from '#eventstore';
import type { Held } from './generations.js';
import type { ProjectionFailure } from './projection-status.js';

/**
 * Where one projection stands in the runner. Readers are always answered from `serving`: the last complete version
 * (none yet: `UNAVAILABLE`). See README.md for the picture.
 *
 * - `live`: the feed applies each new event to `serving`.
 * - `building`: `build`, a version of its own in tables of its own, is filled from the start of the log; `serving`
 *   stays as it was (frozen) until the build has caught up with the log and takes over.
 * - `handed_over`: the build took over (it is now `serving`); the feed takes it on from its position.
 * - `failed`: a projector threw on an event. `serving` stays as it was, and so does `build` if it was building;
 *   the next `start()` (or a rebuild) retries from there.
 */
export type Phase =
  | { readonly kind: 'live'; readonly serving: Held }
  | { readonly kind: 'building'; readonly serving: Held | undefined; readonly build: Held }
  | { readonly kind: 'handed_over'; readonly serving: Held }
  | { readonly kind: 'failed'; readonly serving: Held | undefined; readonly build: Held | undefined; readonly failure: ProjectionFailure };

export type PhaseKind = Phase['kind'];

const at = (held: Held, position: Position): Held => ({ ...held, position });

function refuse(phase: Phase, transition: string): never {
  throw new Error(`A projection that is ${phase.kind} cannot be ${transition}`);
}

/** Every change of phase; anything else is refused (a bug in the runner, not a condition of the data). */
export const transitions = {
  /** The feed applied events up to `position` (a handed-over projection is then live). */
  fed(phase: Phase, position: Position): Phase {
    if (phase.kind !== 'live' && phase.kind !== 'handed_over') return refuse(phase, 'fed');
    return { kind: 'live', serving: at(phase.serving, position) };
  },
  /** The feed took a handed-over projection on without applying anything to it yet. */
  joined(phase: Phase): Phase {
    if (phase.kind === 'live') return phase;
    if (phase.kind !== 'handed_over') return refuse(phase, 'joined to the feed');
    return { kind: 'live', serving: phase.serving };
  },
  /** The build applied events up to `position`. */
  built(phase: Phase, position: Position): Phase {
    if (phase.kind !== 'building') return refuse(phase, 'built');
    return { ...phase, build: at(phase.build, position) };
  },
  /** The build caught up and took over: it serves from now on. */
  tookOver(phase: Phase): Phase {
    if (phase.kind !== 'building') return refuse(phase, 'taken over');
    return { kind: 'handed_over', serving: phase.build };
  },
  /** A new version starts building beside the one that serves (failed: whatever it was building is dropped). */
  rebuild(phase: Phase, build: Held): Phase {
    if (phase.kind === 'building') return refuse(phase, 'rebuilt');
    return { kind: 'building', serving: phase.serving, build };
  },
  /** A projector threw: the projection stops where it is. */
  failed(phase: Phase, failure: ProjectionFailure): Phase {
    switch (phase.kind) {
      case 'live':
      case 'handed_over':
        return { kind: 'failed', serving: phase.serving, build: undefined, failure };
      case 'building':
        return { kind: 'failed', serving: phase.serving, build: phase.build, failure };
      case 'failed':
        return refuse(phase, 'failed again');
    }
  },
  /** A failed projection is tried again from where it stopped. */
  retry(phase: Phase): Phase {
    if (phase.kind !== 'failed') return refuse(phase, 'retried');
    if (phase.build !== undefined) return { kind: 'building', serving: phase.serving, build: phase.build };
    if (phase.serving === undefined) return refuse(phase, 'retried without a version');
    return { kind: 'live', serving: phase.serving };
  },
};
