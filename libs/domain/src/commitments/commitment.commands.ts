import type { PlanState } from '../plans/plan.state.js';
import type { CommitmentChanges, CommitmentTerms } from './commitment.events.js';

export interface MakeCommitment extends CommitmentTerms {
  readonly type: 'MakeCommitment';
  readonly commitmentId: string;
  /** The plan as it stands (folded from its stream by the caller): the commitment's rules depend on it. */
  readonly plan: PlanState;
  /** null: inherit the plan's default deadline. */
  readonly dueDate: string | null;
}
export interface ActivateCommitment {
  readonly type: 'ActivateCommitment';
}
export interface ReviseCommitment {
  readonly type: 'ReviseCommitment';
  readonly changes: CommitmentChanges;
  readonly reason: string;
  /** The plan as it stands, to check co-owners are admitted. */
  readonly plan: PlanState;
}
export interface WithdrawCommitment {
  readonly type: 'WithdrawCommitment';
  readonly reason: string;
}
export interface CompleteCommitment {
  readonly type: 'CompleteCommitment';
  /** Defaults to today. */
  readonly completedOn: string | null;
}

export type CommitmentCommand = MakeCommitment | ActivateCommitment | ReviseCommitment | WithdrawCommitment | CompleteCommitment;
