import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#eventstore';
import { CATALOGUE } from '../../catalogue/catalogue-token.js';
import type { SqliteCatalogueReader } from '../../catalogue/sqlite-catalogue-reader.js';
import { NotFoundError } from '../../errors.js';
import { EVENT_STORE, GRANTS } from '../../tokens.js';
import { IDENTITIES, type Identities } from '../identities.js';
import { type ParticipantResult, requireAdmin, runParticipantCommand } from '../participant-commands.js';
import type { GrantsReader } from '../read-model/participant-views.js';
import { RegisterParticipantCommand } from './register-participant.command.js';

@CommandHandler(RegisterParticipantCommand)
export class RegisterParticipantHandler implements ICommandHandler<RegisterParticipantCommand, ParticipantResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
    @Inject(IDENTITIES) private readonly identities: Identities,
    @Inject(CATALOGUE) private readonly catalogue: SqliteCatalogueReader,
  ) {}

  /**
   * The participant gets an id that reveals nothing; the subject, and the real name and e-mail when given, are sealed
   * with the person's own key before anything is recorded. A subject whose person was erased is refused.
   */
  async execute({ input, context }: RegisterParticipantCommand): Promise<ParticipantResult> {
    if (!context.asOperator) requireAdmin(this.grants, context.actor, 'register participants');
    const { subject, realName, email, ...registration } = input;
    if (input.sponsorId && !context.asOperator) {
      const [sponsor] = this.catalogue.stakeholdersByIds([input.sponsorId]);
      if (sponsor?.kind !== 'YOUTH_PANEL') throw new NotFoundError('The sponsor must be a registered youth-panel stakeholder.');
    }
    const participantId = await this.identities.idForRegistration(subject);
    const personalData = await this.identities.seal(participantId, { subject, realName: realName ?? null, email: email ?? null });
    return runParticipantCommand(this.store, participantId, { type: 'RegisterParticipant', participantId, ...registration, personalData }, context);
  }
}
