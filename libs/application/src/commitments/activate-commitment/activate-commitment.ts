import { type ActivateCommitment, commitmentDecider, type CommitmentEvent } from '#domain';
import { commitmentChange, type OnCommitment } from '../commitment-stream.js';

/** The plan's coordinators activate a proposed commitment. */
export const activateCommitment = commitmentChange<OnCommitment, ActivateCommitment, CommitmentEvent>({
  name: 'ActivateCommitment',
  decider: commitmentDecider,
  action: 'activate this commitment',
  roles: (commitment) => [{ role: 'COORDINATOR', scope: commitment.planId }],
  command: (_, plan) => ({ type: 'ActivateCommitment', plan }),
});
