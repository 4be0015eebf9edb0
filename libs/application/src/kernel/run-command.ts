import { type Decider, type DomainEvent, RuleViolation } from '#domain';
import { NotFoundError } from '../errors.js';
import { type CommandOutcome, type CommandRequest, executeCommand } from './execute-command.js';

/** What a command answers: the entity's id, its version after the command and where its events landed. */
export interface EntityResult {
  readonly id: string;
  readonly version: number;
  readonly position: bigint | undefined;
}

/**
 * executeCommand for a use case: a rule saying the entity does not exist (`*.not_found`, or the one given) becomes
 * NOT_FOUND.
 */
export async function runCommand<State, Command extends { readonly type: string }, Event extends DomainEvent>(
  id: string,
  request: CommandRequest<State, Command, Event> & { decider: Decider<State, Command, Event> },
  notFound?: { readonly rule: string; readonly message: string },
): Promise<EntityResult & { readonly outcome: CommandOutcome<State> }> {
  try {
    const outcome = await executeCommand(request);
    return { id, version: outcome.version, position: outcome.position, outcome };
  } catch (error) {
    if (error instanceof RuleViolation) {
      if (notFound) {
        if (error.rule === notFound.rule) throw new NotFoundError(notFound.message);
      } else if (error.rule.endsWith('.not_found')) throw new NotFoundError(error.message);
    }
    throw error;
  }
}
