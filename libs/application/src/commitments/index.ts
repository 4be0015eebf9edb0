export * from './commitment-command.js';
export * from './make-commitment.js';
export * from './commitment-changes.js';
