/**
 * The demo data, from the source documents (cited as file:line in ../shared/seeds/): organisations and plans
 * (demo-plans.ts), people and their comments (demo-people.ts).
 */
export * from './demo-plans.js';
export * from './demo-people.js';
