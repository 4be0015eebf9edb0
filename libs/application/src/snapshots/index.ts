export * from './plan-snapshot.js';
