export * from './tracking.events.js';
export * from './tracking.commands.js';
export * from './tracking.state.js';
export { decideTracking } from './tracking.decide.js';
export { trackingDecider } from './tracking.decider.js';
