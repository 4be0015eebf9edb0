export * from './decider.js';
export * from './rule-violation.js';
export * from './shared/values.js';
export * from './participants/index.js';
export * from './plans/index.js';
export * from './stakeholders/index.js';
export * from './commitments/index.js';
export * from './shared/deadlines.js';
