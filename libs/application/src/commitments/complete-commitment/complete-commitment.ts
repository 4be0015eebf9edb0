import { commitmentDecider, type CommitmentEvent, type CompleteCommitment } from '#domain';
import { commitmentChange, type OnCommitment } from '../commitment-stream.js';

export type CompleteCommitmentInput = OnCommitment & Pick<CompleteCommitment, 'completedOn'>;

/** The owner's focal points complete their commitment. */
export const completeCommitment = commitmentChange<CompleteCommitmentInput, CompleteCommitment, CommitmentEvent>({
  name: 'CompleteCommitment',
  decider: commitmentDecider,
  action: 'complete this commitment',
  roles: (commitment) => [{ role: 'FOCAL_POINT', scope: commitment.ownerId }],
  command: ({ completedOn }, plan) => ({ type: 'CompleteCommitment', completedOn, plan }),
});
