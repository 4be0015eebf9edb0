import { commitmentDecider, type CommitmentEvent, type WithdrawCommitment } from '#domain';
import { commitmentChange, type OnCommitment } from '../commitment-stream.js';

export type WithdrawCommitmentInput = OnCommitment & Pick<WithdrawCommitment, 'reason'>;

/** The owner's focal points withdraw their commitment. */
export const withdrawCommitment = commitmentChange<WithdrawCommitmentInput, WithdrawCommitment, CommitmentEvent>({
  name: 'WithdrawCommitment',
  decider: commitmentDecider,
  action: 'withdraw this commitment',
  roles: (commitment) => [{ role: 'FOCAL_POINT', scope: commitment.ownerId }],
  command: ({ reason }, plan) => ({ type: 'WithdrawCommitment', reason, plan }),
});
