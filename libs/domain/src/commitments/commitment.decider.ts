import type { Decider } from '../decider.js';
import type { CommitmentCommand } from './commitment.commands.js';
import { decideCommitment } from './commitment.decide.js';
import type { CommitmentEvent } from './commitment.events.js';
import { type CommitmentState, evolveCommitment, initialCommitmentState } from './commitment.state.js';

/**
 * What one stakeholder promises under one thematic area of one plan, with a target and a due date: made, activated,
 * revised, withdrawn, completed. What tracks it (milestones, tasks, progress reports) is decided by `trackingDecider`
 * on the same stream, with the same state.
 */
export const commitmentDecider: Decider<CommitmentState, CommitmentCommand, CommitmentEvent> = {
  initialState: initialCommitmentState,
  evolve: evolveCommitment,
  decide: decideCommitment,
};
