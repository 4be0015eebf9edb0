import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#eventstore';
import { EVENT_STORE, GRANTS } from '../../tokens.js';
import { type ParticipantResult, requireAdmin, runParticipantCommand } from '../participant-commands.js';
import { participantIdOf } from '../participant-id.js';
import type { GrantsReader } from '../read-model/participant-views.js';
import { RegisterParticipantCommand } from './register-participant.command.js';

@CommandHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipantCommand, ParticipantResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
  ) {}

  async execute({ input, context }: RegisterParticipantCommand): Promise<ParticipantResult> {
    requireAdmin(this.grants, context.actor, 'register participants');
    return runParticipantCommand(
      this.store,
      input.subject,
      { type: 'RegisterParticipant', participantId: participantIdOf(input.subject), ...input },
      context,
    );
  }
}
