import type { Decider } from '../decider.js';
import type { ParticipantCommand } from './participant.commands.js';
import { decideParticipant } from './participant.decide.js';
import type { ParticipantEvent } from './participant.events.js';
import { evolveParticipant, initialParticipantState, type ParticipantState } from './participant.state.js';

/** A person taking part in the platform and the roles granted to them. */
export const participantDecider: Decider<ParticipantState, ParticipantCommand, ParticipantEvent> = {
  initialState: initialParticipantState,
  evolve: evolveParticipant,
  decide: (command, state) => decideParticipant(command, state),
};
