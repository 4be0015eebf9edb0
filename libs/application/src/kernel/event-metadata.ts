import type { EventMetadata } from '#eventstore';
import type { CommandContext } from './command-context.js';
import { bindingDigest } from './command-ledger.js';

/**
 * What every recorded event says about its cause: who, which request, which command, when, in which shape — and, for a
 * client command id, the digest of what it is bound to (`commandBinding`), which the command ledger keeps.
 */
export function eventMetadata(context: CommandContext, commandType: string, binding: string): EventMetadata {
  return {
    correlationId: context.correlationId,
    causationId: context.commandId ?? context.correlationId,
    actor: context.actor,
    occurredAt: context.now.toISOString(),
    schemaVersion: 1,
    commandType,
    ...(context.commandId !== undefined ? { commandId: context.commandId, commandBinding: bindingDigest(binding) } : {}),
  };
}
