import { Query } from '@nestjs/cqrs';
import type { ParticipantView } from '../read-model/participant-views.js';

export class GetParticipantQuery extends Query<ParticipantView | undefined> {
  constructor(readonly participantId: string) {
    super();
  }
}
