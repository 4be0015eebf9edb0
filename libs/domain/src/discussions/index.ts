export * from './redact-contacts.js';
