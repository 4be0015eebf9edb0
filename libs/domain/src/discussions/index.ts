export * from './redact-contacts.js';
export * from './discussion.js';
