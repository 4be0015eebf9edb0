import { createHash } from 'node:crypto';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { EventMetadata, EventStore } from '#eventstore';
import { ValidationError } from '../errors.js';
import type { CommandContext } from './command-context.js';

/*
 * What a client command id is bound to (sender, operation, target), and what derives from it: the ids of the events
 * and entities a command creates (so a retry finds them), the metadata every event records, and the ledger that
 * refuses an id already used for another command.
 */

/**
 * Namespace of event ids derived from client command ids. Never change it: retries rely on it. (Ids derived from the
 * command id alone, before it was bound to its sender, operation and target, used another namespace.)
 */
export const COMMAND_EVENT_NAMESPACE = '8d3f6b1e-52c4-5e07-a9d1-6b0e4c2f7a35';

/**
 * What a client command id is bound to: who sent it (operators, such as the CLI or the demo seeder, as one), which
 * operation, on which target (a stream, or the parent of what it creates). The same id from someone else, for another
 * operation or on another target is another command: it never finds, returns or overwrites the first one's results.
 */
export function commandBinding(context: Pick<CommandContext, 'actor' | 'asOperator'>, operation: string, target: string): string {
  return `${context.asOperator ? 'operator' : context.actor}\n${operation}\n${target}`;
}

/**
 * The id of the `index`-th event of a command: UUID v5 of its binding, command id and index (so a retry gets the same
 * ids), or random without a command id.
 */
export function eventIdFor(commandId: string | undefined, binding: string, index: number): string {
  return commandId ? uuidv5(`${binding}\n${commandId}/${index}`, COMMAND_EVENT_NAMESPACE) : uuidv4();
}

/** Namespace of entity ids derived from client command ids. Never change it: retries rely on it. */
const ENTITY_NAMESPACE = '2b7e9c41-6d3a-5f80-8e2b-41c9d7a6e053';

/**
 * The id of an entity a command creates: derived from the client's `commandId` and what it is bound to (sender,
 * operation, and `target`: where the entity is made, such as the commitment of a milestone) so that a retried command
 * addresses the same stream and is recognised as a retry — random without a command id.
 */
export const newEntityId = (context: Pick<CommandContext, 'actor' | 'asOperator' | 'commandId'>, operation: string, target = ''): string =>
  context.commandId ? uuidv5(`${commandBinding(context, operation, target)}\n${context.commandId}`, ENTITY_NAMESPACE) : uuidv4();

/** What the platform recorded of client command ids: the binding (as a digest) each was first used with. */
export interface CommandLedger {
  bindingOf(commandId: string): string | undefined;
}

const ledgers = new WeakMap<EventStore, CommandLedger>();

/** The ledger the kernel consults for commands on `store` (the platform sets it; without one, nothing is refused). */
export function keepCommandLedger(store: EventStore, ledger: CommandLedger): void {
  ledgers.set(store, ledger);
}

/** A binding as recorded in event metadata (`commandBinding`): a digest, which reveals nothing of who sent it. */
export const bindingDigest = (binding: string): string => createHash('sha256').update(binding).digest('base64url');

/**
 * Whether a client command id is new or a retry of the same command (same sender, operation and target); a command id
 * already used for another command is refused with BAD_USER_INPUT, which says nothing of that command. Operators (the
 * CLI, the demo seeder) are not checked. Without a command id, every command is new.
 */
export function commandIdUse(store: EventStore, context: CommandContext, operation: string, target: string): 'new' | 'retry' {
  if (context.commandId === undefined || context.asOperator) return 'new';
  const recorded = ledgers.get(store)?.bindingOf(context.commandId);
  if (recorded === undefined) return 'new';
  if (recorded === bindingDigest(commandBinding(context, operation, target))) return 'retry';
  throw new ValidationError('This commandId was already used for another command: send each command with a new one.', [
    { field: 'commandId', message: 'already used for another command' },
  ]);
}

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
