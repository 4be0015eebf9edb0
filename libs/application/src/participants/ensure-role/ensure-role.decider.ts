import {
  type Decider,
  type ParticipantEvent,
  type ParticipantKind,
  participantDecider,
  type ParticipantState,
  type Role,
  sameGrant,
  type SealedPersonalData,
} from '#domain';

/** Operator command: make sure a person is registered (with these details when not yet) and holds this role. */
export interface EnsureRole {
  readonly type: 'EnsureRole' | 'BootstrapAdmin';
  readonly participantId: string;
  /** The person's subject, sealed with their key (recorded only when they are registered now). */
  readonly personalData: SealedPersonalData;
  readonly displayName: string;
  readonly kind: ParticipantKind;
  readonly role: Role;
  readonly scope: string | null;
}

/**
 * The participant decider seen through one operator command: registers when needed, then grants when the role is
 * not held yet, both in one append (so a concurrent bootstrap cannot leave a registered participant without the
 * role). Decides nothing when both already hold. The domain's rules apply unchanged.
 */
export const ensureRoleDecider: Decider<ParticipantState, EnsureRole, ParticipantEvent> = {
  initialState: participantDecider.initialState,
  evolve: participantDecider.evolve,
  decide(command, state, now) {
    const { participantId, personalData, displayName, kind, role, scope } = command;
    const registering =
      state.status === 'registered'
        ? []
        : participantDecider.decide({ type: 'RegisterParticipant', participantId, personalData, displayName, kind }, state, now);
    const registered = registering.reduce(participantDecider.evolve, state);
    if (registered.status === 'registered' && registered.grants.some((held) => sameGrant(held, { role, scope }))) return registering;
    return [...registering, ...participantDecider.decide({ type: 'GrantRole', role, scope }, registered, now)];
  },
};
