export * from './track-commitment.js';
export * from './tracking.projection.js';
export * from './tasks.projection.js';
export * from './tracking-views.js';
export * from './sqlite-tracking-reader.js';
export * from './tracking-token.js';
