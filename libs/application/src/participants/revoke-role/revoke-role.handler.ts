import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RuleViolation } from '#domain';
import type { EventStore } from '#eventstore';
import { EVENT_STORE, GRANTS } from '../../tokens.js';
import { IDENTITIES, type Identities } from '../identities.js';
import { type ParticipantResult, requireAdmin, runParticipantCommand } from '../participant-commands.js';
import type { GrantsReader } from '../read-model/participant-views.js';
import { RevokeRoleCommand } from './revoke-role.command.js';

@CommandHandler(RevokeRoleCommand)
export class RevokeRoleHandler implements ICommandHandler<RevokeRoleCommand, ParticipantResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(IDENTITIES) private readonly identities: Identities,
  ) {}

  async execute({ input, context }: RevokeRoleCommand): Promise<ParticipantResult> {
    requireAdmin(this.grants, context.actor, 'revoke roles');
    const participantId = await this.identities.participantOf(input.subject);
    const holdsAdmin = participantId !== undefined && this.grants.rolesOf(participantId).some((grant) => grant.role === 'ADMIN');
    if (input.role === 'ADMIN' && holdsAdmin && this.grants.adminCount() <= 1) {
      throw new RuleViolation('participant.last_admin', 'The platform must keep at least one administrator; grant ADMIN to someone else first.');
    }
    return runParticipantCommand(this.store, participantId, { type: 'RevokeRole', role: input.role, scope: input.scope, reason: input.reason }, context);
  }
}
