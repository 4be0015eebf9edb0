import type { DomainEvent } from '../decider.js';
import type { AgeBand } from '../discussions/discussion.js';
import type { ParticipantKind, Role } from './roles.js';

/** Who a participant is, as registered. */
export interface ParticipantRegistration {
  readonly participantId: string;
  /**
   * The identity provider's subject, in clear: only in registrations recorded before the subject counted as personal
   * data. It is sealed in `personalData` now, and the subject is found through an index kept outside the log.
   */
  readonly subject?: string;
  readonly displayName: string;
  readonly kind: ParticipantKind;
  /** Recorded when given; absent on older events (then ADULT for adults, UNDER_18 for youth, the safe reading). */
  readonly ageBand?: AgeBand;
  /**
   * The subject, and the real name and e-mail when given, sealed with the person's own key (kept outside the log):
   * erasing the key erases them.
   */
  readonly personalData?: SealedPersonalData;
  /** For youth: the youth-panel stakeholder that sponsors them. */
  readonly sponsorId?: string;
}

export type ParticipantRegistered = DomainEvent<'ParticipantRegistered', ParticipantRegistration>;

/** AES-256-GCM output, base64: ciphertext, nonce and authentication tag. */
export interface SealedPersonalData {
  readonly ciphertext: string;
  readonly iv: string;
  readonly tag: string;
}

export type PersonalDataErased = DomainEvent<'PersonalDataErased', { readonly participantId: string; readonly erasedBy: string }>;

export type RoleGranted = DomainEvent<
  'RoleGranted',
  { readonly participantId: string; readonly role: Role; readonly scope: string | null }
>;

export type RoleRevoked = DomainEvent<
  'RoleRevoked',
  { readonly participantId: string; readonly role: Role; readonly scope: string | null; readonly reason: string | null }
>;

export type ParticipantEvent = ParticipantRegistered | RoleGranted | RoleRevoked | PersonalDataErased;

export const PARTICIPANT_EVENT_TYPES = ['ParticipantRegistered', 'RoleGranted', 'RoleRevoked', 'PersonalDataErased'] as const;

/** Stream of one participant: `participant-<participantId>`. */
export const participantStream = (participantId: string): string => `participant-${participantId}`;
