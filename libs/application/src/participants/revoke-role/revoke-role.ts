import { type RevokeRole, type Role, RuleViolation } from '#domain';
import { participantChange, registeredParticipant, requireAdmin } from '../participant-stream.js';

export interface RevokeRoleInput {
  readonly subject: string;
  readonly role: Role;
  readonly scope: string | null;
  readonly reason: string | null;
}

/** Administrators revoke roles; the platform keeps at least one administrator. */
export const revokeRole = participantChange<RevokeRoleInput, RevokeRole>({
  name: 'RevokeRole',
  authorize: ({ ports, context }) => requireAdmin(ports.grants, context.actor, 'revoke roles'),
  target: registeredParticipant,
  async command({ ports, input, target }) {
    const participantId = (await target()).id;
    const holdsAdmin = ports.grants.rolesOf(participantId).some((grant) => grant.role === 'ADMIN');
    if (input.role === 'ADMIN' && holdsAdmin && ports.grants.adminCount() <= 1) {
      throw new RuleViolation(
        'participant.last_admin',
        'The platform must keep at least one administrator; grant ADMIN to someone else first.',
      );
    }
    return { type: 'RevokeRole', role: input.role, scope: input.scope, reason: input.reason };
  },
});
