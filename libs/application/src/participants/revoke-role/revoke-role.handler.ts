import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RuleViolation } from '#domain';
import type { EventStore } from '#eventstore';
import { EVENT_STORE, GRANTS } from '../../tokens.js';
import { type ParticipantResult, requireAdmin, runParticipantCommand } from '../participant-commands.js';
import type { GrantsReader } from '../read-model/participant-views.js';
import { RevokeRoleCommand } from './revoke-role.command.js';

@CommandHandler(RevokeRoleCommand)
export class RevokeRoleHandler implements ICommandHandler<RevokeRoleCommand, ParticipantResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
  ) {}

  async execute({ input, context }: RevokeRoleCommand): Promise<ParticipantResult> {
    requireAdmin(this.grants, context.actor, 'revoke roles');
    const holdsAdmin = this.grants.rolesOf(input.subject).some((grant) => grant.role === 'ADMIN');
    if (input.role === 'ADMIN' && holdsAdmin && this.grants.adminCount() <= 1) {
      throw new RuleViolation('participant.last_admin', 'The platform must keep at least one administrator; grant ADMIN to someone else first.');
    }
    return runParticipantCommand(
      this.store,
      input.subject,
      { type: 'RevokeRole', role: input.role, scope: input.scope, reason: input.reason },
      context,
    );
  }
}
