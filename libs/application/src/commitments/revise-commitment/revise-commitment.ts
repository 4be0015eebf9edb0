import { commitmentDecider, type CommitmentEvent, type ReviseCommitment } from '#domain';
import { commitmentChange, type OnCommitment } from '../commitment-stream.js';

export type ReviseCommitmentInput = OnCommitment & Pick<ReviseCommitment, 'changes' | 'reason'>;

/** The owner's focal points revise their commitment. */
export const reviseCommitment = commitmentChange<ReviseCommitmentInput, ReviseCommitment, CommitmentEvent>({
  name: 'ReviseCommitment',
  decider: commitmentDecider,
  action: 'revise this commitment',
  roles: (commitment) => [{ role: 'FOCAL_POINT', scope: commitment.ownerId }],
  command: ({ changes, reason }, plan) => ({ type: 'ReviseCommitment', changes, reason, plan }),
});
