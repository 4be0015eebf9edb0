export * from './decider.js';
export * from './rule-violation.js';
export * from './participants/index.js';
