export * from './stakeholder.js';
