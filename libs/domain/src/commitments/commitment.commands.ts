import type { UnderPlan } from '../plans/plan.state.js';
import type { CommitmentChanges, CommitmentTerms } from './commitment.events.js';

/** Every command on a commitment (and on what tracks it) carries its plan: other rules depend on its period and areas. */
export interface MakeCommitment extends CommitmentTerms, UnderPlan {
  readonly type: 'MakeCommitment';
  readonly commitmentId: string;
  /** null: inherit the plan's default deadline. */
  readonly dueDate: string | null;
}
export interface ActivateCommitment extends UnderPlan {
  readonly type: 'ActivateCommitment';
}
export interface ReviseCommitment extends UnderPlan {
  readonly type: 'ReviseCommitment';
  readonly changes: CommitmentChanges;
  readonly reason: string;
}
export interface WithdrawCommitment extends UnderPlan {
  readonly type: 'WithdrawCommitment';
  readonly reason: string;
}
export interface CompleteCommitment extends UnderPlan {
  readonly type: 'CompleteCommitment';
  /** Defaults to today. */
  readonly completedOn: string | null;
}

export type CommitmentCommand = MakeCommitment | ActivateCommitment | ReviseCommitment | WithdrawCommitment | CompleteCommitment;
