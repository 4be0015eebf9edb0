import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#eventstore';
import { EVENT_STORE, GRANTS } from '../../tokens.js';
import { IDENTITIES, type Identities } from '../identities.js';
import { type ParticipantResult, requireAdmin, runParticipantCommand } from '../participant-commands.js';
import type { GrantsReader } from '../read-model/participant-views.js';
import { GrantRoleCommand } from './grant-role.command.js';

@CommandHandler(GrantRoleCommand)
export class GrantRoleHandler implements ICommandHandler<GrantRoleCommand, ParticipantResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(IDENTITIES) private readonly identities: Identities,
  ) {}

  async execute({ input, context }: GrantRoleCommand): Promise<ParticipantResult> {
    if (!context.asOperator) requireAdmin(this.grants, context.actor, 'grant roles');
    const participantId = await this.identities.participantOf(input.subject);
    return runParticipantCommand(this.store, participantId, { type: 'GrantRole', role: input.role, scope: input.scope }, context);
  }
}
