import { type PlanCommand, planDecider, type PlanEvent, type PlanState, planStream } from '#domain';
import type { EventStore } from '#eventstore';
import { authorize } from '../authorization/authorize.js';
import type { CommandContext } from '../kernel/command-context.js';
import { currentState } from '../kernel/stream-state-cache.js';
import type { Run, UseCase } from '../kernel/use-case.js';

/** The plan as its stream tells it now (other aggregates' rules depend on it). */
export async function currentPlan(store: EventStore, planId: string): Promise<PlanState> {
  return currentState(store, planStream(planId), planDecider);
}

/** What every change to an existing plan names, besides its own fields. */
export interface OnPlan {
  readonly planId: string;
}

/**
 * A coordinator's change to their plan (the plan's coordinators, or an admin, may `action`): `check` adds what the
 * rules read outside the plan's stream.
 */
export function planChange<Input extends OnPlan, Command extends PlanCommand>(use: {
  readonly name: Command['type'];
  readonly action: string;
  readonly check?: (run: Run<Input, PlanState>) => Promise<void>;
  readonly command: (input: Input, context: CommandContext) => Command;
}): UseCase<Input, PlanState, Command, PlanEvent> {
  return {
    name: use.name,
    decider: planDecider,
    target: ({ input }) => ({ id: input.planId, stream: planStream(input.planId) }),
    async authorize(run) {
      authorize(run.ports.grants, run.context, [{ role: 'COORDINATOR', scope: run.input.planId }], use.action);
      await use.check?.(run);
    },
    command: ({ input, context }) => use.command(input, context),
  };
}
