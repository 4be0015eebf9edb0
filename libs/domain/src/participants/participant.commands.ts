import type { ParticipantRegistration } from './participant.events.js';
import type { Role } from './roles.js';

/** A registration: never with the subject in clear (it is sealed in `personalData`; see ParticipantRegistration). */
export interface RegisterParticipant extends Omit<ParticipantRegistration, 'subject'> {
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
