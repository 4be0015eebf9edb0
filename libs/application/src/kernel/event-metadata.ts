import type { EventMetadata } from '#eventstore';
import type { CommandContext } from './command-context.js';

/** What every recorded event says about its cause: who, which request, which command, when, in which shape. */
export function eventMetadata(context: CommandContext, commandType: string): EventMetadata {
  return {
    correlationId: context.correlationId,
    causationId: context.commandId ?? context.correlationId,
    actor: context.actor,
    occurredAt: context.now.toISOString(),
    schemaVersion: 1,
    commandType,
  };
}
