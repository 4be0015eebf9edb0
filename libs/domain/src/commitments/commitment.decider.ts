import type { Decider } from '../decider.js';
import type { CommitmentCommand } from './commitment.commands.js';
import { decideCommitment } from './commitment.decide.js';
import type { CommitmentEvent } from './commitment.events.js';
import { type CommitmentState, evolveCommitment, initialCommitmentState } from './commitment.state.js';
import type { TrackingCommand } from './tracking.commands.js';
import type { TrackingEvent } from './tracking.events.js';

/** What one stakeholder promises under one thematic area of one plan, with a target and a due date, and the milestones, tasks and progress reports that track it. */
export const commitmentDecider: Decider<CommitmentState, CommitmentCommand | TrackingCommand, CommitmentEvent | TrackingEvent> = {
  initialState: initialCommitmentState,
  evolve: evolveCommitment,
  decide: decideCommitment,
};
