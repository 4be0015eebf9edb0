import { type ParticipantCommand, participantDecider, type ParticipantEvent, type ParticipantState, participantStream } from '#domain';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { CommandOutcome } from '../kernel/execute-command.js';
import type { Run, UseCase } from '../kernel/use-case.js';
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

/** Identity administration is for administrators only. */
export function requireAdmin(grants: GrantsReader, actor: string, action: string): void {
  if (!grants.rolesOf(actor).some((grant) => grant.role === 'ADMIN')) {
    throw new ForbiddenError(`Only an administrator may ${action}.`);
  }
}

const NOT_REGISTERED = 'No participant is registered for that subject; register them first.';

/** The participant a subject is registered as, or NOT_FOUND. */
export async function registeredParticipant({
  ports,
  input,
}: Run<{ readonly subject: string }, ParticipantState>): Promise<{ id: string; stream: string }> {
  const participantId = await ports.identities.participantOf(input.subject);
  if (participantId === undefined) throw new NotFoundError(NOT_REGISTERED);
  return { id: participantId, stream: participantStream(participantId) };
}

/** A use case on a participant's stream: it answers with the participant as it left them; "not registered" is NOT_FOUND. */
export function participantChange<Input, Command extends ParticipantCommand>(
  use: Omit<UseCase<Input, ParticipantState, Command, ParticipantEvent, ParticipantResult>, 'decider' | 'result' | 'notFound'>,
): UseCase<Input, ParticipantState, Command, ParticipantEvent, ParticipantResult> {
  return {
    ...use,
    decider: participantDecider,
    result: (_entity, _command, outcome) => participantResult(outcome),
    notFound: { rule: 'participant.not_registered', message: NOT_REGISTERED },
  };
}
