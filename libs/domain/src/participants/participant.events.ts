import type { DomainEvent } from '../decider.js';
import type { AgeBand } from '../discussions/discussion.js';
import type { ParticipantKind, Role } from './roles.js';

export type ParticipantRegistered = DomainEvent<
  'ParticipantRegistered',
  {
    readonly participantId: string;
    readonly subject: string;
    readonly displayName: string;
    readonly kind: ParticipantKind;
    /** Recorded when given; absent on older events (then ADULT for adults, UNDER_18 for youth, the safe reading). */
    readonly ageBand?: AgeBand;
  }
>;

export type RoleGranted = DomainEvent<
  'RoleGranted',
  { readonly participantId: string; readonly role: Role; readonly scope: string | null }
>;

export type RoleRevoked = DomainEvent<
  'RoleRevoked',
  { readonly participantId: string; readonly role: Role; readonly scope: string | null; readonly reason: string | null }
>;

export type ParticipantEvent = ParticipantRegistered | RoleGranted | RoleRevoked;

export const PARTICIPANT_EVENT_TYPES = ['ParticipantRegistered', 'RoleGranted', 'RoleRevoked'] as const;

/** Stream of one participant: `participant-<participantId>`. */
export const participantStream = (participantId: string): string => `participant-${participantId}`;
