export * from './plan-stream.js';
export * from './draft-plan/draft-plan.js';
export * from './define-thematic-area/define-thematic-area.js';
export * from './adopt-plan/adopt-plan.js';
export * from './close-plan/close-plan.js';
export * from './admit-stakeholder/admit-stakeholder.js';
export * from './close-reporting-period/close-reporting-period.js';
