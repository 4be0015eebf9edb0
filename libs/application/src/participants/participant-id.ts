import { v5 as uuidv5 } from 'uuid';

/** Namespace of participant ids. Never change it: it maps subjects to their streams. */
const PARTICIPANT_NAMESPACE = '9d3b6f1e-5c2a-5e47-8f0d-7b1a4c9e2d35';

/** A subject (the identity provider's `sub`) maps to exactly one participant id, without a lookup. */
export const participantIdOf = (subject: string): string => uuidv5(subject, PARTICIPANT_NAMESPACE);
