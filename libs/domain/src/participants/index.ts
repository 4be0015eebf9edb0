export * from './roles.js';
export * from './participant.events.js';
export * from './participant.commands.js';
export * from './participant.state.js';
export { decideParticipant } from './participant.decide.js';
export { participantDecider } from './participant.decider.js';
