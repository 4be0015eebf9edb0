import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#eventstore';
import { CATALOGUE } from '../../catalogue/catalogue-token.js';
import type { SqliteCatalogueReader } from '../../catalogue/sqlite-catalogue-reader.js';
import { NotFoundError } from '../../errors.js';
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
    @Inject(CATALOGUE) private readonly catalogue: SqliteCatalogueReader,
  ) {}

  /** The real name and e-mail, when given, are sealed with the person's own key before anything is recorded. */
  async execute({ input, context }: RegisterParticipantCommand): Promise<ParticipantResult> {
    if (!context.asOperator) requireAdmin(this.grants, context.actor, 'register participants');
    const participantId = participantIdOf(input.subject);
    const { realName, email, ...registration } = input;
    if (input.sponsorId && !context.asOperator) {
      const [sponsor] = this.catalogue.stakeholdersByIds([input.sponsorId]);
      if (sponsor?.kind !== 'YOUTH_PANEL') throw new NotFoundError('The sponsor must be a registered youth-panel stakeholder.');
    }
    const personalData = realName || email ? await this.vault.seal(participantId, { realName: realName ?? null, email: email ?? null }) : undefined;
    return runParticipantCommand(
      this.store,
      input.subject,
      { type: 'RegisterParticipant', participantId, ...registration, ...(personalData ? { personalData } : {}) },
      context,
    );
  }
}
