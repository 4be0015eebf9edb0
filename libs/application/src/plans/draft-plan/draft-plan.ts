import { type DraftPlan, planDecider, type PlanEvent, type PlanState, planStream } from '#domain';
import { authorize } from '../../authorization/authorize.js';
import { newAggregate, type UseCase } from '../../kernel/use-case.js';

export type DraftPlanInput = Omit<DraftPlan, 'type' | 'planId'>;

/** Drafting a plan is an admin action (DOMAIN.md). */
export const draftPlan: UseCase<DraftPlanInput, PlanState, DraftPlan, PlanEvent> = {
  name: 'DraftPlan',
  decider: planDecider,
  target: newAggregate(planStream),
  authorize: ({ ports, context }) => authorize(ports.grants, context, [], 'draft a plan'),
  command: async ({ input, target }) => ({ type: 'DraftPlan', planId: (await target()).id, ...input }),
};
