export * from './comment-commands.js';
export * from './comment-rate-limit.js';
export * from './discussion-token.js';
export * from './discussions.projection.js';
export * from './sqlite-discussion-reader.js';
