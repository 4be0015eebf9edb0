import { type AgeBand, type ParticipantKind, participantStream, type RegisterParticipant } from '#domain';
import { NotFoundError } from '../../errors.js';
import { participantChange, requireAdmin } from '../participant-stream.js';

export interface RegisterParticipantInput {
  readonly subject: string;
  readonly displayName: string;
  readonly kind: ParticipantKind;
  readonly ageBand?: AgeBand;
  readonly realName?: string;
  readonly email?: string;
  readonly sponsorId?: string;
}

/**
 * Administrators register participants. The participant gets an id that reveals nothing; the subject, and the real
 * name and e-mail when given, are sealed with the person's own key before anything is recorded. A subject whose person
 * was erased is refused.
 */
export const registerParticipant = participantChange<RegisterParticipantInput, RegisterParticipant>({
  name: 'RegisterParticipant',
  authorize({ ports, context, input }) {
    if (!context.asOperator) requireAdmin(ports.grants, context.actor, 'register participants');
    if (input.sponsorId && !context.asOperator) {
      const [sponsor] = ports.catalogue.stakeholdersByIds([input.sponsorId]);
      if (sponsor?.kind !== 'YOUTH_PANEL') throw new NotFoundError('The sponsor must be a registered youth-panel stakeholder.');
    }
  },
  async target({ ports, input }) {
    const participantId = await ports.identities.idForRegistration(input.subject);
    return { id: participantId, stream: participantStream(participantId) };
  },
  async command({ ports, input, target }) {
    const { subject, realName, email, ...registration } = input;
    const participantId = (await target()).id;
    const personalData = await ports.identities.seal(participantId, { subject, realName: realName ?? null, email: email ?? null });
    return { type: 'RegisterParticipant', participantId, ...registration, personalData };
  },
});
