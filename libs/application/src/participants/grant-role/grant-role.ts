import type { GrantRole, Role } from '#domain';
import { participantChange, registeredParticipant, requireAdmin } from '../participant-stream.js';

export interface GrantRoleInput {
  readonly subject: string;
  readonly role: Role;
  readonly scope: string | null;
}

/** Administrators (and operators) grant roles to registered participants. */
export const grantRole = participantChange<GrantRoleInput, GrantRole>({
  name: 'GrantRole',
  authorize({ ports, context }) {
    if (!context.asOperator) requireAdmin(ports.grants, context.actor, 'grant roles');
  },
  target: registeredParticipant,
  command: ({ input }) => ({ type: 'GrantRole', role: input.role, scope: input.scope }),
});
