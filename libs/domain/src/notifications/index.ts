export * from './notification.js';
export * from './inbox.js';
