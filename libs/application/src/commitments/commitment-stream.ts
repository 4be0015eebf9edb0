import {
  commitmentDecider,
  type CommitmentState,
  commitmentStream,
  type Decider,
  type DomainEvent,
  type PlanState,
  type UnderPlan,
} from '#domain';
import type { EventStore } from '#eventstore';
import { authorize, type RequiredRole } from '../authorization/authorize.js';
import { NotFoundError } from '../errors.js';
import { currentState } from '../kernel/stream-state-cache.js';
import type { EntityResult, Run, UseCase } from '../kernel/use-case.js';
import { currentPlan } from '../plans/plan-stream.js';

/** A commitment that was made (whatever its status now). */
export type MadeCommitment = Exclude<CommitmentState, { status: 'none' }>;

export async function currentCommitment(store: EventStore, commitmentId: string): Promise<CommitmentState> {
  return currentState(store, commitmentStream(commitmentId), commitmentDecider);
}

/** What every change to an existing commitment (or to what tracks it) names, besides its own fields. */
export interface OnCommitment {
  readonly commitmentId: string;
}

/** A change to an existing commitment's stream, as a use case declares it. */
export interface CommitmentChange<
  Input extends OnCommitment,
  Command extends UnderPlan & { readonly type: string },
  Event extends DomainEvent,
  Result,
> {
  readonly name: Command['type'];
  readonly decider: Decider<CommitmentState, Command, Event>;
  /** What refusing it says: "You may not <action>". */
  readonly action: string;
  /** The roles that may run it on this commitment (an admin always may). */
  readonly roles: (commitment: MadeCommitment) => RequiredRole[];
  /** Further rules on who may run it, or on what it names outside the commitment's stream. */
  readonly check?: (commitment: MadeCommitment, run: Run<Input, CommitmentState>) => void | Promise<void>;
  /** The decider's command, given the plan the commitment is under. */
  readonly command: (input: Input, plan: PlanState, run: Run<Input, CommitmentState>) => Command;
  readonly result?: (entity: EntityResult, command: Command) => Result;
}

/** A commitment that was made, or NOT_FOUND (before any authorisation: it says nothing more). */
async function madeCommitment<Input>(run: Run<Input, CommitmentState>): Promise<MadeCommitment> {
  const commitment = await run.state();
  if (commitment.status === 'none') throw new NotFoundError('There is no such commitment.');
  return commitment;
}

/** A use case on an existing commitment: NOT_FOUND when there is none, then its roles and checks, then its command under the plan. */
export function commitmentChange<
  Input extends OnCommitment,
  Command extends UnderPlan & { readonly type: string },
  Event extends DomainEvent,
  Result = EntityResult,
>(use: CommitmentChange<Input, Command, Event, Result>): UseCase<Input, CommitmentState, Command, Event, Result> {
  return {
    name: use.name,
    decider: use.decider,
    target: ({ input }) => ({ id: input.commitmentId, stream: commitmentStream(input.commitmentId) }),
    async authorize(run) {
      const commitment = await madeCommitment(run);
      authorize(run.ports.grants, run.context, use.roles(commitment), use.action);
      await use.check?.(commitment, run);
    },
    async command(run) {
      const commitment = await madeCommitment(run);
      return use.command(run.input, await currentPlan(run.ports.store, commitment.planId), run);
    },
    ...(use.result ? { result: use.result } : {}),
  };
}
