import { type ParticipantKind, participantStream, type RoleGrant } from '#domain';
import type { EventStore } from '#eventstore';
import type { CommandContext } from '../../kernel/command-context.js';
import { executeCommand } from '../../kernel/execute-command.js';
import type { Identities } from '../identities.js';
import { type ParticipantResult, participantResult } from '../participant-stream.js';
import { type EnsureRole, ensureRoleDecider } from './ensure-role.decider.js';

export interface EnsuredPerson {
  readonly subject: string;
  /** Used only when the person is registered now; never the subject (personal data): defaults to `Participant`. */
  readonly displayName?: string;
  /** Used only when the person is registered now; defaults to ADULT. */
  readonly kind?: ParticipantKind;
}

/**
 * For operators (start-up bootstrap, the CLI): makes sure `person` is registered and holds `grant`, in one
 * append. Appends nothing when both already hold. No authorisation here: whoever runs it operates the installation.
 * A person registered now gets an id that reveals nothing, with their subject sealed (see `Identities`).
 */
export async function ensureRole(
  store: EventStore,
  identities: Identities,
  person: EnsuredPerson,
  grant: RoleGrant,
  context: CommandContext,
  commandType: EnsureRole['type'] = 'EnsureRole',
): Promise<ParticipantResult> {
  const participantId = (await identities.participantOf(person.subject)) ?? (await identities.idForRegistration(person.subject));
  const personalData = await identities.seal(participantId, { subject: person.subject, realName: null, email: null });
  const outcome = await executeCommand({
    store,
    stream: participantStream(participantId),
    decider: ensureRoleDecider,
    command: {
      type: commandType,
      participantId,
      personalData,
      displayName: person.displayName ?? 'Participant',
      kind: person.kind ?? 'ADULT',
      ...grant,
    },
    context,
  });
  return participantResult(outcome);
}
