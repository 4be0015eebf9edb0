export * from './track-commitment.js';
