import { type CommitmentCommand, commitmentDecider, type CommitmentState, commitmentStream, type TrackingCommand } from '#domain';
import type { EventStore } from '#eventstore';
import type { CommandContext } from '../kernel/command-context.js';
import { currentState } from '../kernel/current-state.js';
import { type EntityResult, runCommand } from '../kernel/run-command.js';

export function runCommitmentCommand(
  store: EventStore,
  commitmentId: string,
  command: CommitmentCommand | TrackingCommand,
  context: CommandContext,
): Promise<EntityResult> {
  return runCommand(commitmentId, { store, stream: commitmentStream(commitmentId), decider: commitmentDecider, command, context });
}

export async function currentCommitment(store: EventStore, commitmentId: string): Promise<CommitmentState> {
  return currentState(store, commitmentStream(commitmentId), commitmentDecider);
}
