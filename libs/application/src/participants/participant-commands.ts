import { type ParticipantCommand, participantDecider, type ParticipantState, participantStream, RuleViolation } from '#domain';
import type { EventStore } from '#eventstore';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { CommandContext } from '../kernel/command-context.js';
import { type CommandOutcome, executeCommand } from '../kernel/execute-command.js';
import type { GrantsReader, ParticipantView } from './read-model/participant-views.js';

/** What every participant command answers: the participant as the command left it, its version and position. */
export interface ParticipantResult {
  readonly participantId: string;
  readonly participant: ParticipantView;
  /** The participant stream's revision after the command. */
  readonly version: number;
  /** Where the command's events were appended: what a caller waits for to read its own write. */
  readonly position: bigint | undefined;
}

/** The outcome of a command on a participant stream as the result callers get; an unregistered one is NOT_FOUND. */
export function participantResult(outcome: CommandOutcome<ParticipantState>): ParticipantResult {
  const state = outcome.state;
  if (state.status !== 'registered') throw new NotFoundError('No such participant is registered.');
  return {
    participantId: state.participantId,
    participant: {
      id: state.participantId,
      displayName: state.displayName,
      kind: state.kind,
      ageBand: state.ageBand,
      version: outcome.version,
      roles: state.grants,
    },
    version: outcome.version,
    position: outcome.position,
  };
}

/** Runs one participant command on a participant's stream; "not registered" is a NOT_FOUND for the caller. */
export async function runParticipantCommand(
  store: EventStore,
  participantId: string | undefined,
  command: ParticipantCommand,
  context: CommandContext,
  beforeAppend?: () => Promise<void>,
): Promise<ParticipantResult> {
  const notFound = () => new NotFoundError('No participant is registered for that subject; register them first.');
  if (participantId === undefined) throw notFound();
  try {
    const outcome = await executeCommand({ store, stream: participantStream(participantId), decider: participantDecider, command, context, beforeAppend });
    return participantResult(outcome);
  } catch (error) {
    if (error instanceof RuleViolation && error.rule === 'participant.not_registered') throw notFound();
    throw error;
  }
}

/** Identity administration is for administrators only. */
export function requireAdmin(grants: GrantsReader, actor: string, action: string): void {
  if (!grants.rolesOf(actor).some((grant) => grant.role === 'ADMIN')) {
    throw new ForbiddenError(`Only an administrator may ${action}.`);
  }
}
