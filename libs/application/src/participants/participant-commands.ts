import {
  fold,
  type ParticipantCommand,
  participantDecider,
  type ParticipantState,
  participantStream,
  type RoleGrant,
  RuleViolation,
} from '#domain';
import type { EventStore } from '#eventstore';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { CommandContext } from '../kernel/command-context.js';
import { type CommandOutcome, executeCommand } from '../kernel/execute-command.js';
import { participantIdOf } from './participant-id.js';
import type { GrantsReader, ParticipantView } from './read-model/participant-views.js';

/** What every participant command answers: the participant as the command left it, its version and position. */
export interface ParticipantResult {
  readonly participant: ParticipantView;
  readonly version: number;
  readonly position: bigint | undefined;
}

function toResult(subject: string, outcome: CommandOutcome<ParticipantState>): ParticipantResult {
  const state = outcome.state;
  if (state.status !== 'registered') throw new NotFoundError(`No participant is registered for ${subject}.`);
  return {
    participant: {
      id: state.participantId,
      subject: state.subject,
      displayName: state.displayName,
      kind: state.kind,
      version: outcome.version,
      roles: state.grants,
    },
    version: outcome.version,
    position: outcome.position,
  };
}

/** Runs one participant command on the stream of `subject`; "not registered" is a NOT_FOUND for the caller. */
export async function runParticipantCommand(
  store: EventStore,
  subject: string,
  command: ParticipantCommand,
  context: CommandContext,
): Promise<ParticipantResult> {
  try {
    const outcome = await executeCommand({
      store,
      stream: participantStream(participantIdOf(subject)),
      decider: participantDecider,
      command,
      context,
    });
    return toResult(subject, outcome);
  } catch (error) {
    if (error instanceof RuleViolation && error.rule === 'participant.not_registered') {
      throw new NotFoundError(`No participant is registered for ${subject}; register them first.`);
    }
    throw error;
  }
}

/** Identity administration is for administrators only. */
export function requireAdmin(grants: GrantsReader, actor: string, action: string): void {
  if (!grants.rolesOf(actor).some((grant) => grant.role === 'ADMIN')) {
    throw new ForbiddenError(`Only an administrator may ${action}.`);
  }
}

/**
 * For operators (start-up bootstrap, the CLI): makes sure `subject` is registered and holds `grant`,
 * registering them with the given name if needed. Appends nothing when both already hold.
 */
export async function ensureRole(
  store: EventStore,
  person: { readonly subject: string; readonly displayName?: string; readonly kind?: 'ADULT' | 'YOUTH' },
  grant: RoleGrant,
  context: CommandContext,
): Promise<ParticipantResult> {
  const participantId = participantIdOf(person.subject);
  const recorded = await store.readStream(participantStream(participantId));
  const state = fold(participantDecider, recorded);
  const result =
    state.status === 'registered'
      ? toResult(person.subject, { events: [], state, version: recorded.length - 1, position: recorded.at(-1)?.position })
      : await runParticipantCommand(
          store,
          person.subject,
          {
            type: 'RegisterParticipant',
            participantId,
            subject: person.subject,
            displayName: person.displayName ?? person.subject,
            kind: person.kind ?? 'ADULT',
          },
          context,
        );
  if (result.participant.roles.some((held) => held.role === grant.role && held.scope === grant.scope)) return result;
  return runParticipantCommand(store, person.subject, { type: 'GrantRole', ...grant }, context);
}
