import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PARTICIPANTS } from '../../tokens.js';
import type { ParticipantsReader, ParticipantView } from '../read-model/participant-views.js';
import { GetParticipantQuery } from './get-participant.query.js';

@QueryHandler(GetParticipantQuery)
export class GetParticipantHandler implements IQueryHandler<GetParticipantQuery, ParticipantView | undefined> {
  constructor(@Inject(PARTICIPANTS) private readonly participants: ParticipantsReader) {}

  async execute({ participantId }: GetParticipantQuery): Promise<ParticipantView | undefined> {
    return this.participants.byId(participantId);
  }
}
