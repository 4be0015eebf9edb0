import { commitmentDecider, type CommitmentEvent, type CommitmentState, commitmentStream, type MakeCommitment } from '#domain';
import { authorize } from '../../authorization/authorize.js';
import { newAggregate, type UseCase } from '../../kernel/use-case.js';
import { currentPlan } from '../../plans/plan-stream.js';

/** What a focal point gives: the domain command without the ids and plan the use case supplies. */
export type MakeCommitmentInput = Omit<MakeCommitment, 'type' | 'commitmentId' | 'plan'> & { readonly planId: string };

/** A focal point commits on behalf of their stakeholder. */
export const makeCommitment: UseCase<MakeCommitmentInput, CommitmentState, MakeCommitment, CommitmentEvent> = {
  name: 'MakeCommitment',
  decider: commitmentDecider,
  target: newAggregate(commitmentStream, (input) => input.planId),
  authorize: ({ input, ports, context }) =>
    authorize(ports.grants, context, [{ role: 'FOCAL_POINT', scope: input.ownerId }], 'make commitments for this stakeholder'),
  async command({ input, ports, target }) {
    const plan = await currentPlan(ports.store, input.planId);
    return { type: 'MakeCommitment', commitmentId: (await target()).id, plan, ...input };
  },
};
