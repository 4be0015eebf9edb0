export * from './notification-streams.js';
export * from './notifications.projection.js';
export * from './sqlite-notifications-reader.js';
export * from './reminder-pass.js';
export * from './mark-notifications-read/mark-notifications-read.js';
export * from './notification-mail.js';
export * from './reminders.js';
