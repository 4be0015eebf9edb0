export * from './demo-data.js';
export * from './seed-demo.js';
