import type { Decider } from '../decider.js';
import { type CommitmentState, evolveCommitment, initialCommitmentState } from '../commitments/commitment.state.js';
import type { TrackingCommand } from './tracking.commands.js';
import { decideTracking } from './tracking.decide.js';
import type { TrackingEvent } from './tracking.events.js';

/**
 * The milestones, tasks and progress reports that track a commitment: recorded on the commitment's own stream
 * (`commitmentStream`) and folded into the same state as `commitmentDecider`'s, which they depend on (open, active,
 * owner, plan period).
 */
export const trackingDecider: Decider<CommitmentState, TrackingCommand, TrackingEvent> = {
  initialState: initialCommitmentState,
  evolve: evolveCommitment,
  decide: decideTracking,
};
