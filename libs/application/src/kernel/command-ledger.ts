import { createHash } from 'node:crypto';
import type { EventStore } from '#eventstore';
import { ValidationError } from '../errors.js';
import type { CommandContext } from './command-context.js';
import { commandBinding } from './event-ids.js';

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
