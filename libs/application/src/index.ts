export * from './tokens.js';
export * from './errors.js';
export * from './kernel/command-context.js';
export * from './kernel/event-ids.js';
export * from './kernel/execute-command.js';
export * from './participants/index.js';
export * from './application.module.js';
export * from './read-model-projections.js';
