import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PARTICIPANTS } from '../../tokens.js';
import type { ParticipantsReader } from '../read-model/participant-views.js';
import { GetViewerQuery, type ViewerView } from './get-viewer.query.js';

@QueryHandler(GetViewerQuery)
export class GetViewerHandler implements IQueryHandler<GetViewerQuery, ViewerView> {
  constructor(@Inject(PARTICIPANTS) private readonly participants: ParticipantsReader) {}

  async execute({ subject, participantId }: GetViewerQuery): Promise<ViewerView> {
    const participant = participantId === null ? undefined : this.participants.byId(participantId);
    return {
      subject,
      participantId: participant?.id ?? null,
      displayName: participant?.displayName ?? null,
      roles: participant?.roles ?? [],
    };
  }
}
