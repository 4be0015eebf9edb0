export * from './demo-data.js';
export * from './demo-people.js';
export * from './seed-demo.js';
