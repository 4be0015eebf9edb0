import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { CommandContext } from './command-context.js';

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
