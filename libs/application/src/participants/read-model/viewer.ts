import type { RoleGrant } from '#domain';
import type { ParticipantsReader } from './participant-views.js';

export interface ViewerView {
  readonly subject: string;
  readonly participantId: string | null;
  readonly displayName: string | null;
  readonly roles: readonly RoleGrant[];
}

/** The signed-in caller as the platform knows them: their token's subject and the participant it is (if registered). */
export function viewerOf(participants: ParticipantsReader, subject: string, participantId: string | null): ViewerView {
  const participant = participantId === null ? undefined : participants.byId(participantId);
  return {
    subject,
    participantId: participant?.id ?? null,
    displayName: participant?.displayName ?? null,
    roles: participant?.roles ?? [],
  };
}
