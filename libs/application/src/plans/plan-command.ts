import { type PlanCommand, planDecider, type PlanState, planStream } from '#domain';
import type { EventStore } from '#eventstore';
import type { CommandContext } from '../kernel/command-context.js';
import { currentState } from '../kernel/current-state.js';
import { type EntityResult, runCommand } from '../kernel/run-command.js';

/** Runs one command on a plan's stream. */
export function runPlanCommand(store: EventStore, planId: string, command: PlanCommand, context: CommandContext): Promise<EntityResult> {
  return runCommand(planId, { store, stream: planStream(planId), decider: planDecider, command, context });
}

/** The plan as its stream tells it now (other aggregates' rules depend on it). */
export async function currentPlan(store: EventStore, planId: string): Promise<PlanState> {
  return currentState(store, planStream(planId), planDecider);
}
