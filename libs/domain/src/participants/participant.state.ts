import type { DomainEvent } from '../decider.js';
import type { AgeBand } from '../discussions/discussion.js';
import type { ParticipantEvent } from './participant.events.js';
import { type ParticipantKind, type RoleGrant, sameGrant } from './roles.js';

export type ParticipantState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly participantId: string;
      /** Only for participants registered before the subject counted as personal data (see ParticipantRegistration). */
      readonly subject?: string;
      readonly displayName: string;
      readonly kind: ParticipantKind;
      readonly ageBand: AgeBand;
      /** Whether sealed personal data was recorded, and whether it has been erased since. */
      readonly personalData: 'NONE' | 'SEALED' | 'ERASED';
      readonly grants: readonly RoleGrant[];
    };

export const initialParticipantState: ParticipantState = { status: 'unregistered' };

/** Pure and total: events of other types leave the state as it is. */
export function evolveParticipant(state: ParticipantState, event: DomainEvent): ParticipantState {
  const known = event as ParticipantEvent;
  switch (known.type) {
    case 'ParticipantRegistered':
      return {
        status: 'registered',
        ...known.data,
        // Older registrations carry no age band: youth then count as under 18, the safe reading.
        ageBand: known.data.ageBand ?? (known.data.kind === 'YOUTH' ? 'UNDER_18' : 'ADULT'),
        personalData: known.data.personalData ? 'SEALED' : 'NONE',
        grants: [],
      };
    case 'RoleGranted': {
      if (state.status !== 'registered') return state;
      const granted = { role: known.data.role, scope: known.data.scope };
      // Grants are a set (as in the read model): a repeated grant, however it got recorded, is held once.
      if (state.grants.some((held) => sameGrant(held, granted))) return state;
      return { ...state, grants: [...state.grants, granted] };
    }
    case 'RoleRevoked':
      if (state.status !== 'registered') return state;
      return { ...state, grants: state.grants.filter((grant) => !sameGrant(grant, known.data)) };
    case 'PersonalDataErased':
      return state.status === 'registered' ? { ...state, personalData: 'ERASED' } : state;
    default:
      return state;
  }
}
