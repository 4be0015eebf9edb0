import { assertNever } from '../decider.js';
import { RuleViolation } from '../rule-violation.js';
import type { ErasePersonalData, GrantRole, ParticipantCommand, RegisterParticipant, RevokeRole } from './participant.commands.js';
import type { ParticipantEvent, RoleGranted, RoleRevoked } from './participant.events.js';
import type { ParticipantState } from './participant.state.js';
import { ADULT_ONLY_ROLES, type RoleGrant, sameGrant } from './roles.js';

type Registered = Extract<ParticipantState, { status: 'registered' }>;

function registered(state: ParticipantState): Registered {
  if (state.status !== 'registered') {
    throw new RuleViolation('participant.not_registered', 'This person is not registered as a participant yet.');
  }
  return state;
}

function checkScope({ role, scope }: RoleGrant): void {
  if (role === 'ADMIN' && scope !== null) {
    throw new RuleViolation('participant.admin_has_no_scope', 'ADMIN applies to the whole platform and takes no scope.');
  }
  if (role !== 'ADMIN' && (scope === null || scope.trim() === '')) {
    const what = role === 'COORDINATOR' || role === 'MONITOR' ? 'a plan id' : 'a stakeholder id';
    throw new RuleViolation('participant.scope_required', `${role} needs a scope: ${what}.`);
  }
}

export function register(command: RegisterParticipant, state: ParticipantState): ParticipantEvent[] {
  if (state.status === 'registered') {
    throw new RuleViolation('participant.already_registered', 'This person is already registered.');
  }
  const { participantId, displayName, kind, ageBand, personalData, sponsorId } = command;
  if (sponsorId !== undefined && kind !== 'YOUTH') {
    throw new RuleViolation('participant.sponsor_for_youth_only', 'Only youth participants have a sponsoring youth panel.');
  }
  if (ageBand !== undefined && (kind === 'ADULT') !== (ageBand === 'ADULT')) {
    throw new RuleViolation('participant.age_band_mismatch', 'Youth participants are UNDER_18 or 18_24; adults are ADULT.');
  }
  return [
    {
      type: 'ParticipantRegistered',
      data: {
        participantId,
        displayName,
        kind,
        ...(ageBand ? { ageBand } : {}),
        ...(personalData ? { personalData } : {}),
        ...(sponsorId ? { sponsorId } : {}),
      },
    },
  ];
}

export function grant(command: GrantRole, state: ParticipantState): RoleGranted[] {
  const participant = registered(state);
  const wanted = { role: command.role, scope: command.scope };
  checkScope(wanted);
  if (participant.kind === 'YOUTH' && ADULT_ONLY_ROLES.includes(command.role)) {
    throw new RuleViolation('participant.youth_role', `A youth participant cannot be ${command.role}.`);
  }
  if (command.role === 'YOUTH' && participant.kind !== 'YOUTH') {
    throw new RuleViolation('participant.youth_role', 'Only a youth participant can hold the YOUTH role.');
  }
  if (participant.grants.some((held) => sameGrant(held, wanted))) {
    throw new RuleViolation('participant.role_already_granted', `${participant.displayName} already holds ${command.role} here.`);
  }
  return [{ type: 'RoleGranted', data: { participantId: participant.participantId, ...wanted } }];
}

export function revoke(command: RevokeRole, state: ParticipantState): RoleRevoked[] {
  const participant = registered(state);
  const held = { role: command.role, scope: command.scope };
  if (!participant.grants.some((grant) => sameGrant(grant, held))) {
    throw new RuleViolation('participant.role_not_granted', `${participant.displayName} does not hold ${command.role} here.`);
  }
  return [{ type: 'RoleRevoked', data: { participantId: participant.participantId, ...held, reason: command.reason } }];
}

export function erase(command: ErasePersonalData, state: ParticipantState): ParticipantEvent[] {
  const participant = registered(state);
  if (participant.personalData === 'ERASED') throw new RuleViolation('participant.already_erased', 'The personal data is already erased.');
  // Erasure forgets the subject, so the person can never sign in again: an administrator would lock themselves (or the
  // platform's last administrator) out. Their ADMIN role is revoked first, deliberately, by another administrator.
  if (participant.grants.some((grant) => grant.role === 'ADMIN')) {
    throw new RuleViolation(
      'participant.erase_admin',
      `${participant.displayName} holds ADMIN: revoke it before erasing their personal data.`,
    );
  }
  return [{ type: 'PersonalDataErased', data: { participantId: participant.participantId, erasedBy: command.erasedBy } }];
}

export function decideParticipant(command: ParticipantCommand, state: ParticipantState): ParticipantEvent[] {
  switch (command.type) {
    case 'RegisterParticipant':
      return register(command, state);
    case 'ErasePersonalData':
      return erase(command, state);
    case 'GrantRole':
      return grant(command, state);
    case 'RevokeRole':
      return revoke(command, state);
    default:
      return assertNever(command);
  }
}
