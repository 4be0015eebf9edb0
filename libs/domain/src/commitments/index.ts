export * from './commitment.events.js';
export * from './commitment.commands.js';
export * from './commitment.state.js';
export { decideCommitment } from './commitment.decide.js';
export { commitmentDecider } from './commitment.decider.js';
