export * from './stakeholder-command.js';
export * from './register-stakeholder.js';
