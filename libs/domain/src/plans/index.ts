export * from './plan.events.js';
export * from './plan.commands.js';
export * from './plan.state.js';
export { decidePlan } from './plan.decide.js';
export { planDecider } from './plan.decider.js';
export * from './reporting-periods.js';
