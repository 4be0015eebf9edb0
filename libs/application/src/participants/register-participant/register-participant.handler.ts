import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#eventstore';
import { PersonalDataVault } from '../../personal-data/personal-data-vault.js';
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
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  /** The real name and e-mail, when given, are sealed with the person's own key before anything is recorded. */
  async execute({ input, context }: RegisterParticipantCommand): Promise<ParticipantResult> {
    requireAdmin(this.grants, context.actor, 'register participants');
    const participantId = participantIdOf(input.subject);
    const { realName, email, ...registration } = input;
    const personalData = realName || email ? this.vault.seal(participantId, { realName: realName ?? null, email: email ?? null }) : undefined;
    return runParticipantCommand(
      this.store,
      input.subject,
      { type: 'RegisterParticipant', participantId, ...registration, ...(personalData ? { personalData } : {}) },
      context,
    );
  }
}
