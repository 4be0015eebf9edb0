import { type ParticipantKind, participantStream, type RoleGrant } from '#domain';
import type { EventStore } from '#eventstore';
import type { CommandContext } from '../../kernel/command-context.js';
import { executeCommand } from '../../kernel/execute-command.js';
import { type ParticipantResult, participantResult } from '../participant-commands.js';
import { participantIdOf } from '../participant-id.js';
import { type EnsureRole, ensureRoleDecider } from './ensure-role.decider.js';

export interface EnsuredPerson {
  readonly subject: string;
  /** Used only when the person is registered now; defaults to the subject. */
  readonly displayName?: string;
  /** Used only when the person is registered now; defaults to ADULT. */
  readonly kind?: ParticipantKind;
}

/**
 * For operators (start-up bootstrap, the CLI): makes sure `person` is registered and holds `grant`, in one
 * append. Appends nothing when both already hold. No authorisation here: whoever runs it operates the installation.
 */
export async function ensureRole(
  store: EventStore,
  person: EnsuredPerson,
  grant: RoleGrant,
  context: CommandContext,
  commandType: EnsureRole['type'] = 'EnsureRole',
): Promise<ParticipantResult> {
  const participantId = participantIdOf(person.subject);
  const outcome = await executeCommand({
    store,
    stream: participantStream(participantId),
    decider: ensureRoleDecider,
    command: {
      type: commandType,
      participantId,
      subject: person.subject,
      displayName: person.displayName ?? person.subject,
      kind: person.kind ?? 'ADULT',
      ...grant,
    },
    context,
  });
  return participantResult(person.subject, outcome);
}
