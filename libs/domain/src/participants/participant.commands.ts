import type { ParticipantRegistration } from './participant.events.js';
import type { Role } from './roles.js';

export interface RegisterParticipant extends ParticipantRegistration {
  readonly type: 'RegisterParticipant';
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
