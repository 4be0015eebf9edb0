import { v5 as uuidv5 } from 'uuid';

/** Namespace of the participant ids of older registrations. Never change it: those participants are found by it. */
const PARTICIPANT_NAMESPACE = '9d3b6f1e-5c2a-5e47-8f0d-7b1a4c9e2d35';

/**
 * The id of a participant registered before the subject counted as personal data: derived from the subject (UUID v5).
 * Participants registered since have a random id, found through the subject index (`Identities`).
 */
export const legacyParticipantId = (subject: string): string => uuidv5(subject, PARTICIPANT_NAMESPACE);
