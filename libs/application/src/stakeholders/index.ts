export * from './stakeholder-stream.js';
export * from './register-stakeholder/register-stakeholder.js';
