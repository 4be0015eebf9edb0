export * from './plan-command.js';
export * from './draft-plan.js';
export * from './plan-changes.js';
