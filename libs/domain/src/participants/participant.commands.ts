import type { AgeBand } from '../discussions/discussion.js';
import type { SealedPersonalData } from './participant.events.js';
import type { ParticipantKind, Role } from './roles.js';

export interface RegisterParticipant {
  readonly type: 'RegisterParticipant';
  readonly participantId: string;
  readonly subject: string;
  readonly displayName: string;
  readonly kind: ParticipantKind;
  readonly ageBand?: AgeBand;
  readonly personalData?: SealedPersonalData;
  readonly sponsorId?: string;
}

export interface GrantRole {
  readonly type: 'GrantRole';
  readonly role: Role;
  readonly scope: string | null;
}

export interface RevokeRole {
  readonly type: 'RevokeRole';
  readonly role: Role;
  readonly scope: string | null;
  readonly reason: string | null;
}

export interface ErasePersonalData {
  readonly type: 'ErasePersonalData';
  readonly erasedBy: string;
}

export type ParticipantCommand = RegisterParticipant | GrantRole | RevokeRole | ErasePersonalData;
